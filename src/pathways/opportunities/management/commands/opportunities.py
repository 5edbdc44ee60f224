"""`pathways opportunities close-expired [--schedule]`: mark expired postings closed."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from pathways.opportunities import postings, tasks


class Command(BaseCommand):
    help = "Work-based learning opportunities: close the postings that have expired."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        close = sub.add_parser("close-expired", help="Mark expired postings closed now.")
        close.add_argument(
            "--schedule",
            action="store_true",
            help="Also queue the nightly job for the database worker (pathways db_worker).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        closed = postings.close_expired()
        self.stdout.write(f"Closed {closed} expired posting(s).")
        if options.get("schedule"):
            if tasks.schedule_next():
                self.stdout.write("Queued the nightly job for the database worker.")
            else:
                self.stdout.write("This task backend cannot queue for later; run me nightly.")
