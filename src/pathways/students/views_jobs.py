"""The page of one student-record import job: progress while it runs (htmx polling, or a
plain refresh without JavaScript), then what it changed, or every problem grouped, with a
CSV of them all; confirming an upload that shrinks a district-year; layout templates."""

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pathways.core.csv import csv_response
from pathways.core.problems import group_problems

from . import jobs, layout_files
from .forms import ConfirmForm
from .layouts import LAYOUTS
from .models import ImportJob, RecordUpload
from .progress import school_year_label

PROBLEM_GROUPS_SHOWN = 200
REFRESH_SECONDS = 3
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _job(request: HttpRequest, job_id: UUID) -> ImportJob:
    return get_object_or_404(jobs.visible_to(request.user), pk=job_id)


def _context(job: ImportJob, form: ConfirmForm | None = None) -> dict[str, Any]:
    groups = group_problems(job.problems)
    summary = job.summary or {}
    for item in summary.get("district_years", []):
        item["year_label"] = school_year_label(item["year"])
    return {
        "job": job,
        "kind": RecordUpload.Kind(job.kind).label,
        "progress": jobs.progress(job) if job.pending else None,
        "refresh_seconds": REFRESH_SECONDS,
        "summary": summary,
        "problem_count": len(job.problems),
        "problem_groups": groups[:PROBLEM_GROUPS_SHOWN],
        "problem_groups_hidden": max(len(groups) - PROBLEM_GROUPS_SHOWN, 0),
        "confirm_form": form or ConfirmForm(),
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
    return csv_response("upload-problems.csv", ["row", "column", "problem"], job.problems)


def layout_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    """A layout's header row and one example row, as CSV or XLSX."""
    if kind not in LAYOUTS:
        raise Http404
    if fmt == "csv":
        response = HttpResponse(layout_files.template_csv(kind), content_type="text/csv")
    else:
        response = HttpResponse(layout_files.template_xlsx(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{kind}-template.{fmt}"'
    return response
