"""`pathways report perkins`: the CTE status counts and the Perkins V indicators, to a file.

    pathways report perkins --year 2025 [--district NCES_ID] [--format csv|xlsx]
                            [--table both|status|indicators] [--group-by district]
                            [--breakdown all] [--user USERNAME] [--output FILE]

XLSX has one sheet per table; CSV has the two tables one after the other (or one of them,
with --table). Small counts are suppressed exactly as on the web pages; the output holds
counts only, never a student's identifier.
"""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from pathways.geography.models import District
from pathways.students import exporting, indicators, report_tables, reports
from pathways.students.scope import ReportScope, scope_for

TABLES = ("both", "status", "indicators")


class Command(BaseCommand):
    help = "Write CTE status counts and Perkins V indicators (suppressed) as CSV or XLSX."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        perkins = sub.add_parser(
            "perkins",
            help="status counts and Perkins V indicators for a school year",
            description="XLSX: one sheet per table. CSV: both tables one after the other, "
            "or one of them with --table. Suppressed counts are written as *.",
        )
        perkins.add_argument(
            "--year",
            type=int,
            help="school year, named by the year it ends in (2025 = 2024-25; default: latest)",
        )
        perkins.add_argument("--district", default="", metavar="NCES_ID")
        perkins.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        perkins.add_argument("--table", choices=TABLES, default="both")
        perkins.add_argument(
            "--group-by",
            choices=report_tables.GROUP_BY,
            default="district",
            help="status rows by this (indicators: state, or districts for any other choice)",
        )
        perkins.add_argument("--breakdown", choices=report_tables.BREAKDOWNS, default="all")
        perkins.add_argument("--minimum", type=int, help="smallest count shown (default: setting)")
        perkins.add_argument(
            "--user", metavar="USERNAME", help="only what this user may see (default: all)"
        )
        perkins.add_argument("--output", metavar="FILE", help="write here instead of stdout")

    def handle(self, *args: Any, **options: Any) -> None:
        scope = self.scope(options["user"], options["district"].strip())
        year = options["year"] or max(reports.available_years(scope), default=None)
        if year is None:
            raise CommandError("no student records to report on")
        choice = {
            "group_by": options["group_by"],
            "breakdown": options["breakdown"],
            "minimum": options["minimum"],
        }
        content: list[Any] = []
        if options["table"] in ("both", "status"):
            content.append(reports.status_report(year, scope, **choice))
        if options["table"] in ("both", "indicators"):
            content.append(indicators.perkins_indicators(year, scope, **choice))
        self.write(content, options["format"], options["output"])

    def scope(self, username: str | None, district: str) -> ReportScope:
        if district and not District.objects.filter(nces_id=district).exists():
            raise CommandError(f"unknown school district '{district}'")
        if not username:
            return ReportScope(district_id=district or None)
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named '{username}'")
        try:
            return scope_for(user).narrowed(district or None)
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None

    def write(self, content: list[Any], fmt: str, output: str | None) -> None:
        data, rows = exporting.file_bytes(content, fmt)
        if output:
            Path(output).write_bytes(data)
            self.stderr.write(f"{rows} rows written to {output}")
        elif fmt == "xlsx":
            sys.stdout.buffer.write(data)
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
