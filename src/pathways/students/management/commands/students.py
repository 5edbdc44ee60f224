"""`pathways students import|recompute|synthesize`: student records from the console.

    pathways students import FILE [--kind courses] [--user USERNAME] [--check]
                             [--scope district_year|schools] [--confirm]
    pathways students recompute
    pathways students clean-uploads [--hours 24]
    pathways students warm-reports [--year 2025]
    pathways students synthesize DIR [--students 100000] [--years 2023 2024 2025] [--seed 1]

The file layouts are described in docs/student-records-layout.md. Output never names a
student: counts, file rows and columns only.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from pathways.core.locks import Busy
from pathways.datasets.errors import ImportValidationError
from pathways.students import importing, jobs, report_warming, status, synthetic
from pathways.students.changes import ShrinkNotConfirmed
from pathways.students.models import ImportJob, RecordUpload


class Command(BaseCommand):
    help = "Import student course records, recompute CTE status, write synthetic records."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="import a .csv or .xlsx file, all rows or none")
        load.add_argument("file", metavar="FILE")
        load.add_argument(
            "--kind", choices=RecordUpload.Kind.values, default=RecordUpload.Kind.COURSES
        )
        load.add_argument(
            "--user", metavar="USERNAME", help="import as this user (default: no limits)"
        )
        load.add_argument("--check", action="store_true", help="check only; save nothing")
        load.add_argument(
            "--scope",
            choices=ImportJob.Scope.values,
            default=ImportJob.Scope.DISTRICT_YEAR,
            help="replace whole district-years (default) or only the schools in the file",
        )
        load.add_argument(
            "--confirm",
            action="store_true",
            help="load even if the file shrinks a district-year beyond the warning threshold",
        )
        sub.add_parser("recompute", help="rebuild every student's program status")
        warm = sub.add_parser(
            "warm-reports", help="compute every statewide report table into the shared cache"
        )
        warm.add_argument("--year", type=int, default=None, help="default: the latest year")
        clean = sub.add_parser(
            "clean-uploads",
            help="cancel uploads left waiting for confirmation and delete their files",
        )
        clean.add_argument(
            "--hours",
            type=float,
            default=None,
            help="waiting longer than this (default PATHWAYS_UPLOAD_CONFIRM_HOURS)",
        )
        synth = sub.add_parser(
            "synthesize", help="write clearly synthetic record files for tests and benchmarks"
        )
        synth.add_argument("directory", metavar="DIR")
        synth.add_argument("--students", type=int, default=100_000)
        synth.add_argument("--years", type=int, nargs="+", default=[2023, 2024, 2025])
        synth.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "import":
            self._import(options)
        elif action == "recompute":
            summary = status.recompute()
            self.stdout.write(str(summary))
            report_warming.warm_after_commit()  # the worker recomputes the report tables
        elif action == "warm-reports":
            year = options["year"] or report_warming.latest_year()
            if year is None:
                raise CommandError("no student records yet")
            tables = report_warming.warm(year)
            self.stdout.write(f"{tables} report tables computed for {year}")
        elif action == "clean-uploads":
            count = jobs.expire_unconfirmed(options["hours"])
            self.stdout.write(f"{count} unconfirmed upload(s) cancelled and their files deleted")
        else:
            try:
                files = synthetic.generate(
                    Path(options["directory"]),
                    students=options["students"],
                    years=options["years"],
                    seed=options["seed"],
                )
            except synthetic.MissingReferenceData as exc:
                raise CommandError(str(exc)) from None
            for kind, path in files.items():
                self.stdout.write(f"{kind}: {path}")

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no user named '{options['user']}'")
        try:
            summary = importing.import_file(
                path,
                kind=options["kind"],
                user=user,
                check=options["check"],
                scope=options["scope"],
                confirm=options["confirm"],
                progress=self._progress if options["verbosity"] > 1 else None,
            )
        except ShrinkNotConfirmed as exc:
            raise CommandError(
                f"{exc.summary}\nThis file removes more than "
                f"{settings.PATHWAYS_UPLOAD_SHRINK_WARNING:.0%} of the records of "
                f"{len(exc.summary.shrinking())} district-year(s); nothing was saved. "
                "Run again with --confirm to load it."
            ) from None
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        except ImportValidationError as exc:
            raise CommandError(str(exc)) from None
        except (PermissionDenied, Busy) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(summary))

    def _progress(self, fraction: float, rows: int) -> None:
        self.stderr.write(f"{fraction:.0%} read, {rows:,} rows")
