"""The statewide report tables (counts and what suppression hides), computed once per
version of the student data and kept in the shared cache.

Every report page of a grouping and breakdown reads the same statewide table, so a second
viewer, another district's coordinator or the CSV download gets it without rerunning the
queries and the suppression. The key names the version of everything the tables are read
from: the content version (bumped by every status rebuild and program change), the site's
own records version (bumped by hours a teacher verifies, which public pages never show) and
the latest records upload. Exact counts (a minimum cell size other than the published one) are
never cached. The "reports" cache is Redis in production and files on one machine, so the
worker's warming (report_warming) reaches every web process.
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Max

from pathways.core.cache import CONTENT, bump_version
from pathways.core.models import ContentVersion

from .models import RecordUpload

T = TypeVar("T")
TIMEOUT_SECONDS = 6 * 60 * 60  # a stale key is never read; this only frees memory
SITE_RECORDS = 2  # the ContentVersion row counting records the site writes (placements)


def bump_site_records_version() -> None:
    """Count a change to records the site writes itself: only the report tables refresh."""
    bump_version(SITE_RECORDS)


def student_data_version() -> str:
    """Changes whenever a status rebuild, a program change, a site-written record or a records
    upload changes."""
    rows = dict(
        ContentVersion.objects.filter(pk__in=(CONTENT, SITE_RECORDS)).values_list("pk", "number")
    )
    uploads = RecordUpload.objects.aggregate(
        last=Max("id"), count=Count("id"), latest=Max("uploaded_at")
    )
    latest = uploads["latest"].isoformat() if uploads["latest"] else "none"
    versions = f"{rows.get(CONTENT, 0)}:{rows.get(SITE_RECORDS, 0)}"
    return f"{versions}:{uploads['last']}:{uploads['count']}:{latest}"


def cached_table(name: str, parts: tuple[object, ...], minimum: int, compute: Callable[[], T]) -> T:
    """`compute()`'s result for this table, from the cache when the data has not changed."""
    if minimum != settings.PATHWAYS_MIN_CELL:
        return compute()  # exact counts: never kept
    key = ":".join(["report-table", name, student_data_version(), *map(str, parts), str(minimum)])
    cache = caches["reports"]  # shared by every process: see settings.CACHES
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT_SECONDS)
    return found
