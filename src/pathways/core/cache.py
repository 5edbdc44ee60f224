"""The content version that keys cached pages and figures.

It lives in the database, not in a per-process cache, so a data load from the console or a
program approved on another server refreshes every web process's caches at once. It is
bumped inside the changing transaction, so a rolled-back change leaves it as it was.
Other rows of the same table count narrower changes (see `bump_version`), so a change only
some caches read does not clear every cached public page.
"""

from django.db.models import F, Max
from django.http import HttpRequest

from pathways.datasets.models import DataSource

from .models import ContentVersion

CONTENT = 1  # the row public pages are keyed by


def content_version() -> int:
    number = ContentVersion.objects.filter(pk=CONTENT).values_list("number", flat=True).first()
    return number or 0


def content_version_for(request: HttpRequest) -> int:
    """The version, read once per request (the page cache and the templates both need it)."""
    if not hasattr(request, "_content_version"):
        request._content_version = content_version()  # type: ignore[attr-defined]
    return request._content_version  # type: ignore[attr-defined]


def bump_content_version(**_signal_arguments: object) -> None:
    """Count a change (also usable as a signal receiver)."""
    bump_version(CONTENT)


def bump_version(row: int) -> None:
    """Count a change in one row: `CONTENT`, or an app's own row for changes only its
    caches read (students.report_cache)."""
    if not ContentVersion.objects.filter(pk=row).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=row, defaults={"number": 1})


def data_version() -> str:
    """When a source last loaded, for figures that change only with the data."""
    latest = DataSource.objects.aggregate(latest=Max("loaded_at"))["latest"]
    return latest.isoformat() if latest else "none"
