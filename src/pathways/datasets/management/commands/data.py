"""`pathways data fetch|load|status`: obtain, load and inspect the official sources."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pathways.core.locks import Busy
from pathways.datasets.errors import DataError
from pathways.datasets.fetch import resolve_files
from pathways.datasets.loading import LoadReport, load_all
from pathways.datasets.models import DataSource
from pathways.datasets.registry import all_sources, get_source


class Command(BaseCommand):
    help = "Fetch, load and report on the official data sources."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        fetch = sub.add_parser("fetch", help="download every source (checksum verified, cached)")
        fetch.add_argument("--only", action="append", metavar="SOURCE")
        load = sub.add_parser("load", help="load sources into the database")
        load.add_argument("--mirror", metavar="DIR", help="read official files from this folder")
        load.add_argument("--only", action="append", metavar="SOURCE")
        sub.add_parser("status", help="what is loaded: vintage, rows, when")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"do_{options['action']}")(options)
        except (DataError, KeyError, Busy) as exc:
            raise CommandError(str(exc).strip("'\"")) from exc

    def do_fetch(self, options: dict[str, Any]) -> None:
        only = options.get("only")
        for source in all_sources():
            if (only and source.slug not in only) or not source.files:
                continue
            paths = resolve_files(source, mirror=None)
            self.stdout.write(f"{source.slug}: {len(paths)} file(s) ready")

    def do_load(self, options: dict[str, Any]) -> None:
        only = options.get("only")
        if only:
            for slug in only:
                get_source(slug)

        def report(result: LoadReport) -> None:
            counts = ", ".join(f"{k} {v:,}" for k, v in result.row_counts.items())
            self.stdout.write(f"{result.slug}: {counts} ({result.origin})")

        load_all(mirror=options.get("mirror"), only=only, on_loaded=report)

    def do_status(self, options: dict[str, Any]) -> None:
        loaded = {s.slug: s for s in DataSource.objects.all()}
        for source in all_sources():
            row = loaded.get(source.slug)
            if row is None:
                self.stdout.write(f"{source.slug:18} not loaded")
                continue
            counts = ", ".join(f"{k} {v:,}" for k, v in row.row_counts.items())
            when = row.loaded_at.strftime("%Y-%m-%d %H:%M")
            self.stdout.write(f"{source.slug:18} {row.vintage:28} loaded {when}  {counts}")
