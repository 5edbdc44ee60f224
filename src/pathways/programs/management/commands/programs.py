"""`pathways programs import|export|demo`: programs of study in bulk, from the console.

    pathways programs import FILE --user USERNAME [--check] [--status approved]
    pathways programs export [--format csv|xlsx] [--district ID] [--cluster CODE]
                             [--status STATUS] [--user USERNAME] [--output FILE] > file
    pathways programs demo [--remove]

The file layout is described in docs/programs-layout.md.
"""

import io
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from pathways.core.spreadsheets import FORMATS
from pathways.datasets.errors import ImportValidationError
from pathways.programs.management.demo import (
    NotLoaded,
    create_demo_catalogue,
    remove_demo_catalogue,
)
from pathways.programs.models import ProgramOfStudy
from pathways.programs.transfer import ImportSummary, import_file
from pathways.programs.transfer.exporting import (
    BadFilter,
    ExportFilters,
    programs_for_export,
    write_csv,
    write_xlsx,
)


class Command(BaseCommand):
    help = "Import and export programs of study (CSV or XLSX); create the demonstration catalogue."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="import a .csv or .xlsx file, all rows or none")
        load.add_argument("file", metavar="FILE")
        load.add_argument("--user", required=True, metavar="USERNAME", help="who imports")
        load.add_argument("--check", action="store_true", help="check only; save nothing")
        load.add_argument(
            "--status",
            choices=[ProgramOfStudy.Status.DRAFT, ProgramOfStudy.Status.APPROVED],
            help="status for new and changed programs (default draft; approved: state "
            "administrators only)",
        )
        export = sub.add_parser("export", help="write programs in the import layout")
        export.add_argument("--format", choices=FORMATS, default="csv")
        export.add_argument("--district", default="", metavar="NCES_ID")
        export.add_argument("--cluster", default="", metavar="CODE")
        export.add_argument("--status", default="", choices=["", *ProgramOfStudy.Status.values])
        export.add_argument(
            "--user", metavar="USERNAME", help="only what this user may see (default: all)"
        )
        export.add_argument("--output", metavar="FILE", help="write here instead of stdout")
        demo = sub.add_parser("demo", help="create the demonstration catalogue (idempotent)")
        demo.add_argument("--remove", action="store_true", help="delete it instead")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"do_{options['action']}")(options)

    def user(self, username: str) -> Any:
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"no user named '{username}'") from None

    def do_import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        user = self.user(options["user"])
        try:
            summary = import_file(path, user, status=options.get("status"), check=options["check"])
        except ImportValidationError as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(f"{user.username}: {exc}") from exc
        self.report(summary)

    def report(self, summary: ImportSummary) -> None:
        would = "would be " if summary.check else ""
        self.stdout.write(
            f"{summary.file}: {summary.rows} rows, {summary.programs} programs: "
            f"{len(summary.created)} {would}created, {len(summary.updated)} {would}updated, "
            f"{len(summary.unchanged)} unchanged"
        )
        for label, items in (
            (f"{would}created", summary.created),
            (f"{would}updated", summary.updated),
        ):
            for change in items:
                self.stdout.write(f"  {label}: {change.title} ({change.district})")
        for label, names in (
            ("courses", summary.courses_created),
            ("credentials", summary.credentials_created),
            ("postsecondary programs", summary.postsecondary_created),
        ):
            if names:
                self.stdout.write(f"  new {label} in the catalogue: {len(names)}")
        if summary.courses_updated:
            self.stdout.write(f"  catalogue courses updated: {len(summary.courses_updated)}")
        if summary.check:
            self.stdout.write("check only: nothing was saved")

    def do_export(self, options: dict[str, Any]) -> None:
        user = self.user(options["user"]) if options.get("user") else None
        filters = ExportFilters(
            district=options["district"], cluster=options["cluster"], status=options["status"]
        )
        try:
            programs = programs_for_export(user, filters)
        except BadFilter as exc:
            raise CommandError(exc.message) from exc
        output = options.get("output")
        if options["format"] == "csv":
            if output:
                with open(output, "w", encoding="utf-8", newline="") as handle:
                    write_csv(programs, handle)
            else:
                text = io.StringIO()
                write_csv(programs, text)
                self.stdout.write(text.getvalue(), ending="")
            return
        if output:
            with open(output, "wb") as binary:
                write_xlsx(programs, binary)
            return
        stream = getattr(getattr(self.stdout, "_out", None), "buffer", None)
        if stream is None or (stream is sys.stdout.buffer and sys.stdout.isatty()):
            raise CommandError("XLSX is binary: use --output FILE or redirect to a file")
        write_xlsx(programs, stream)
        stream.flush()

    def do_demo(self, options: dict[str, Any]) -> None:
        if options["remove"]:
            count = remove_demo_catalogue()
            self.stdout.write(f"demonstration catalogue removed: {count} programs deleted")
            return
        try:
            summary = create_demo_catalogue()
        except NotLoaded as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"demonstration catalogue: {len(summary.created)} programs created, "
            f"{len(summary.updated)} updated, {len(summary.unchanged)} unchanged "
            "(all marked as demonstration data)"
        )
