"""The page of one student-record import job: progress while it runs (htmx polling, or a
plain refresh without JavaScript), then what it changed, or every problem grouped, with a
CSV of them all; confirming an upload that shrinks a district-year; layout templates."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pathways.core.problems import problems_context, problems_csv
from pathways.core.spreadsheets import file_response

from . import jobs, layout_files
from .forms import ConfirmForm
from .layouts import LAYOUTS
from .models import ImportJob, RecordUpload
from .progress import school_year_label

REFRESH_SECONDS = 3


def _job(request: HttpRequest, job_id: UUID) -> ImportJob:
    return get_object_or_404(jobs.visible_to(request.user), pk=job_id)


def _context(job: ImportJob, form: ConfirmForm | None = None) -> dict[str, Any]:
    summary = job.summary or {}
    for item in summary.get("district_years", []):
        item["year_label"] = school_year_label(item["year"])
    return {
        "job": job,
        "kind": RecordUpload.Kind(job.kind).label,
        "progress": jobs.progress(job) if job.pending else None,
        "refresh_seconds": REFRESH_SECONDS,
        "summary": summary,
        "confirm_form": form or ConfirmForm(),
        **problems_context(
            job.problems,
            file_name=job.file_name,
            csv_url=reverse("students:job_problems", kwargs={"job_id": job.pk}),
        ),
    }


@login_required
def job_page(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = _job(request, job_id)
    context = _context(job)
    if request.headers.get("HX-Request"):
        return render(request, "students/_job.html", context)  # htmx swaps 2xx only
    status = 422 if job.status == ImportJob.Status.PROBLEMS else 200
    return render(request, "students/job.html", context, status=status)


@login_required
@require_POST
def job_confirm(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = _job(request, job_id)
    if job.status != ImportJob.Status.NEEDS_CONFIRMATION:
        return redirect("students:job", job_id=job.pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return render(request, "students/job.html", _context(job, form), status=400)
    jobs.confirm(job)
    return redirect("students:job", job_id=job.pk)


@login_required
@require_POST
def job_cancel(request: HttpRequest, job_id: UUID) -> HttpResponse:
    job = _job(request, job_id)
    if job.status == ImportJob.Status.NEEDS_CONFIRMATION:
        jobs.cancel(job)
    return redirect("students:job", job_id=job.pk)


@login_required
def job_problems(request: HttpRequest, job_id: UUID) -> HttpResponse:
    """Every problem of the job's file, one per line (row 0 means the whole file)."""
    job = _job(request, job_id)
    return problems_csv(job.problems)


def layout_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    """A layout's header row and one example row, as CSV or XLSX."""
    if kind not in LAYOUTS:
        raise Http404
    data = layout_files.template_csv(kind) if fmt == "csv" else layout_files.template_xlsx(kind)
    return file_response(data, fmt, f"{kind}-template.{fmt}")
