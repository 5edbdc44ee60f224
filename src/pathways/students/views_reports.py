"""Status and Perkins V reports for counselors, coordinators and the state, with downloads.

Every page reaches student data through `scope_for(user)` (and `narrowed` for the state's
district filter): a coordinator or counselor asking for another district gets 403 with the
reason. Filters are a GET form, so every view of a report is a link that can be shared.
The page, its CSV and its XLSX come from the same service call, so they never disagree.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.core.spreadsheets import FORMATS, file_response
from pathways.geography.models import District

from . import exporting, indicators, report_tables, reports
from .charts import grouped_bars
from .forms import BREAKDOWN_LABELS, GROUP_BY_CAPTIONS, GROUP_BY_LABELS, ReportFilterForm
from .models import ExactCountExport
from .progress import school_year_label
from .scope import ReportScope, scope_for


@dataclass(frozen=True)
class ReportRequest:
    """A report's filters, checked against what the user may see."""

    scope: ReportScope
    year: int
    group_by: str
    breakdown: str

    def query(self) -> str:
        params: dict[str, Any] = {
            "year": self.year,
            "group_by": self.group_by,
            "breakdown": self.breakdown,
        }
        if self.scope.district_id:
            params["district"] = self.scope.district_id
        return urlencode(params)


@dataclass(frozen=True)
class ReportKind:
    """One report: its service, its page, its downloads and the groupings it offers."""

    template: str
    file_view: str
    stem: str  # of the download's file name
    groupings: tuple[str, ...]
    build: Callable[[ReportRequest], Any]
    build_exact: Callable[[ReportRequest], Any]  # the same, without suppression
    rows_of: Callable[[Any], Sequence[Any]]  # the report's table rows
    describe: Callable[[Any, Sequence[Any], dict[str, Any]], None]  # adds the report and the
    # rows of this page of its table to the page's context

    def default_group_by(self, scope: ReportScope) -> str:
        return "school" if not scope.statewide and "school" in self.groupings else "district"


def _resolve(request: HttpRequest, kind: ReportKind) -> tuple[ReportRequest | None, dict[str, Any]]:
    """The report request from the query string, or None with the context to show instead
    (the form's errors, or no records yet). Raises PermissionDenied, with the reason, for a
    scope the user lacks (the site's 403 page shows it)."""
    base = scope_for(request.user)
    district = request.GET.get("district", "").strip()
    known = not district or District.objects.filter(nces_id=district).exists()
    scope = base.narrowed(district) if known else base  # the form reports an unknown one
    years = reports.available_years(scope)
    data = request.GET.copy()
    if years and not data.get("year"):
        data["year"] = str(max(years))
    if not data.get("group_by"):
        data["group_by"] = kind.default_group_by(scope)
    if not data.get("breakdown"):
        data["breakdown"] = "all"
    form = ReportFilterForm(
        data,
        years=years,
        group_by=kind.groupings,
        breakdowns=report_tables.BREAKDOWNS,
        statewide=base.statewide,
    )
    context: dict[str, Any] = {"form": form, "years": years}
    if not years or not form.is_valid():
        return None, context
    chosen = form.cleaned_data
    return ReportRequest(scope, chosen["year"], chosen["group_by"], chosen["breakdown"]), context


def _page(request: HttpRequest, kind: ReportKind) -> HttpResponse:
    report_request, context = _resolve(request, kind)
    context["rules"] = settings.PATHWAYS_STATUS_RULES
    context["shared_query"] = _shared_query(request)
    if report_request is None:
        status = 400 if context["years"] and context["form"].errors else 200
        return render(request, kind.template, context, status=status)
    report = kind.build(report_request)
    page = _table_page(request, kind.rows_of(report), report_request.breakdown)
    kind.describe(report, list(page.object_list), context)
    pages_query = request.GET.copy()
    pages_query.pop("page", None)
    context.update({"page": page, "query": pages_query.urlencode()})
    query = report_request.query()
    context.update(
        {
            "request_filters": report_request,
            "group_by_label": GROUP_BY_LABELS.get(report_request.group_by),
            "group_by_caption": GROUP_BY_CAPTIONS.get(report_request.group_by),
            "breakdown_label": BREAKDOWN_LABELS.get(report_request.breakdown),
            "year_label": school_year_label(report_request.year),
            "exact_report": "perkins" if kind.template == "students/perkins.html" else "status",
            "downloads": [
                (fmt.upper(), reverse(kind.file_view, kwargs={"fmt": fmt}) + f"?{query}")
                for fmt in FORMATS
            ],
        }
    )
    return render(request, kind.template, context)


ROWS_PER_PAGE = 240  # a statewide table by program and race has 3,800 rows: 1.7 MB of HTML


