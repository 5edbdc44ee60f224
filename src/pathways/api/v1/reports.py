"""CTE status reports for signed-in staff: the same figures and suppression as the web page.

Authentication is the site's session (sign in on the site first). 401 for an anonymous
caller; 403 for an account that may not see student reports, or a district outside its own;
404 for an unknown district or when there are no records at all; 422 for a bad parameter.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from pathways.api.v1.schemas import Error
from pathways.geography.models import District
from pathways.students import report_tables, reports
from pathways.students.progress import school_year_label
from pathways.students.scope import ReportScope, scope_for

router = Router(tags=["reports"], auth=django_auth)


class StatusRowOut(Schema):
    group_key: str = Field(description="The group's code: NCES ID, school code, cluster code...")
    group_label: str
    subgroup: str = Field(description="'all', or the breakdown's category, e.g. 'F' or 'yes'.")
    subgroup_label: str
    participants: int | None = Field(description="Students; null when suppressed.")
    concentrators: int | None = Field(description="Students; null when suppressed.")
    completers: int | None = Field(description="Students; null when suppressed.")
    suppressed: list[str] = Field(
        description="The names of this row's counts that are suppressed (null above): "
        "'participants', 'concentrators' and/or 'completers'. Empty when all are shown."
    )


class StatusReportOut(Schema):
    year: int = Field(description="School year, named by the year it ends in: 2025 = 2024-25.")
    school_year: str = Field(description="The school year as written, e.g. 2024-25.")
    district: str | None = Field(description="NCES ID of the district reported; null: state.")
    group_by: str
    breakdown: str
    minimum: int = Field(
        description="Counts from 1 to minimum - 1 are suppressed, and so are counts from "
        "which a suppressed one could be worked out."
    )
    source: str
    years_available: list[int]
    rows: list[StatusRowOut]


def _scope(request: HttpRequest, district: str) -> ReportScope:
    try:
        scope = scope_for(request.user)
        if district and not District.objects.filter(nces_id=district).exists():
            raise HttpError(404, f"Unknown school district '{district}' (NCES LEA ID, 7 digits).")
        return scope.narrowed(district)
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from exc


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise HttpError(
            422, f"query parameter '{name}' ({value!r}): must be one of {', '.join(choices)}"
        )


def _year(scope: ReportScope, year: int | None) -> tuple[int, list[int]]:
    years = reports.available_years(scope)
    if not years:
        raise HttpError(404, "No student records have been uploaded for this scope yet.")
    if year is None:
        return max(years), years
    if year not in years:
        shown = ", ".join(str(y) for y in years)
        raise HttpError(
            422, f"query parameter 'year' ({year}): no student records; years with records: {shown}"
        )
    return year, years


def _row(row: Any) -> StatusRowOut:
    cells = {measure: getattr(row, measure) for measure in report_tables.STATUSES}
    return StatusRowOut(
        group_key=str(row.group_key),
        group_label=str(row.group_label),
        subgroup=str(row.subgroup),
        subgroup_label=str(row.subgroup_label),
        suppressed=[measure for measure, cell in cells.items() if cell.suppressed],
        **{measure: None if cell.suppressed else cell.count for measure, cell in cells.items()},
    )


@router.get(
    "/status",
    response={200: StatusReportOut, 401: Error, 403: Error, 404: Error, 422: Error},
    summary="CTE participants, concentrators and completers",
)
def status_report(
    request: HttpRequest,
    year: int | None = Query(None, description="School year (2025 = 2024-25); default latest."),
    district: str = Query("", description="NCES LEA ID; state administrators only may choose."),
    group_by: str = Query("district", description=f"One of: {', '.join(report_tables.GROUP_BY)}."),
    breakdown: str = Query("all", description=f"One of: {', '.join(report_tables.BREAKDOWNS)}."),
) -> StatusReportOut:
    """Counts of students by group (and subgroup), with small cells suppressed as on the site."""
    _check_choice("group_by", group_by, report_tables.GROUP_BY)
    _check_choice("breakdown", breakdown, report_tables.BREAKDOWNS)
    scope = _scope(request, district.strip())
    chosen, years = _year(scope, year)
    report = reports.status_report(chosen, scope, group_by=group_by, breakdown=breakdown)
    return StatusReportOut(
        year=report.year,
        school_year=school_year_label(report.year),
        district=scope.district_id,
        group_by=report.group_by,
        breakdown=report.breakdown,
        minimum=report.minimum,
        source=str(report.source),
        years_available=years,
        rows=[_row(row) for row in report.rows],
    )
