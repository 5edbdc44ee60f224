"""Time a large student-record upload through the web path, as a background job.

    python bench/uploads.py [--mirror ../shared/data] [--megabytes 95] [--students 150000]

In a new SQLite database in a temporary folder: load the state profile and the 2024
framework, write clearly synthetic records, cut the course file to --megabytes, import the
programs, then as the state administrator POST the file to /students/upload/ "check only"
(the request only saves the file and queues the job), run the queued job with the database
worker (`db_worker --batch`), render the job page (rows and students before/after, by
school), then the same for loading it. Prints seconds and the process's peak memory.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE_SOURCES = ("state_profile", "advance_cte")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--megabytes", type=float, default=95.0)
    parser.add_argument("--students", type=int, default=150_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-uploads-") as home:
        run(home, options.mirror, options.megabytes, options.students)


def run(home: str, mirror: str, megabytes: float, students: int) -> None:
    os.environ["PATHWAYS_HOME"] = home
    os.environ.pop("DATABASE_URL", None)
    os.environ["PATHWAYS_TASKS_BACKEND"] = "django_tasks_db.backend.DatabaseBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathways.settings")
    sys.path.insert(0, str(REPO / "src"))
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client

    from pathways.accounts.models import User
    from pathways.programs import transfer as program_importing
    from pathways.students import synthetic
    from pathways.students.models import CourseCompletion, ImportJob

    call_command("migrate", verbosity=0)
    for source in REFERENCE_SOURCES:
        call_command("data", "load", "--mirror", mirror, "--only", source, verbosity=0)
    admin = User.objects.create(username="bench-state-admin", role="state_admin")
    files = synthetic.generate(Path(home) / "synthetic", students=students)
    program_importing.import_file(files["programs"], admin, status="approved")
    courses = cut(files["courses"], int(megabytes * 1_000_000))
    size = courses.stat().st_size
    rows = courses.read_bytes().count(b"\n") - 1
    log(f"courses file: {size / 1e6:.1f} MB, {rows:,} rows")
    client = Client()
    client.force_login(admin)

    def upload(check: bool) -> ImportJob:
        data = {"kind": "courses", "scope": "district_year"}
        if check:
            data["check_only"] = "on"
        upload = SimpleUploadedFile("courses.csv", courses.read_bytes(), "text/csv")
        start = time.perf_counter()
        response = client.post("/students/upload/", {**data, "file": upload})
        log(f"  POST (save + queue): {time.perf_counter() - start:.1f} s -> {response.status_code}")
        job = ImportJob.objects.order_by("-created_at").first()
        assert job is not None
        start = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
        job.refresh_from_db()
        log(f"  job ({job.status}): {time.perf_counter() - start:.1f} s, peak {peak_mb():.0f} MB")
        start = time.perf_counter()
        page = client.get(f"/students/upload/jobs/{job.pk}/")
        log(
            f"  job page: {time.perf_counter() - start:.2f} s, {len(page.content) / 1e3:.0f} kB"
            f" -> {page.status_code}"
        )
        return job

    log("check only:")
    upload(check=True)
    log("load:")
    upload(check=False)
    log(f"course rows loaded: {CourseCompletion.objects.count():,}; peak {peak_mb():.0f} MB")
    log("check only again, now with the records in the database (the diff by school):")
    upload(check=True)


def cut(path: Path, limit: int) -> Path:
    """The first whole lines of the file that fit in `limit` bytes."""
    target = path.with_name("courses-cut.csv")
    written = 0
    with open(path, "rb") as source, open(target, "wb") as out:
        for line in source:
            if written + len(line) > limit:
                break
            out.write(line)
            written += len(line)
    return target


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
