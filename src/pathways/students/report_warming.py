"""Computing every statewide report table ahead of the first viewer, after an upload, so even
the first view of a report after new data answers from the shared cache (students.report_cache).

The "reports" cache is shared by every process (Redis, or files on one machine), so warming in
the worker serves gunicorn too. PATHWAYS_WARM_REPORTS (on by default) turns it on
after each records import job, and `pathways students warm-reports` does it from the console.
"""

from django.conf import settings
from django.db import transaction
from django_tasks import task

from . import indicators, program_tables, reports
from .models import StudentYear
from .report_tables import BREAKDOWNS
from .scope import ReportScope

PROGRAM_GROUPINGS = ("cluster", "legacy_cluster", "program")


def latest_year() -> int | None:
    return (
        StudentYear.objects.order_by("-school_year").values_list("school_year", flat=True).first()
    )


def warm(year: int) -> int:
    """Compute (and so cache) the state's tables for every breakdown; returns how many."""
    state = ReportScope()
    minimum = settings.PATHWAYS_MIN_CELL
    count = 0
    for breakdown in BREAKDOWNS:
        reports.status_suppression(year, breakdown, minimum)
        for group_by in PROGRAM_GROUPINGS:
            program_tables.program_table(year, group_by, breakdown, minimum)
        indicators.perkins_indicators(year, state, breakdown=breakdown)
        count += 2 + len(PROGRAM_GROUPINGS)
    return count


@task()
def warm_report_tables(year: int) -> int:
    return warm(year)


def _queued(year: int) -> bool:
    """Whether a warm of this year waits, not yet started, in the database queue: it reads
    the data when it runs, so it covers this change too. Without a worker (runserver) the
    queue so holds one warm per year, however many changes there are."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().filter(task_path=f"{__name__}.warm_report_tables")
    return any(
        args == {"args": [year], "kwargs": {}}
        for args in waiting.values_list("args_kwargs", flat=True)
    )


def _enqueue(year: int) -> None:
    if not _queued(year):
        warm_report_tables.enqueue(year)


def warm_after_commit() -> None:
    """After a change is committed, warm the latest year's tables in the background."""
    if not settings.PATHWAYS_WARM_REPORTS:
        return
    year = latest_year()
    if year is not None:
        transaction.on_commit(lambda: _enqueue(year))
