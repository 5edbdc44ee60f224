"""The background job that marks expired postings closed, once a day.

Lists never depend on it: they filter expired postings out when they query. The job only
keeps the stored status true (for posters' pages and exports). `pathways opportunities
close-expired --schedule` starts the chain; each run queues the next for the following
night, and the database worker (`pathways db_worker`) runs them.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from . import postings


def next_night() -> datetime:
    tomorrow = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time(1, 0)))


def schedule_next() -> bool:
    """Queue tomorrow night's run; False when the backend cannot defer (the immediate
    backend of the tests would otherwise run the chain forever)."""
    if not close_expired_postings.get_backend().supports_defer:
        return False
    close_expired_postings.using(run_after=next_night()).enqueue()
    return True


@task()
def close_expired_postings() -> int:
    closed = postings.close_expired()
    schedule_next()
    return closed
