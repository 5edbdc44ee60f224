"""Student-record imports as background jobs: the upload page saves the file in a private
folder and queues a job; a worker (`pathways db_worker`) runs the same `import_file` the
console runs, and the job page shows its progress and, when done, what it changed or every
problem. The file is deleted when the job ends (kept only while it waits for confirmation,
and no longer than PATHWAYS_UPLOAD_CONFIRM_HOURS: see `expire_unconfirmed`).

Progress is written to a small file beside the upload, not to the database: the import
holds its transaction (and on SQLite the write lock) until it ends.
"""

import json
import logging
import os
import shutil
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from pathways.accounts.rules import import_jobs_visible_to
from pathways.core import locks
from pathways.core.spreadsheets import Bounds, SpreadsheetError, check_archive
from pathways.datasets.errors import ImportValidationError

from . import importing, report_warming
from .changes import ShrinkNotConfirmed
from .models import ImportJob

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


def folder(job: ImportJob) -> Path:
    return Path(settings.PATHWAYS_UPLOADS_DIR) / str(job.pk)


def upload_path(job: ImportJob) -> Path | None:
    found = sorted(folder(job).glob("upload.*"))
    return found[0] if found else None


def create(
    upload: UploadedFile,
    *,
    user: Any,
    kind: str,
    check: bool,
    scope: str,
    file_name: str,
) -> ImportJob:
    """Save the upload in its own private folder and record a queued job (not yet run)."""
    job = ImportJob.objects.create(
        user=user,
        kind=kind,
        file_name=file_name[:255],
        check_only=check,
        scope=scope,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    target = folder(job)
    target.mkdir(parents=True, mode=0o700)
    path = target / f"upload{Path(file_name).suffix.lower()}"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(descriptor, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return job


def refuse_at_once(job: ImportJob) -> tuple[int, str, str] | None:
    """The problem of a workbook whose zip directory alone is beyond the bounds (a cheap
    check, before any job runs): the job then ends with it and its file is deleted."""
    path = upload_path(job)
    if path is None or path.suffix != ".xlsx":
        return None
    try:
        check_archive(path, Bounds.from_settings())
    except SpreadsheetError as exc:
        problem = (exc.row, "", exc.message)
        _finish(job, ImportJob.Status.PROBLEMS, problems=[list(problem)])
        return problem
    return None


def enqueue(job: ImportJob) -> None:
    run_import_job.enqueue(str(job.pk))


def progress(job: ImportJob) -> dict[str, Any]:
    """{"fraction": 0..1, "rows": n} as the running job last wrote it."""
    try:
        return dict(json.loads((folder(job) / "progress.json").read_text()))
    except (OSError, ValueError):
        return {"fraction": 0.0, "rows": 0}


class _ProgressFile:
    def __init__(self, job: ImportJob):
        self.path = folder(job) / "progress.json"
        self.written = 0.0

    def __call__(self, fraction: float, rows: int) -> None:
        now = time.monotonic()
        if now - self.written < PROGRESS_EVERY_SECONDS:
            return
        self.written = now
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps({"fraction": round(fraction, 3), "rows": rows}))
        partial.replace(self.path)  # readers never see half a file


@task()
def run_import_job(job_id: str) -> str:
    """Run one queued import job; returns its final status."""
    expire_unconfirmed()
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return str(job.status)
    path = upload_path(job)
    if path is None:
        return _finish(job, ImportJob.Status.FAILED, message=_("The uploaded file is gone."))
    job.status, job.started_at = ImportJob.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    with translation.override(job.language):
        return _run(job, path)


def _run(job: ImportJob, path: Path) -> str:
    try:
        summary = importing.import_file(
            path,
            kind=job.kind,
            user=job.user,
            check=job.check_only,
            file_name=job.file_name,
            scope=job.scope,
            confirm=job.confirmed,
            progress=_ProgressFile(job),
        )
    except ImportValidationError as exc:
        return _finish(job, ImportJob.Status.PROBLEMS, problems=exc.rows())
    except ShrinkNotConfirmed as exc:
        return _finish(job, ImportJob.Status.NEEDS_CONFIRMATION, summary=exc.summary.as_dict())
    except (PermissionDenied, locks.Busy) as exc:
        return _finish(job, ImportJob.Status.FAILED, message=str(exc))
    except Exception as exc:
        # The class only: messages of database errors may quote a row's values.
        logger.error("import job %s stopped: %s", job.pk, type(exc).__name__)
        message = _("The import stopped because of an unexpected error; nothing was saved.")
        return _finish(job, ImportJob.Status.FAILED, message=message)
    if not job.check_only:
        report_warming.warm_after_commit()  # the first report view after it is fast too
    return _finish(job, ImportJob.Status.DONE, summary=summary.as_dict())


def _finish(job: ImportJob, status: str, **fields: Any) -> str:
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status
    job.finished_at = timezone.now()
    job.save()
    if status != ImportJob.Status.NEEDS_CONFIRMATION:
        discard(job)
    return status


def discard(job: ImportJob) -> None:
    """Delete the job's uploaded file and progress."""
    shutil.rmtree(folder(job), ignore_errors=True)


def confirm(job: ImportJob) -> None:
    """Queue again a job that waited for confirmation, now confirmed."""
    job.confirmed = True
    job.status = ImportJob.Status.QUEUED
    job.summary = None
    job.save(update_fields=["confirmed", "status", "summary"])
    enqueue(job)


def cancel(job: ImportJob) -> None:
    job.status = ImportJob.Status.CANCELLED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])
    discard(job)


def expire_unconfirmed(hours: float | None = None) -> int:
    """Cancel the uploads that waited for confirmation longer than `hours` (default
    PATHWAYS_UPLOAD_CONFIRM_HOURS) and delete their files; returns how many."""
    hours = settings.PATHWAYS_UPLOAD_CONFIRM_HOURS if hours is None else hours
    cutoff = timezone.now() - timedelta(hours=hours)
    waiting = ImportJob.objects.filter(
        status=ImportJob.Status.NEEDS_CONFIRMATION, finished_at__lt=cutoff
    )
    expired = list(waiting)
    for job in expired:
        job.status = ImportJob.Status.CANCELLED
        with translation.override(job.language):  # the uploader reads it on the job page
            job.message = _(
                "Not confirmed within %(hours)s hours, so the upload was cancelled and its "
                "file deleted; nothing was saved. Upload the file again to load it."
            ) % {"hours": f"{hours:g}"}
        job.save(update_fields=["status", "message"])
        discard(job)
    return len(expired)


def visible_to(user: Any) -> Any:
    """The jobs a user may see: their own; every job for the state."""
    return ImportJob.objects.filter(import_jobs_visible_to(user))
