"""The upload page for student records: district coordinators (their district) and the state.

A bad upload answers 4xx with a message, never 500, as on every import page
(core/uploads.py): 400 for a missing, empty or wrongly named file, 413 for one over the size
cap, 422 for a workbook beyond the bounds of core/spreadsheets. A good upload becomes a
background job (students/jobs.py) whose page (views_jobs.py) shows its progress, then what
it changed or every problem (422).
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from pathways.core.problems import problems_page
from pathways.core.uploads import received_upload

from . import jobs, layouts
from .forms import UploadForm
from .models import RecordUpload
from .progress import school_year_label

HISTORY_ROWS = 100


@dataclass(frozen=True)
class UploadEntry:
    kind: str
    district_name: str
    year_label: str
    file_name: str
    rows: int
    uploaded_at: datetime
    uploaded_by: str


def upload_history(user: Any, limit: int = HISTORY_ROWS) -> list[UploadEntry]:
    """The latest uploads a user may see: their district's, or every district's for the
    state."""
    uploads = RecordUpload.objects.select_related("district").order_by("-uploaded_at", "-pk")
    if not user.has_perm("students.view_statewide_reports"):
        uploads = uploads.filter(district_id=user.district_id)
    return [
        UploadEntry(
            kind=str(upload.get_kind_display()),
            district_name=upload.district.name,
            year_label=school_year_label(upload.school_year),
            file_name=upload.file_name,
            rows=upload.rows,
            uploaded_at=upload.uploaded_at,
            uploaded_by=upload.uploaded_by,
        )
        for upload in uploads[:limit]
    ]


def _layouts() -> list[dict[str, Any]]:
    """Each kind's columns, required ones first, for the help beside the form."""
    return [
        {
            "code": kind,
            "kind": RecordUpload.Kind(kind).label,
            "required": layout.required,
            "optional": [c for c in layout.columns if c in layout.optional],
        }
        for kind, layout in layouts.LAYOUTS.items()
    ]


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    """GET: the form and this district's uploads. POST: check (and unless "check only",
    load) the file."""
    if not request.user.has_perm("students.import_records"):
        raise PermissionDenied(
            _("Student records are uploaded by district CTE coordinators and the state.")
        )
    context: dict[str, Any] = {
        "layouts": _layouts(),
        "history": upload_history(request.user),
        "statewide": request.user.has_perm("students.view_statewide_reports"),
        "shrink_percent": round(100 * settings.PATHWAYS_UPLOAD_SHRINK_WARNING),
    }
    form = received_upload(request, UploadForm, "students/upload.html", context)
    if isinstance(form, HttpResponse):
        return form
    assert isinstance(form, UploadForm)
    return _load(request, form, context)


def _load(request: HttpRequest, form: UploadForm, context: dict[str, Any]) -> HttpResponse:
    """Save the file and record its job; refuse at once (422) a workbook whose zip promises
    too much, else queue the job and send the browser to its page."""
    job = jobs.create(
        form.cleaned_data["file"],
        user=request.user,
        kind=form.cleaned_data["kind"],
        check=form.check,
        scope=form.cleaned_data["scope"],
        file_name=form.file_name,
    )
    refusal = jobs.refuse_at_once(job)
    if refusal is not None:
        context["upload_url"] = reverse("students:upload")
        return problems_page(
            request,
            [refusal],
            context,
            file_name=form.file_name,
            csv_url=reverse("students:job_problems", kwargs={"job_id": job.pk}),
        )
    jobs.enqueue(job)
    return redirect("students:job", job_id=job.pk)
