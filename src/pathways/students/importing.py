"""Import of student records from CSV or XLSX (the layouts in docs/student-records-layout.md).

`import_file` reads the file once, checking every row and reporting every problem with file,
row and column (never a student ID). A file replaces, all or nothing in one transaction, the
records of its kind for each district and school year it contains; district-years whose last
upload was this same file are left alone. Rows stream from the file into the database in
large batches, so a million-row file needs neither a second pass nor a million objects.
Rows are checked by `reading.RecordReader` and written by `writing.RecordWriter`.
"""

import hashlib
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from pathways.core import locks
from pathways.core.cache import bump_content_version
from pathways.core.dbstats import refresh_statistics
from pathways.datasets.errors import ErrorLog

from . import layouts, status
from .changes import DISTRICT_YEAR, SCHOOLS, DistrictYear, ImportSummary, ShrinkNotConfirmed
from .models import ProgramStatus, RecordUpload, StudentYear
from .reading import ANY_DISTRICT, Progress, RecordReader
from .writing import RecordWriter

__all__ = ["DistrictYear", "ImportSummary", "ShrinkNotConfirmed", "import_file"]


def import_file(
    path: Path,
    *,
    kind: str = RecordUpload.Kind.COURSES,
    user: Any = None,
    check: bool = False,
    file_name: str | None = None,
    scope: str = DISTRICT_YEAR,
    confirm: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Check and import one file of student records; ImportValidationError lists every
    problem and nothing is saved. `user` None means no limits (the console). `scope`
    SCHOOLS replaces only the schools in the file (course completions). An import that
    shrinks a district-year beyond the threshold raises ShrinkNotConfirmed (nothing saved)
    unless `confirm`."""
    if kind not in RecordUpload.Kind.values:
        raise ValueError(f"kind must be one of {', '.join(RecordUpload.Kind.values)}")
    if scope not in (DISTRICT_YEAR, SCHOOLS) or (
        scope == SCHOOLS and kind != RecordUpload.Kind.COURSES
    ):
        raise ValueError("only course completions can replace the schools in the file only")
    allowed = _allowed_district(user)
    name = file_name or path.name
    log = ErrorLog(file=name)
    summary = ImportSummary(file=name, kind=kind, sha256=_sha256(path), check=check, scope=scope)
    with locks.exclusive("import"), transaction.atomic():
        layout = layouts.LAYOUTS[kind]
        writer = None if check else RecordWriter(layout, summary.sha256, scope)
        reading = RecordReader(layout, log, allowed, summary, writer)
        try:
            reading.read(path, progress)
            if writer is not None:
                writer.rows.pause()
            log.problems.sort(key=lambda problem: problem.row)
            log.raise_if_any()
            reading.finish(uploaded_by=user.get_username() if user is not None else "")
            if not check and not confirm and summary.shrinking():
                raise ShrinkNotConfirmed(summary)  # rolls back what was written
        except BaseException as error:
            if writer is not None:
                writer.rows.pause(error)  # end an open COPY, so the rollback can run
            raise
        if writer is not None and kind == RecordUpload.Kind.COURSES and summary.changed:
            status.refresh(districts={d.district_id for d in summary.district_years})
        if writer is not None:
            bump_content_version()  # cached report tables (students.report_cache) refresh
            refresh_statistics(layout.model, StudentYear, ProgramStatus)
    return summary


def _allowed_district(user: Any) -> str | None:
    """The one district the user may import (ANY_DISTRICT for all), or PermissionDenied."""
    if user is None:
        return ANY_DISTRICT
    if not user.has_perm("students.import_records"):
        raise PermissionDenied(
            _("Only district coordinators and state administrators may import student records.")
        )
    if user.has_perm("students.view_statewide_reports"):
        return ANY_DISTRICT
    return str(user.district_id) if user.district_id else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