def _table_page(request: HttpRequest, rows: Sequence[Any], breakdown: str) -> Page:
    """One page of the table's rows, whole groups only (every group has a row per subgroup);
    the downloads have every row. A page number out of range gives the nearest page."""
    per_group = len(report_tables.subgroups(breakdown))
    per_page = per_group * max(1, ROWS_PER_PAGE // per_group)
    return Paginator(rows, per_page).get_page(request.GET.get("page"))


def _shared_query(request: HttpRequest) -> str:
    """The filters both reports understand, for the links between them."""
    shared = {
        key: request.GET[key] for key in ("year", "district", "breakdown") if request.GET.get(key)
    }
    return f"?{urlencode(shared)}" if shared else ""


def _download(request: HttpRequest, fmt: str, kind: ReportKind) -> HttpResponse:
    report_request, context = _resolve(request, kind)
    if report_request is None:
        problems = [str(e) for errors in context["form"].errors.values() for e in errors]
        message = _("No report for these filters: %(problems)s") % {
            "problems": "; ".join(problems) or _("there are no student records yet.")
        }
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    data, _rows = exporting.file_bytes(kind.build(report_request), fmt)
    return _attachment(data, fmt, kind.stem, report_request)


def _attachment(data: bytes, fmt: str, stem: str, report_request: ReportRequest) -> HttpResponse:
    parts = (
        stem,
        report_request.scope.district_id or "state",
        report_request.year,
        report_request.group_by,
        report_request.breakdown,
    )
    name = "-".join(str(part) for part in parts)
    return file_response(data, fmt, f"{name}.{fmt}")


# --- The status report ---------------------------------------------------------------------


def _status_report(report_request: ReportRequest, minimum: int | None = None) -> Any:
    return reports.status_report(
        report_request.year,
        report_request.scope,
        group_by=report_request.group_by,
        breakdown=report_request.breakdown,
        minimum=minimum,
    )


def _describe_status(report: Any, rows: Sequence[Any], context: dict[str, Any]) -> None:
    # Chart this page's rows at the level asked for: a state or district total would dwarf
    # its parts.
    charted = [row for row in rows if row.group_by == report.group_by] or rows
    context["report"] = report
    context["chart"] = grouped_bars([(_row_label(row), _counts(row)) for row in charted])


def _row_label(row: Any) -> str:
    if row.breakdown == "all":
        return str(row.group_label)
    return f"{row.group_label} · {row.subgroup_label}"


def _counts(row: Any) -> tuple[int | None, int | None, int | None]:
    return (row.participants.count, row.concentrators.count, row.completers.count)


STATUS = ReportKind(
    template="students/report.html",
    file_view="students:report_file",
    stem="cte-status",
    groupings=report_tables.GROUP_BY,
    build=_status_report,
    build_exact=lambda report_request: _status_report(report_request, EXACT),
    rows_of=lambda report: report.rows,
    describe=_describe_status,
)


# --- The Perkins V indicators --------------------------------------------------------------


def _indicators(report_request: ReportRequest, minimum: int | None = None) -> Any:
    return indicators.perkins_indicators(
        report_request.year,
        report_request.scope,
        group_by=report_request.group_by,
        breakdown=report_request.breakdown,
        minimum=minimum,
    )


EXACT = 1  # a minimum cell size of 1 hides nothing


def _describe_indicators(indicators: Any, rows: Sequence[Any], context: dict[str, Any]) -> None:
    context["indicators"] = indicators
    context["minimum"] = indicators.minimum
    context["source"] = indicators.source


PERKINS = ReportKind(
    template="students/perkins.html",
    file_view="students:perkins_file",
    stem="perkins-v",
    groupings=("state", "district"),  # the indicators are computed for places only
    build=_indicators,
    build_exact=lambda report_request: _indicators(report_request, EXACT),
    rows_of=lambda indicators: indicators,
    describe=_describe_indicators,
)


# --- Views ---------------------------------------------------------------------------------


@login_required
def status_report_page(request: HttpRequest) -> HttpResponse:
    """Participants, concentrators and completers by group and subgroup, suppressed."""
    return _page(request, STATUS)


@login_required
def status_report_file(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download(request, fmt, STATUS)


@login_required
def perkins_page(request: HttpRequest) -> HttpResponse:
    """The Perkins V secondary indicators: numerator, denominator and rate, suppressed."""
    return _page(request, PERKINS)


@login_required
def perkins_file(request: HttpRequest, fmt: str) -> HttpResponse:
    return _download(request, fmt, PERKINS)


# --- Exact counts for the state's federal reporting -----------------------------------------


@login_required
@require_POST
def exact_file(request: HttpRequest, fmt: str) -> HttpResponse:
    """The report's exact counts (no suppression), for the state role only: every export is
    recorded (who, when, what), the file says it is not for publication, and no cache keeps
    it. A POST, so no link, prefetch or crawler can make one."""
    if not request.user.has_perm("students.export_exact_counts"):
        raise PermissionDenied(_("Exact counts are for state staff only."))
    kind = PERKINS if request.POST.get("report") == "perkins" else STATUS
    request.GET = request.POST  # the filters, as on the page
    report_request, _context = _resolve(request, kind)
    if report_request is None:
        return HttpResponse(
            _("No report for these filters."), status=400, content_type="text/plain"
        )
    report = kind.build_exact(report_request)
    data, rows = exporting.file_bytes(report, fmt, exact=True)
    ExactCountExport.objects.create(
        user=request.user,  # type: ignore[misc]  # signed in: login_required
        username=request.user.get_username(),
        report="perkins" if kind is PERKINS else "status",
        school_year=report_request.year,
        district=report_request.scope.district_id or "",
        group_by=report_request.group_by,
        breakdown=report_request.breakdown,
        file_format=fmt,
        rows=rows,
    )
    response = _attachment(data, fmt, f"{kind.stem}-exact-not-for-publication", report_request)
    patch_cache_control(response, private=True, no_store=True)
    return response
