"""Staff pages to import programs of study from a file and export them in the same layout.

A bad upload answers 4xx with a message, never 500, as on every import page
(core/uploads.py): 400 for a missing, empty or wrongly named file, 413 for one over the size
cap, 422 for a file whose rows have problems (grouped, with a CSV of every problem with its
row and column; nothing is saved).
"""

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pathways.core.problems import problems_csv, problems_page
from pathways.core.spreadsheets import FORMATS, file_response
from pathways.core.uploads import SpreadsheetUploadForm, received_upload, saved_upload
from pathways.datasets.errors import ImportValidationError
from pathways.framework.models import Cluster
from pathways.framework.names import name_key
from pathways.geography.models import District

from ..models import ProgramOfStudy
from .checks import may_import_approved
from .exporting import (
    BadFilter,
    ExportFilters,
    export_bytes,
    programs_for_export,
)
from .importing import import_file
from .layout import COLUMNS

# The problems of the last upload, for their CSV; a file of 5 MB has far fewer.
PROBLEMS_KEY = "programs_import_problems"
PROBLEMS_KEPT = 20_000

# What each column holds, shown beside the upload form (docs/programs-layout.md has more).
COLUMN_HELP = {
    "district_nces_id": gettext_lazy("The school district's NCES ID, 7 digits (3500060)."),
    "program_title": gettext_lazy("The program's title; with the district, it names the program."),
    "subcluster_code": gettext_lazy(
        "The 2024 sub-cluster code, e.g. healthcare-human-services--physical-health."
    ),
    "legacy_pathway_code": gettext_lazy(
        "Optional: the legacy pathway code, e.g. health-science--therapeutic-services."
    ),
    "program_description": gettext_lazy("Optional: a description of the program."),
    "position": gettext_lazy("The course's place in the sequence: 1, 2, 3 … without gaps."),
    "course_code": gettext_lazy("The state course code (up to 12 letters, digits, . or -)."),
    "course_title": gettext_lazy("The course title, as in the state course catalogue."),
    "credits": gettext_lazy("Optional: credits, above 0 and at most 10 (default 1)."),
    "grade_min": gettext_lazy("Optional: the lowest grade, 6 to 12 (default 9)."),
    "grade_max": gettext_lazy("Optional: the highest grade, 6 to 12 (default 12)."),
    "is_capstone": gettext_lazy("yes for the capstone (exactly one, the last course), else no."),
    "credentials": gettext_lazy("Optional: credential names, separated by semicolons."),
    "postsecondary": gettext_lazy(
        "Optional: “institution | title | CIP code” entries, separated by semicolons."
    ),
    "work_based_learning": gettext_lazy(
        "Optional: “kind: description” entries, separated by semicolons "
        "(kinds: tour, job_shadowing, mentoring, internship, coop, service_learning, "
        "entrepreneurship, pre_apprenticeship, apprenticeship)."
    ),
}


class ImportForm(SpreadsheetUploadForm):
    field_order = ["file", "check_only", "approve"]
    file = forms.FileField(
        label=gettext_lazy("Programs file (CSV or XLSX)"),
        help_text=gettext_lazy("One row per course, in the layout below. At most 5 MB."),
    )
    approve = forms.BooleanField(
        required=False,
        label=gettext_lazy("Import as approved"),
        help_text=gettext_lazy(
            "State administrators only: new and changed programs are approved at once "
            "instead of becoming drafts."
        ),
    )

    def __init__(self, *args: Any, can_approve: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_approve:
            del self.fields["approve"]


def _require_import(request: HttpRequest) -> None:
    if not request.user.has_perm("programs.import_programs"):
        raise PermissionDenied(_("You may not import programs of study."))


@login_required
def import_view(request: HttpRequest) -> HttpResponse:
    """GET: the upload form. POST: check (and unless "check only", import) the file."""
    _require_import(request)
    context: dict[str, Any] = {
        "columns": [(column, COLUMN_HELP[column]) for column in COLUMNS],
        "max_bytes": ImportForm.max_bytes,
    }
    form = received_upload(
        request,
        ImportForm,
        "programs/transfer_import.html",
        context,
        can_approve=may_import_approved(request.user),
    )
    if isinstance(form, HttpResponse):
        return form
    status = ProgramOfStudy.Status.APPROVED if form.cleaned_data.get("approve") else None
    with saved_upload(form.cleaned_data["file"], prefix="programs-import-") as path:
        try:
            summary = import_file(
                path, request.user, file_name=form.file_name, status=status, check=form.check
            )
        except ImportValidationError as exc:
            problems = exc.rows()
            request.session[PROBLEMS_KEY] = problems[:PROBLEMS_KEPT]
            context["upload_url"] = reverse("programs:transfer_import")
            return problems_page(
                request,
                problems,
                context,
                file_name=form.file_name,
                csv_url=reverse("programs:transfer_problems"),
            )
    context.update({"file_name": form.file_name, "check": form.check, "summary": summary})
    return render(request, "programs/transfer_result.html", context)


@login_required
def problems_file(request: HttpRequest) -> HttpResponse:
    """The problems of the last file this user uploaded, as CSV (kept in the session)."""
    _require_import(request)
    return problems_csv(request.session.get(PROBLEMS_KEY, []))


def _filters(request: HttpRequest) -> ExportFilters:
    return ExportFilters(
        district=request.GET.get("district", "").strip(),
        cluster=request.GET.get("cluster", "").strip(),
        status=request.GET.get("status", "").strip(),
    )


@login_required
def export_view(request: HttpRequest) -> HttpResponse:
    """Filters and download links; what the user may see, in the import layout."""
    filters = _filters(request)
    context: dict[str, Any] = {
        "filters": filters,
        "districts": District.objects.order_by("name"),
        "clusters": sorted(
            Cluster.objects.all(), key=lambda c: (c.framework, name_key(c.local_name))
        ),
        "statuses": ProgramOfStudy.Status.choices,
        "may_import": request.user.has_perm("programs.import_programs"),
    }
    try:
        programs = programs_for_export(request.user, filters)
    except BadFilter as exc:
        context["error"] = exc.message
        return render(request, "programs/transfer_export.html", context, status=400)
    query = urlencode({k: v for k, v in vars(filters).items() if v})
    context["count"] = programs.count()
    context["links"] = [
        (
            fmt.upper(),
            reverse("programs:transfer_export_file", kwargs={"fmt": fmt})
            + (f"?{query}" if query else ""),
        )
        for fmt in FORMATS
    ]
    return render(request, "programs/transfer_export.html", context)


@login_required
def export_file(request: HttpRequest, fmt: str) -> HttpResponse:
    """The programs the user may see, filtered, as a CSV or XLSX download."""
    filters = _filters(request)
    try:
        programs = programs_for_export(request.user, filters)
        data = export_bytes(programs, fmt)
    except BadFilter as exc:
        return HttpResponse(exc.message, status=400, content_type="text/plain; charset=utf-8")
    return file_response(data, fmt, f"{filters.slug()}.{fmt}")


def template_file(request: HttpRequest) -> HttpResponse:
    """The layout's header row as an empty CSV to fill in."""
    return file_response(export_bytes([], "csv"), "csv", "programs-template.csv")
