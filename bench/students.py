"""Time student records at statewide scale: import, status recompute and reports.

    python bench/students.py [--mirror ../shared/data] [--students 100000]
                             [--database sqlite|postgres|both] [--postgres postgres://postgres@127.0.0.1:5432]

For each database (a new SQLite file in a temporary folder; a scratch PostgreSQL database,
created and dropped, when the server answers), in a subprocess of its own so settings and
DATABASE_URL start clean: migrate, load the state profile and the 2024 framework from the
mirror, write clearly synthetic records for --students students (about ten course attempts
each), import the programs of study and every record file, recompute status and run the
statewide reports. Prints seconds and the process's peak memory against the targets.
"""

import argparse
import faulthandler
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"courses import": 60.0, "recompute + reports": 10.0}
REFERENCE_SOURCES = ("state_profile", "advance_cte")
OTHER_KINDS = ("credentials", "work_based_learning", "dual_credit", "graduation")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mirror", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per database")
    parser.add_argument("--run", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run is not None:
        print(json.dumps(run(args.run, args.home, args.mirror, args.students)))
        return
    results: dict[str, dict[str, float]] = {}
    if args.database in ("sqlite", "both"):
        results["sqlite"] = in_subprocess("", args)
    if args.database in ("postgres", "both"):
        with scratch_postgres(args.postgres) as url:
            if url is None:
                print(f"PostgreSQL at {args.postgres} does not answer; skipped")
            else:
                results["postgresql"] = in_subprocess(url, args)
    print_table(results)


def in_subprocess(database_url: str, args: argparse.Namespace) -> dict[str, float]:
    print(f"\n== {database_url.split('@')[-1] if database_url else 'sqlite'} ==", flush=True)
    # The SQLite file and the synthetic files go in a folder removed afterwards.
    with tempfile.TemporaryDirectory(prefix="pathways-bench-students-") as home:
        command = [sys.executable, __file__, "--run", database_url, "--home", home]
        command += ["--mirror", args.mirror, "--students", str(args.students)]
        try:
            done = subprocess.run(
                command, check=True, stdout=subprocess.PIPE, text=True, timeout=args.timeout
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            print(f"failed: {exc}", flush=True)
            return {}
    return json.loads(done.stdout.strip().splitlines()[-1])


class scratch_postgres:
    """A database created for the run and dropped after it; None if the server is absent."""

    def __init__(self, server: str) -> None:
        self.server = server.rstrip("/")
        self.name = f"pathways_bench_students_{os.getpid()}"
        self.created = False

    def _admin(self) -> Any:
        import psycopg

        return psycopg.connect(f"{self.server}/postgres", autocommit=True, connect_timeout=3)

    def __enter__(self) -> str | None:
        try:
            with self._admin() as connection:
                connection.execute(f'CREATE DATABASE "{self.name}"')
        except Exception as exc:  # no server, no driver, no rights: report and skip
            print(f"PostgreSQL: {exc}", file=sys.stderr)
            return None
        self.created = True
        return f"{self.server}/{self.name}"

    def __exit__(self, *exc: object) -> None:
        if not self.created:
            return
        try:
            with self._admin() as connection:
                # DROP waits for every backend of the server; do not wait for ever.
                connection.execute("SET statement_timeout = '60s'")
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        except Exception as exc:
            print(f"could not drop {self.name}: {exc}", file=sys.stderr)


def run(database_url: str, home: str, mirror: str, students: int) -> dict[str, float]:
    """One database, start to end; progress on stderr, the numbers returned."""
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 PID` shows where a slow step is
    os.environ["PATHWAYS_HOME"] = home
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    sys.path.insert(0, str(REPO / "src"))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from pathways.accounts.models import User
    from pathways.programs import transfer as program_importing
    from pathways.students import importing, status, synthetic

    call_command("migrate", verbosity=0)
    for source in REFERENCE_SOURCES:
        call_command("data", "load", "--mirror", mirror, "--only", source, verbosity=0)
    admin = User.objects.create(username="bench-state-admin", role="state_admin")
    folder = Path(home) / "synthetic"
    numbers: dict[str, float] = {}

    def timed(label: str, action: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        result = action()
        numbers[label] = time.perf_counter() - start
        numbers[f"{label} MB"] = peak_mb()
        log(f"{connection.vendor}: {label} {numbers[label]:.1f} s, peak {peak_mb():.0f} MB")
        return result

    files = timed("generate", lambda: synthetic.generate(folder, students=students))
    with open(files["courses"], encoding="utf-8") as courses:
        numbers["course rows"] = sum(1 for _ in courses) - 1
    timed(
        "programs import",
        lambda: program_importing.import_file(files["programs"], admin, status="approved"),
    )
    # The import recomputes status itself at the end, as an upload does.
    timed("courses import", lambda: importing.import_file(files["courses"], user=admin))
    for kind in OTHER_KINDS:
        timed(f"{kind} import", partial(importing.import_file, files[kind], kind=kind))
    summary = timed("recompute", status.recompute)
    log(str(summary))
    numbers.update(run_reports(timed))
    numbers["recompute + reports"] = numbers["recompute"] + numbers.get("reports", 0.0)
    return numbers


def run_reports(timed: Callable[[str, Callable[[], Any]], Any]) -> dict[str, float]:
    """The statewide status reports and Perkins indicators."""
    from pathways.students import indicators, reports
    from pathways.students.models import StudentYear
    from pathways.students.scope import ReportScope

    year = StudentYear.objects.order_by("-school_year").values_list("school_year", flat=True)[0]
    state = ReportScope()
    start = time.perf_counter()
    timed(
        "report by district, race",
        lambda: reports.status_report(year, state, group_by="district", breakdown="race_ethnicity"),
    )
    timed(
        "report by cluster, sex",
        lambda: reports.status_report(year, state, group_by="cluster", breakdown="sex"),
    )
    timed("perkins indicators", lambda: indicators.perkins_indicators(year, state))
    return {"reports": time.perf_counter() - start}


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the whole process's peak so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def print_table(results: dict[str, dict[str, float]]) -> None:
    if not results:
        return
    databases = list(results)
    first = max(results.values(), key=len)  # a database that got furthest
    print(f"\ncourse rows: {first.get('course rows', 0):,.0f}")
    header = f"{'step':26}" + "".join(f"{name:>12} {'peak MB':>8}" for name in databases)
    print(header + f" {'target s':>9}")
    steps = [label for label in first if not label.endswith(" MB") and label != "course rows"]
    for step in steps:
        line = f"{step:26}"
        for name in databases:
            seconds = results[name].get(step)
            memory = results[name].get(f"{step} MB")
            line += f"{seconds:12.2f}" if seconds is not None else f"{'-':>12}"
            line += f" {memory:8.0f}" if memory is not None else f" {'':8}"
        target = TARGETS.get(step)
        if target:
            line += f" {target:9.0f} " + " ".join(
                verdict(results[name].get(step), target) for name in databases
            )
        print(line)


def verdict(seconds: float | None, target: float) -> str:
    if seconds is None:
        return "-"
    return "ok" if seconds < target else "SLOW"


if __name__ == "__main__":
    main()
