"""One lock for the jobs that rewrite many rows: data loads and student imports.

Two such jobs at once would make one fail (SQLite allows one writer; a long import waiting
on a long load runs out of time), so they take turns. A second job either waits or is
refused at once with a message that says what is running and roughly for how long.
On PostgreSQL the lock is a session advisory lock, shared by every server; on SQLite it is
a file lock beside the database, shared by every process on the machine.
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ADVISORY_KEY = 0x5041_5448  # "PATH": the lock's number in PostgreSQL's advisory lock space
HOLDER_KEY = "pathways:lock:holder"
DURATION_KEY = "pathways:lock:duration:{activity}"
DEFAULT_SECONDS = 60
ACTIVITIES = {"load": gettext_lazy("data load"), "import": gettext_lazy("student import")}


class Busy(RuntimeError):
    """Another load or import holds the lock; `retry_after` is an estimate in seconds."""

    def __init__(self, running: str, retry_after: int) -> None:
        self.running, self.retry_after = running, retry_after
        super().__init__(
            _("A %(running)s is running; try again in %(seconds)s s.")
            % {"running": ACTIVITIES.get(running, running), "seconds": retry_after}
        )


def _retry_after() -> tuple[str, int]:
    holder = cache.get(HOLDER_KEY) or {}
    activity = holder.get("activity", "load")
    expected = cache.get(DURATION_KEY.format(activity=activity), DEFAULT_SECONDS)
    elapsed = time.time() - holder.get("started", time.time())
    return activity, max(5, round(expected - elapsed))


def _lock_file() -> Path:
    path = Path(settings.DATA_HOME) / "locks" / "writes.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def _postgres_lock(wait: float) -> Iterator[bool]:
    deadline = time.monotonic() + wait
    with connection.cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
            if cursor.fetchone()[0]:
                break
            if time.monotonic() >= deadline:
                yield False
                return
            time.sleep(0.5)
    try:
        yield True
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])


@contextmanager
def _file_lock(wait: float) -> Iterator[bool]:
    lock = filelock.FileLock(_lock_file())
    try:
        lock.acquire(timeout=wait)
    except filelock.Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


@contextmanager
def exclusive(activity: str, wait: float = 0) -> Iterator[None]:
    """Run the block while no other load or import runs, waiting up to `wait` seconds;
    Busy if it is still taken. `activity` ("load" or "import") names this job in the
    message another job gets."""
    acquire = _postgres_lock if connection.vendor == "postgresql" else _file_lock
    with acquire(wait) as acquired:
        if not acquired:
            raise Busy(*_retry_after())
        started = time.time()
        cache.set(HOLDER_KEY, {"activity": activity, "started": started}, None)
        try:
            yield
        finally:
            cache.delete(HOLDER_KEY)
            cache.set(DURATION_KEY.format(activity=activity), time.time() - started, None)
