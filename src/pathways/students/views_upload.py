"""The upload page for student records: district coordinators (their district) and the state.

A bad upload answers 4xx with a message, never 500: 400 for a missing, empty or wrongly
named file, 413 for one over the size cap, 422 for a file whose rows have problems (every
problem is listed with file, row and column; nothing is saved), 403 for records of a district
the user may not load.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from pathways.core.uploads import body_too_large, saved_upload
from pathways.datasets.errors import ImportValidationError

from . import importing, layouts
from .forms import UploadForm
from .models import RecordUpload
from .progress import school_year_label
from .views import forbidden

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
    if user.role != "state_admin":
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
        return forbidden(
            request, _("Student records are uploaded by district CTE coordinators and the state.")
        )
    context: dict[str, Any] = {
        "layouts": _layouts(),
        "history": upload_history(request.user),
        "statewide": getattr(request.user, "role", None) == "state_admin",
    }
    if request.method != "POST":
        context["form"] = UploadForm()
        return render(request, "students/upload.html", context)
    refusal = body_too_large(request, UploadForm.max_bytes)
    if refusal:
        context["form"] = UploadForm()
        context["upload_error"] = refusal
        return render(request, "students/upload.html", context, status=413)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        context["form"] = form
        return render(
            request, "students/upload.html", context, status=413 if form.too_large else 400
        )
    return _load(request, form, context)


def _load(request: HttpRequest, form: UploadForm, context: dict[str, Any]) -> HttpResponse:
    upload: UploadedFile = form.cleaned_data["file"]
    name = Path(upload.name or "upload").name
    check_only = bool(form.cleaned_data.get("check_only"))
    kind = form.cleaned_data["kind"]
    context.update(
        {"file_name": name, "check_only": check_only, "kind": RecordUpload.Kind(kind).label}
    )
    with saved_upload(upload, prefix="student-records-") as path:
        try:
            summary = importing.import_file(
                path, kind=kind, user=request.user, check=check_only, original_name=name
            )
        except ImportValidationError as exc:
            context["problems"] = exc.problems
            return render(request, "students/upload_result.html", context, status=422)
        except PermissionDenied as exc:
            return forbidden(request, str(exc) or _("You may not load records for that district."))
    context["summary"] = summary
    context["district_years"] = [
        {
            "district": item.district_name,
            "year": school_year_label(item.year),
            "rows": item.rows,
            "students": item.students,
            "outcome": summary.outcome(item),
        }
        for item in summary.district_years
    ]
    context["history"] = upload_history(request.user)
    return render(request, "students/upload_result.html", context)
