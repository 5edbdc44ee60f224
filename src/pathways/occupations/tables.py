"""Occupation tables: the rows every list, ranking, API answer and CSV download shows.

A row pairs an occupation with what it pays in an area (OEWS, with visible fallbacks) and
how many openings to expect there. Openings are an estimate: national projections scaled
to the state by employment share, and to a smaller area by its share of state employment.
"""

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from pathways.framework.models import SubClusterOccupation
from pathways.geography.services import state_area_code
from pathways.occupations import outlook
from pathways.occupations.combined import combined_codes, member_map, projection_code_for
from pathways.occupations.models import (
    NationalProjection,
    OnetOccupation,
    SocCode,
    StateProjectionEstimate,
    WageEstimate,
)
from pathways.occupations.wages import TOP_CODED_ANNUAL, Wage, wages_for

HIGH_SKILL_JOB_ZONES = (4, 5)
ALL_OCCUPATIONS = "00-0000"


@dataclass
class OccupationRow:
    soc: str
    title: str
    wage: Wage | None
    annual_openings: int | None
    # True when openings were scaled from the state estimate to the requested area.
    openings_scaled_to_area: bool
    growth_percent: Decimal | None  # national, 2024-34
    typical_education: str
    job_zone: int | None
    # Derived here from BLS projections with O*NET's Bright Outlook criteria (see `outlook`).
    bright_outlook: bool = False
    # The projections' combined code (31-1120) when growth and education are for it, else "".
    projection_combined_code: str = ""

    @property
    def median_annual(self) -> int | None:
        return self.wage.estimate.median_annual if self.wage else None

    @property
    def median_hourly(self) -> Decimal | None:
        return self.wage.estimate.median_hourly if self.wage else None

    @property
    def comparable_annual_wage(self) -> Decimal | None:
        """For ranking only: a top-coded median ranks at the cap, an hourly-only one at x2080."""
        if self.wage is None:
            return None
        estimate = self.wage.estimate
        if estimate.median_annual is not None:
            return Decimal(estimate.median_annual)
        if "median_annual" in estimate.top_coded:
            return Decimal(TOP_CODED_ANNUAL)
        if estimate.median_hourly is not None:
            return estimate.median_hourly * 2080
        return None


def occupation_rows(socs: Iterable[str], area_code: str | None = None) -> list[OccupationRow]:
    """Rows for these SOC codes, wages for the area (statewide where it has none); 6 queries
    (and two more when the combined codes are not cached). BLS combined codes (25-9045)
    carry BLS's title."""
    socs = sorted(set(socs))
    state_area = state_area_code()
    area = area_code or state_area
    combined = combined_codes()
    members = member_map(combined)
    wages = wages_for(socs, area, state_area, members)
    projected_as = {soc: projection_code_for(soc, members) or soc for soc in socs}
    titles = {code: c.title for code, c in combined.items() if code in socs}
    titles.update(SocCode.objects.filter(code__in=socs).values_list("code", "title"))
    onet = {
        soc: (title, zone)
        for soc, title, zone in OnetOccupation.objects.filter(
            soc_code__in=socs, code__endswith=".00"
        ).values_list("soc_code", "title", "job_zone")
    }
    projections = {
        p.soc_code: p
        for p in NationalProjection.objects.filter(
            soc_code__in={*socs, *projected_as.values(), outlook.ALL_OCCUPATIONS}
        )
    }
    rule = outlook.outlook_rule(projections.get(outlook.ALL_OCCUPATIONS))
    openings = _openings(socs, area, state_area)
    rows = []
    for soc in socs:
        own = projections.get(soc)
        # A member's growth and education are its group's (rates, not counts: never summed).
        projection = own or projections.get(projected_as[soc])
        onet_title, job_zone = onet.get(soc, ("", None))
        rows.append(
            OccupationRow(
                soc=soc,
                title=titles.get(soc) or onet_title or soc,
                wage=wages.get(soc),
                annual_openings=openings.get(soc),
                openings_scaled_to_area=area != state_area,
                growth_percent=projection.change_percent if projection else None,
                typical_education=projection.typical_education if projection else "",
                job_zone=job_zone,
                # Group openings would overstate a member's: only growth counts for it.
                bright_outlook=outlook.is_bright(own, rule)
                if own
                else outlook.grows_much_faster(projection, rule),
                projection_combined_code="" if own or projection is None else projected_as[soc],
            )
        )
    return rows


