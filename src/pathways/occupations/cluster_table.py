"""A cluster page's occupation table: the query string checked, the rows, the CSV.

The rows come from `pathways.occupations.tables` (the same rows as the API), so the page,
its CSV download and the API agree. A bad query-string value raises
`pathways.framework.services.BadQuery` with a message the page shows.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TypeVar

from django.utils.translation import gettext as _

from pathways.datasets.registry import get_source
from pathways.framework.services import BadQuery
from pathways.geography.models import OewsArea, WorkforceRegion
from pathways.geography.services import state_area_code
from pathways.occupations.labels import TYPICAL_EDUCATION, label
from pathways.occupations.models import StateProjectionEstimate, WageEstimate
from pathways.occupations.tables import (
    VIEW_LABELS,
    OccupationRow,
    Sort,
    Thresholds,
    View,
    in_view,
    occupation_rows,
    sort_rows,
    view_thresholds,
)

DEFAULT_SORT = Sort.OPENINGS
E = TypeVar("E", Sort, View)


# --- The occupation table ------------------------------------------------------------------


@dataclass(frozen=True)
class TableQuery:
    """What the reader asked for in the query string, checked."""

    sort: Sort
    view: View
    region: WorkforceRegion | None
    regions: list[WorkforceRegion]  # every region, for the filter form


def regions_with_areas() -> list[WorkforceRegion]:
    return list(WorkforceRegion.objects.select_related("primary_oews_area").order_by("name"))


def parse_table_query(params: Mapping[str, str]) -> TableQuery:
    """`sort`, `view` and `region` from the query string; a bad value raises BadQuery."""
    sort = _choice(
        Sort,
        params.get("sort"),
        DEFAULT_SORT,
        _("“%(value)s” is not a sort order. Choose one of: %(choices)s."),
    )
    view = _choice(
        View,
        params.get("view"),
        View.ALL,
        _("“%(value)s” is not a view. Choose one of: %(choices)s."),
    )
    regions = regions_with_areas()
    slug = params.get("region") or ""
    region = None
    if slug:
        region = next((r for r in regions if r.slug == slug), None)
        if region is None:
            raise BadQuery(
                _("“%(value)s” is not a workforce region. Choose one of: %(choices)s.")
                % {"value": slug, "choices": ", ".join(r.slug for r in regions)}
            )
    return TableQuery(sort, view, region, regions)


def _choice(kind: type[E], value: str | None, default: E, message: str) -> E:
    if not value:
        return default
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise BadQuery(message % {"value": value, "choices": choices}) from None


@dataclass(frozen=True, slots=True)
class TableRow:
    """One occupation as the table shows it, with every value the template needs worked out
    once (a table may have a few hundred rows; template lookups are the slow part)."""

    soc: str
    title: str
    estimate: WageEstimate | None
    # True when the area has no estimate and the statewide one stands in.
    wage_area_fallback: bool
    # OEWS's merged code when the wage is for it rather than the SOC itself; else "".
    merged_code: str
    # False when OEWS publishes no hourly median (e.g. teachers: annual only).
    shows_hourly: bool
    annual_openings: int | None
    growth_percent: Decimal | None  # national, 2024-34
    education: str  # typical education for entry, in the page's language
    job_zone: int | None
    bright_outlook: bool  # derived here from BLS projections (occupations.outlook)
    projection_combined_code: str  # growth and education are this BLS combined code's

    @classmethod
    def of(cls, row: OccupationRow) -> "TableRow":
        wage = row.wage
        estimate = wage.estimate if wage else None
        return cls(
            soc=row.soc,
            title=row.title,
            estimate=estimate,
            wage_area_fallback=bool(wage and wage.area_fallback),
            merged_code=wage.estimate.soc_code if wage and wage.merged_occupation else "",
            shows_hourly=estimate is not None
            and (estimate.median_hourly is not None or "median_hourly" in estimate.top_coded),
            annual_openings=row.annual_openings,
            growth_percent=row.growth_percent,
            education=label(TYPICAL_EDUCATION, row.typical_education),
            job_zone=row.job_zone,
            bright_outlook=row.bright_outlook,
            projection_combined_code=row.projection_combined_code,
        )


@dataclass
class OccupationTable:
    """Rows for a set of occupations after the view filter and sort, with where wages are from."""

    rows: list[TableRow]
    total: int  # occupations before the view filter
    query: TableQuery
    area: OewsArea  # the OEWS area wages and openings are for
    state_area: OewsArea
    thresholds: Thresholds

    @property
    def sort(self) -> Sort:
        return self.query.sort

    @property
    def view(self) -> View:
        return self.query.view

    @property
    def region(self) -> WorkforceRegion | None:
        return self.query.region

    @property
    def view_label(self) -> str:
        return str(VIEW_LABELS[self.view])

    @property
    def region_name(self) -> str:
        """The chosen region in the page's language; empty for statewide."""
        return self.region.local_name if self.region else ""

    @property
    def is_statewide(self) -> bool:
        return self.area.code == self.state_area.code

    @property
    def wage_fallbacks(self) -> int:
        return sum(r.wage_area_fallback for r in self.rows)


