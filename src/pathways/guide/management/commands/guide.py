"""`pathways guide build --output DIR`: the guide's PDFs, for printing."""

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pathways.framework.services import BadQuery
from pathways.guide import pdf
from pathways.guide.services import chapters, parse_guide_query


class Command(BaseCommand):
    help = "Write the Career Clusters Guide as PDF: one per cluster and the whole guide."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        build = sub.add_parser("build", help="Write the PDFs to a folder.")
        build.add_argument("--output", required=True, help="Folder to write the PDFs to.")
        build.add_argument("--lang", choices=["en", "es"], action="append")
        build.add_argument("--region", default="", help="A workforce region slug.")
        build.add_argument("--district", default="", help="A school district's NCES id.")
        build.add_argument("--framework", default="", help="2024 (default) or legacy.")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["output"])
        folder.mkdir(parents=True, exist_ok=True)
        for lang in options["lang"] or ["en", "es"]:
            try:
                query = parse_guide_query(
                    {k: options[k] for k in ("region", "district", "framework")}, lang
                )
            except BadQuery as error:
                raise CommandError(error.message) from None
            for summary in chapters(query.framework):
                self._write(
                    folder / f"{summary.code}-{lang}.pdf", pdf.chapter_pdf, summary.code, query
                )
            self._write(folder / f"guide-{lang}.pdf", pdf.guide_pdf, query)

    def _write(self, path: Path, build: Any, *args: Any) -> None:
        started = time.perf_counter()
        content = build(*args)
        path.write_bytes(content)
        self.stdout.write(f"{path}  {len(content):,} bytes  {time.perf_counter() - started:.2f} s")
