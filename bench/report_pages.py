"""Server time of every student report page, and of the status recompute, at statewide scale.

    python bench/report_pages.py --home DIR [--database-url URL] [--students 100000]
                                 [--mirror ../shared/data] [--repeat 3]

The first run builds the database in DIR (SQLite, or `--database-url` for PostgreSQL, whose
database must exist and be empty): the state profile and the 2024 framework from the mirror,
then clearly synthetic records for --students students (students/synthetic.py), imported and
recomputed. Later runs reuse it. Then it times:

- the status recompute: every program (full), one district's programs, one program;
- every report page a state administrator can ask for (the status report by each grouping
  and breakdown, the Perkins V page by state and district and each breakdown), and a
  district's own pages as its coordinator sees them, through the Django test client
  (routing, view, queries and template; no network), best of --repeat after one warm-up
  ("first": the warm-up itself, before the statewide tables are cached, unless --warm
  computed them first as the background task does after an upload).

Prints seconds against the 1 s target for pages.
"""

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGE_TARGET = 1.0
REFERENCE_SOURCES = ("state_profile", "advance_cte")
OTHER_KINDS = ("credentials", "work_based_learning", "dual_credit", "graduation")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--home", required=True, help="folder for the SQLite file and the files")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite)")
    parser.add_argument("--mirror", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="", help="time only pages whose address contains this")
    parser.add_argument(
        "--warm", action="store_true", help="warm the statewide tables first, as after an upload"
    )
    args = parser.parse_args()
    setup(args.home, args.database_url)
    build(Path(args.home), args.mirror, args.students)
    if not args.only:
        time_recompute()
    if args.warm:
        from pathways.students import report_warming

        year = report_warming.latest_year()
        assert year is not None
        timed("\nwarm every statewide report table", lambda: report_warming.warm(year))
    time_pages(args.repeat, args.only)


def setup(home: str, database_url: str) -> None:
    Path(home).mkdir(parents=True, exist_ok=True)
    os.environ["PATHWAYS_HOME"] = home
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-report-pages")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()


def build(home: Path, mirror: str, students: int) -> None:
    """Load and import once; a database that has student records is reused as it is."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from pathways.accounts.models import User
    from pathways.programs import transfer as program_importing
    from pathways.students import importing, synthetic
    from pathways.students.models import StudentYear

    if StudentYear.objects.exists():
        print(f"reusing the database: {StudentYear.objects.count():,} student-years")
        return
    for source in REFERENCE_SOURCES:
        call_command("data", "load", "--mirror", mirror, "--only", source, verbosity=0)
    admin, _ = User.objects.get_or_create(username="bench-state-admin", role="state_admin")
    files = synthetic.generate(home / "synthetic", students=students)
    timed(
        "programs import",
        lambda: program_importing.import_file(files["programs"], admin, status="approved"),
    )
    timed("courses import", lambda: importing.import_file(files["courses"], user=admin))
    for kind in OTHER_KINDS:
        timed(f"{kind} import", lambda kind=kind: importing.import_file(files[kind], kind=kind))


def timed(label: str, action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"{label:58} {seconds:8.2f} s", flush=True)
    return seconds


def time_recompute() -> None:
    """Full recompute against one district's and one program's."""
    from django.db.models import Count

    from pathways.programs.models import ProgramOfStudy
    from pathways.students import status

    largest = (
        ProgramOfStudy.objects.approved()
        .values("district_id")
        .annotate(students=Count("student_statuses"))
        .order_by("-students")
        .first()
    )
    assert largest is not None, "no approved programs"
    district = largest["district_id"]
    program = (
        ProgramOfStudy.objects.approved()
        .filter(district_id=district)
        .annotate(students=Count("student_statuses"))
        .order_by("-students")
        .first()
    )
    assert program is not None
    print("\nstatus recompute")
    timed("full (every program)", status.recompute)
    refresh = getattr(status, "refresh", None)
    if refresh is None:
        print("(no incremental recompute in this version)")
        return
    timed(f"one district ({district}, the largest)", lambda: refresh(districts=[district]))
    timed(f"one program ({program.pk}, its largest)", lambda: refresh(programs=[program.pk]))


def report_urls() -> list[tuple[str, str]]:
    """(who, url) for every report page: the state's and one district coordinator's."""
    from pathways.students import report_tables
    from pathways.students.models import StudentYear

    year = StudentYear.objects.order_by("-school_year").values_list("school_year", flat=True)[0]
    urls = []
    for group_by in report_tables.GROUP_BY:
        for breakdown in report_tables.BREAKDOWNS:
            query = f"year={year}&group_by={group_by}&breakdown={breakdown}"
            urls.append(("state", f"/students/reports/?{query}"))
    for group_by in ("state", "district"):
        for breakdown in report_tables.BREAKDOWNS:
            query = f"year={year}&group_by={group_by}&breakdown={breakdown}"
            urls.append(("state", f"/students/reports/perkins/?{query}"))
    for breakdown in ("all", "race_ethnicity"):
        for group_by in ("school", "program"):
            query = f"year={year}&group_by={group_by}&breakdown={breakdown}"
            urls.append(("district", f"/students/reports/?{query}"))
        query = f"year={year}&group_by=district&breakdown={breakdown}"
        urls.append(("district", f"/students/reports/perkins/?{query}"))
    urls.append(("state", f"/api/v1/reports/status?year={year}&group_by=program"))
    return urls


def time_pages(repeat: int, only: str) -> None:
    from django.db import connection
    from django.test import Client

    from pathways.accounts.models import User
    from pathways.students.models import StudentYear

    district = (
        StudentYear.objects.values_list("district_id", flat=True).order_by("district_id").first()
    )
    clients = {
        "state": User.objects.get_or_create(username="bench-pages-state", role="state_admin")[0],
        "district": User.objects.get_or_create(
            username="bench-pages-coordinator",
            role="district_coordinator",
            district_id=district,
        )[0],
    }
    signed_in = {}
    for who, user in clients.items():
        client = Client()
        client.force_login(user)
        signed_in[who] = client
    print(f"\nreport pages ({connection.vendor}), best of {repeat} after a warm-up")
    print(f"{'who':9} {'url':78} {'status':>6} {'first':>8} {'seconds':>8}")
    slowest = 0.0
    for who, url in report_urls():
        if only and only not in url:
            continue
        client = signed_in[who]
        start = time.perf_counter()
        status = client.get(url).status_code
        first = time.perf_counter() - start  # cold: no cached table for this page yet
        best = min(_seconds(client, url) for _ in range(repeat))
        slowest = max(slowest, best)
        flag = "" if best < PAGE_TARGET else "  SLOW"
        print(f"{who:9} {url:78} {status:>6} {first:8.3f} {best:8.3f}{flag}", flush=True)
    verdict = "ok" if slowest < PAGE_TARGET else "SLOW"
    print(f"slowest page {slowest:.3f} s (target {PAGE_TARGET:.0f} s): {verdict}")


def _seconds(client: Any, url: str) -> float:
    start = time.perf_counter()
    client.get(url)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