def _openings(socs: list[str], area: str, state_area: str) -> dict[str, int]:
    state = dict(
        StateProjectionEstimate.objects.filter(soc_code__in=socs).values_list(
            "soc_code", "annual_openings"
        )
    )
    if area == state_area:
        return state
    employment = {
        (a, soc): emp
        for a, soc, emp in WageEstimate.objects.filter(
            area_id__in=[area, state_area], soc_code__in=state, employment__isnull=False
        ).values_list("area_id", "soc_code", "employment")
    }
    scaled = {}
    for soc, openings in state.items():
        local, statewide = employment.get((area, soc)), employment.get((state_area, soc))
        if local is not None and statewide:
            scaled[soc] = round(Decimal(openings) * local / statewide)
    return scaled


class View(StrEnum):
    """One-click views; each is defined against statewide figures in `view_thresholds`."""

    ALL = "all"
    HIGH_DEMAND = "high-demand"
    HIGH_WAGE = "high-wage"
    HIGH_SKILL = "high-skill"
    BRIGHT_OUTLOOK = "bright-outlook"


VIEW_LABELS = {
    View.ALL: _("All occupations"),
    View.HIGH_DEMAND: _("High demand"),
    View.HIGH_WAGE: _("High wage"),
    View.HIGH_SKILL: _("High skill"),
    View.BRIGHT_OUTLOOK: outlook.LABEL,
}


@dataclass(frozen=True)
class Thresholds:
    median_openings: int | None  # median annual openings across occupations with an estimate
    all_occupations_median_wage: int | None  # statewide median annual wage, all occupations


def view_thresholds() -> Thresholds:
    openings = list(StateProjectionEstimate.objects.values_list("annual_openings", flat=True))
    wage = (
        WageEstimate.objects.filter(area_id=state_area_code(), soc_code=ALL_OCCUPATIONS)
        .values_list("median_annual", flat=True)
        .first()
    )
    return Thresholds(round(statistics.median(openings)) if openings else None, wage)


def in_view(row: OccupationRow, view: View, limits: Thresholds) -> bool:
    if view == View.HIGH_DEMAND:
        return (
            row.annual_openings is not None
            and limits.median_openings is not None
            and row.annual_openings >= limits.median_openings
        )
    if view == View.HIGH_WAGE:
        wage = row.comparable_annual_wage
        return (
            wage is not None
            and limits.all_occupations_median_wage is not None
            and wage >= limits.all_occupations_median_wage
        )
    if view == View.HIGH_SKILL:
        return row.job_zone in HIGH_SKILL_JOB_ZONES
    if view == View.BRIGHT_OUTLOOK:
        return row.bright_outlook
    return True


class Sort(StrEnum):
    OPENINGS = "openings"
    MEDIAN_WAGE = "median_wage"
    GROWTH = "growth"
    TITLE = "title"


def sort_rows(rows: list[OccupationRow], sort: Sort) -> list[OccupationRow]:
    """Largest first for figures, with occupations lacking the figure last; A-Z for titles."""
    if sort == Sort.TITLE:
        return sorted(rows, key=lambda r: r.title.casefold())
    value = {
        Sort.OPENINGS: lambda r: r.annual_openings,
        Sort.MEDIAN_WAGE: lambda r: r.comparable_annual_wage,
        Sort.GROWTH: lambda r: r.growth_percent,
    }[sort]
    present = [r for r in rows if value(r) is not None]
    missing = [r for r in rows if value(r) is None]
    return sorted(present, key=lambda r: (-value(r), r.title)) + sorted(
        missing, key=lambda r: r.title
    )


def cluster_socs(cluster_code: str | None = None, subcluster_code: str | None = None) -> list[str]:
    links = SubClusterOccupation.objects.all()
    if subcluster_code:
        links = links.filter(subcluster_id=subcluster_code)
    elif cluster_code:
        links = links.filter(subcluster__cluster_id=cluster_code)
    return sorted(set(links.values_list("soc_code", flat=True)))


def detailed_socs_with_wages(area_code: str) -> list[str]:
    """Every detailed occupation with an estimate in the area: the universe of a ranking."""
    return list(
        WageEstimate.objects.filter(area_id=area_code, is_detailed=True).values_list(
            "soc_code", flat=True
        )
    )