def occupation_table(socs: list[str], query: TableQuery) -> OccupationTable:
    state_code = state_area_code()
    state_area = OewsArea.objects.get(code=state_code)
    area = query.region.primary_oews_area if query.region else state_area
    rows = occupation_rows(socs, area.code)
    limits = view_thresholds()
    shown = _in_view(rows, query.view, limits, statewide=area.code == state_code)
    return OccupationTable(
        rows=[TableRow.of(r) for r in sort_rows(shown, query.sort)],
        total=len(rows),
        query=query,
        area=area,
        state_area=state_area,
        thresholds=limits,
    )


def _in_view(
    rows: list[OccupationRow], view: View, limits: Thresholds, statewide: bool
) -> list[OccupationRow]:
    """The rows in the view. High demand always compares statewide openings with the
    statewide median, also when the table shows a region's (smaller) scaled openings."""
    if view == View.HIGH_DEMAND and not statewide:
        state = dict(
            StateProjectionEstimate.objects.filter(soc_code__in=[r.soc for r in rows]).values_list(
                "soc_code", "annual_openings"
            )
        )
        return [
            r for r in rows if in_view(replace(r, annual_openings=state.get(r.soc)), view, limits)
        ]
    return [r for r in rows if in_view(r, view, limits)]


# --- CSV -------------------------------------------------------------------------------


def csv_header() -> list[str]:
    return [
        _("SOC code"),
        _("Occupation"),
        _("Wage area code"),
        _("Wage area"),
        _("Median annual wage (USD)"),
        _("Median hourly wage (USD)"),
        _("Wage notes"),
        _("Annual openings (estimate)"),
        _("Openings area"),
        _("Employment change 2024–34, national (%)"),
        _("Typical education for entry"),
        _("Job zone"),
        _("Wage source"),
        _("Openings source"),
        _("Growth and education source"),
        _("Job zone source"),
    ]


def csv_rows(table: OccupationTable) -> list[list[object]]:
    wages, openings, projections, onet = (
        get_source(slug).local_citation for slug in ("oews", "state_projections", "bls_ep", "onet")
    )
    out: list[list[object]] = []
    for r in table.rows:
        estimate = r.estimate
        out.append(
            [
                r.soc,
                r.title,
                estimate.area_id if estimate else "",
                estimate.area.name if estimate else "",
                estimate.median_annual if estimate else None,
                estimate.median_hourly if estimate else None,
                "; ".join(_wage_notes(r, table)),
                r.annual_openings,
                table.area.name if r.annual_openings is not None else "",
                r.growth_percent,
                r.education,
                r.job_zone,
                wages,
                openings,
                projections,
                onet,
            ]
        )
    return out


def _wage_notes(r: TableRow, table: OccupationTable) -> list[str]:
    estimate = r.estimate
    if estimate is None:
        return [_("no wage estimate published")]
    notes = []
    if r.wage_area_fallback:
        notes.append(_("statewide figure: %(area)s has no estimate") % {"area": table.area.name})
    if r.merged_code:
        notes.append(
            _("estimate for the OEWS combined occupation %(code)s") % {"code": r.merged_code}
        )
    if "median_annual" in estimate.top_coded:
        notes.append(_("median annual wage at or above $239,200 (top-coded)"))
    if "median_hourly" in estimate.top_coded:
        notes.append(_("median hourly wage at or above $115.00 (top-coded)"))
    return notes


def csv_filename(cluster_code: str, subcluster_code: str, table: OccupationTable) -> str:
    parts = [subcluster_code or cluster_code]
    parts.append(table.region.slug if table.region else "statewide")
    if table.view != View.ALL:
        parts.append(table.view.value)
    return "-".join(parts) + ".csv"
