"""A place's overview: one OEWS area's largest and fastest-growing occupations, its openings
by career cluster and its wages beside the state's, with the vintages behind them.

`pathways.occupations.markets` ranks an area's top occupations for the place pages; this
module adds what an overview compares (area against state, openings summed by cluster) and
says which data vintages are loaded. The overview page, its PDF and tests read it from here.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.core.cache import cache

from pathways.core.cache import data_version
from pathways.datasets.models import DataSource
from pathways.datasets.registry import get_source
from pathways.framework.models import Framework, SubClusterOccupation
from pathways.framework.names import local_name
from pathways.geography.models import OewsArea
from pathways.geography.services import state_area_code
from pathways.occupations.markets import CACHE_SECONDS, GROWTH_MIN_EMPLOYMENT
from pathways.occupations.models import WageEstimate
from pathways.occupations.tables import (
    ALL_OCCUPATIONS,
    OccupationRow,
    Sort,
    detailed_socs_with_wages,
    occupation_rows,
    sort_rows,
)

TOP_N = 10
# The sources an overview's figures come from, in the order its notes name them.
OVERVIEW_SOURCES = ("oews", "bls_ep", "state_projections", "advance_cte", "legacy_framework")


@dataclass(frozen=True)
class WageGap:
    """An occupation's median wage in the area beside the state's (annual, or hourly where
    BLS publishes only hourly wages)."""

    soc: str
    title: str
    area_median: Decimal | None
    state_median: Decimal | None
    per_hour: bool = False
    # BLS published the median only as "at or above" its cap (no number to compare).
    area_top_coded: bool = False
    state_top_coded: bool = False

    @property
    def difference(self) -> Decimal | None:
        """Area minus state, in the wage's own unit."""
        if self.area_median is None or self.state_median is None:
            return None
        return self.area_median - self.state_median

    @property
    def ratio(self) -> Decimal | None:
        """Area over state, two decimals (1.05 = 5% more than statewide)."""
        if self.area_median is None or not self.state_median:
            return None
        return (self.area_median / self.state_median).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class ClusterOpenings:
    code: str
    name: str
    annual_openings: int
    occupations: int

    @property
    def local_name(self) -> str:
        """Overviews are cached for every language: pages translate the name when shown."""
        return local_name(self.code, self.name)


@dataclass
class Overview:
    area: OewsArea
    state_area: OewsArea
    framework: str
    largest: list[OccupationRow] = field(default_factory=list)
    fastest_growing: list[OccupationRow] = field(default_factory=list)
    openings_by_cluster: list[ClusterOpenings] = field(default_factory=list)
    # Estimated annual openings over every occupation with an estimate (each counted once).
    total_openings: int = 0
    all_occupations: WageGap | None = None
    wage_gaps: list[WageGap] = field(default_factory=list)

    @property
    def is_statewide(self) -> bool:
        return self.area.code == self.state_area.code


def overview(area: OewsArea, framework: str = Framework.MODERN) -> Overview:
    """The overview of one OEWS area (the state's own area gives the state's overview)."""
    state = OewsArea.objects.get(code=state_area_code())
    rows = occupation_rows(detailed_socs_with_wages(area.code), area.code)
    local = [r for r in rows if r.wage and not r.wage.area_fallback]
    largest = sorted(local, key=lambda r: (-_employment(r), r.title))[:TOP_N]
    sizeable = [r for r in local if _employment(r) >= GROWTH_MIN_EMPLOYMENT]
    return Overview(
        area=area,
        state_area=state,
        framework=framework,
        largest=largest,
        fastest_growing=sort_rows(sizeable, Sort.GROWTH)[:TOP_N],
        openings_by_cluster=openings_by_cluster(local, framework),
        total_openings=sum(r.annual_openings or 0 for r in local),
        all_occupations=_all_occupations_gap(area.code, state.code),
        wage_gaps=wage_gaps(largest, state.code),
    )


def cached_overview(area: OewsArea, framework: str = Framework.MODERN) -> Overview:
    """`overview`, kept until the next data load changes the key."""
    key = f"pathways:overview:{area.code}:{framework}:{data_version()}"
    found = cache.get(key)
    if found is None:
        found = overview(area, framework)
        cache.set(key, found, CACHE_SECONDS)
    return found


def _employment(row: OccupationRow) -> int:
    return (row.wage.estimate.employment if row.wage else None) or 0


def openings_by_cluster(rows: list[OccupationRow], framework: str) -> list[ClusterOpenings]:
    """Estimated annual openings summed by cluster; an occupation in several clusters counts
    in each. Most openings first, ties A-Z."""
    openings = {r.soc: r.annual_openings for r in rows if r.annual_openings is not None}
    links = SubClusterOccupation.objects.filter(
        soc_code__in=openings, subcluster__cluster__framework=framework
    ).values_list("soc_code", "subcluster__cluster_id", "subcluster__cluster__name")
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    for soc, code, name in links:
        members[(code, name)].add(soc)
    totals = [
        ClusterOpenings(code, name, sum(openings[s] for s in socs), len(socs))
        for (code, name), socs in members.items()
    ]
    return sorted(totals, key=lambda c: (-c.annual_openings, c.name))


def _all_occupations_gap(area_code: str, state_code: str) -> WageGap | None:
    medians = dict(
        WageEstimate.objects.filter(
            area_id__in=[area_code, state_code], soc_code=ALL_OCCUPATIONS
        ).values_list("area_id", "median_annual")
    )
    if area_code not in medians:
        return None
    area, state = _decimal(medians.get(area_code)), _decimal(medians.get(state_code))
    return WageGap(ALL_OCCUPATIONS, "All occupations", area, state)


def wage_gaps(rows: list[OccupationRow], state_code: str) -> list[WageGap]:
    """Each row's area median beside the statewide median for the same OEWS code."""
    codes = {r.wage.estimate.soc_code for r in rows if r.wage}
    state = {
        e.soc_code: e for e in WageEstimate.objects.filter(area_id=state_code, soc_code__in=codes)
    }
    gaps = []
    for row in rows:
        if row.wage is None:
            continue
        here = row.wage.estimate
        there = state.get(here.soc_code)
        annual = here.median_annual is not None or "median_annual" in here.top_coded
        column = "median_annual" if annual else "median_hourly"
        gaps.append(
            WageGap(
                soc=row.soc,
                title=row.title,
                area_median=_decimal(getattr(here, column)),
                state_median=_decimal(getattr(there, column)) if there else None,
                per_hour=not annual,
                area_top_coded=column in here.top_coded,
                state_top_coded=bool(there and column in there.top_coded),
            )
        )
    return gaps


def _decimal(value: int | Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)


# Vintages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadRecord:
    """What is loaded of one source behind the overview (from its provenance record)."""

    slug: str
    citation: str
    vintage: str
    loaded_at: datetime | None
    rows: int


def load_history(slugs: tuple[str, ...] = OVERVIEW_SOURCES) -> list[LoadRecord]:
    """The loaded vintage of each source, in the page's language; loaded_at None = not
    loaded. A load replaces a source's rows, so one vintage of each is ever held: there is
    no earlier vintage to compare with."""
    loaded = {d.slug: d for d in DataSource.objects.filter(slug__in=slugs)}
    records = []
    for slug in slugs:
        source, record = get_source(slug), loaded.get(slug)
        records.append(
            LoadRecord(
                slug=slug,
                citation=source.local_title,
                vintage=source.local_vintage,
                loaded_at=record.loaded_at if record else None,
                rows=record.total_rows if record else 0,
            )
        )
    return records
