"""Writing a source's rows: one transaction per source, provenance recorded with it."""

import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone

from pathways.core import locks
from pathways.core.cache import bump_content_version

from .fetch import resolve_files, sha256_of
from .models import DataSource
from .registry import Source, all_sources, get_source

logger = logging.getLogger(__name__)
BATCH_SIZE = 2000
# Sent after `load_all` with the slugs loaded: every load bumps the content version, which
# keys the apps' caches (the students app warms its report tables again).
sources_loaded = Signal()


class SourceModule(Protocol):
    def load(self, files: dict[str, Path]) -> dict[str, int]: ...


@dataclass(frozen=True)
class LoadReport:
    slug: str
    row_counts: dict[str, int]
    origin: str


def replace_rows(model: type[models.Model], objects: Iterable[models.Model]) -> int:
    """Replace every row of a table the source owns alone (no other table points at it)."""
    model._default_manager.all().delete()
    created = model._default_manager.bulk_create(objects, batch_size=BATCH_SIZE)
    return len(created)


def sync_rows(
    model: type[models.Model],
    objects: Sequence[models.Model],
    update_fields: list[str],
    scope: models.QuerySet | None = None,
) -> int:
    """Upsert by primary key and delete rows no longer published: keeps keys that user data
    (programs of study, student records) refer to. `scope` is the part of the table this
    source owns (default: all of it): rows outside it are not deleted, though one with the
    same key as an object would be updated, so keep keys distinct across scopes."""
    pk_name = model._meta.pk.name
    keys = [getattr(obj, pk_name) for obj in objects]
    owned = model._default_manager.all() if scope is None else scope
    owned.exclude(pk__in=keys).delete()
    model._default_manager.bulk_create(
        objects,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=[pk_name],
        update_fields=update_fields,
    )
    return len(objects)


def source_module(slug: str) -> SourceModule:
    module: SourceModule = importlib.import_module(f"pathways.datasets.{slug}")
    return module


def load_source(
    source: Source, mirror: str | Path | None = None, files: dict[str, Path] | None = None
) -> LoadReport:
    """Load one source atomically: a failure leaves the previously loaded rows as they were."""
    if files is None:
        files = source_files(source, mirror)
    origin = _origin(source, mirror)
    with locks.exclusive("load"), transaction.atomic():
        counts = source_module(source.slug).load(files)
        DataSource.objects.update_or_create(
            slug=source.slug,
            defaults={
                "title": source.title,
                "publisher": source.publisher,
                "vintage": source.vintage,
                "licence": source.licence,
                "licence_url": source.licence_url,
                "attribution": source.attribution,
                "homepage": source.homepage,
                "origin": origin,
                "files": {name: sha256_of(path, name) for name, path in files.items()},
                "row_counts": counts,
                "loaded_at": timezone.now(),
            },
        )
    bump_content_version()
    return LoadReport(source.slug, counts, origin)


def load_all(
    mirror: str | Path | None = None,
    only: list[str] | None = None,
    on_loaded: Callable[[LoadReport], None] = lambda report: None,
) -> list[LoadReport]:
    """Load sources in registry order (or just `only`, in registry order)."""
    if only:
        for slug in only:
            get_source(slug)  # unknown names fail before anything loads
    reports = []
    for source in all_sources():
        if only and source.slug not in only:
            continue
        report = load_source(source, mirror)
        on_loaded(report)
        reports.append(report)
    sources_loaded.send(sender=load_all, slugs=[r.slug for r in reports])
    return reports


def source_files(source: Source, mirror: str | Path | None = None) -> dict[str, Path]:
    if source.kind == "profile":
        profile = Path(settings.PATHWAYS_STATE_PROFILE)
        return {profile.name: profile}
    return resolve_files(source, mirror)


def _origin(source: Source, mirror: str | Path | None) -> str:
    from .fetch import mirror_dir

    if source.kind in ("profile", "derived", "package"):
        return source.kind
    root = mirror_dir(mirror)
    return f"mirror {root}" if root else "download cache"
