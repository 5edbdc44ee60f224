"""The cached statewide report tables give exactly the figures (suppression included) that
computing every table afresh gives, for every scope; and a status refresh or an upload is
seen at once."""

import io
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.geography.models import School
from pathways.programs import transfer as program_importing
from pathways.students import (
    importing,
    indicators,
    report_warming,
    reports,
    status,
    synthetic,
)
from pathways.students.models import CourseCompletion, ProgramStatus, StudentYear
from pathways.students.scope import ReportScope
from tests.factories import ClusterFactory, StateAdminFactory, SubClusterFactory, load_state_profile

pytestmark = pytest.mark.django_db

YEAR = 2025
OTHER_KINDS = ("credentials", "work_based_learning", "dual_credit", "graduation")


@pytest.fixture
def statewide(tmp_path: Path) -> None:
    load_state_profile()
    cluster = ClusterFactory(code="cache-cluster")
    for number in range(20):
        SubClusterFactory(code=f"cache-{number}", cluster=cluster, name=f"Trade {number}")
    files = synthetic.generate(tmp_path, students=800)
    admin = StateAdminFactory()
    program_importing.import_file(files["programs"], admin, status="approved")
    importing.import_file(files["courses"], user=admin)
    for kind in OTHER_KINDS:
        importing.import_file(files[kind], kind=kind)


def scopes() -> list[ReportScope]:
    district = StudentYear.objects.values_list("district_id", flat=True).order_by("district_id")[0]
    school = School.objects.filter(district_id=district).order_by("pk")[0]
    return [
        ReportScope(),
        ReportScope(district_id=district),
        ReportScope(district_id=district, school_id=school.pk),
    ]


def every_report() -> list[object]:
    found: list[object] = []
    for scope in scopes():
        for breakdown in ("all", "race_ethnicity", "economically_disadvantaged"):
            for group_by in ("district", "school", "program", "cluster"):
                found.append(
                    reports.status_report(YEAR, scope, group_by=group_by, breakdown=breakdown).rows
                )
            found.append(list(indicators.perkins_indicators(YEAR, scope, breakdown=breakdown)))
    return found


def every_report_afresh() -> list[object]:
    """The same reports, each computed with nothing in the cache."""
    found: list[object] = []
    for scope in scopes():
        for breakdown in ("all", "race_ethnicity", "economically_disadvantaged"):
            for group_by in ("district", "school", "program", "cluster"):
                caches["reports"].clear()
                found.append(
                    reports.status_report(YEAR, scope, group_by=group_by, breakdown=breakdown).rows
                )
            caches["reports"].clear()
            found.append(list(indicators.perkins_indicators(YEAR, scope, breakdown=breakdown)))
    return found


@pytest.mark.usefixtures("statewide")
def test_cached_tables_give_exactly_the_figures_computed_afresh_for_every_scope() -> None:
    afresh = every_report_afresh()
    caches["reports"].clear()
    every_report()  # fills the cache
    from_cache = every_report()

    assert from_cache == afresh
    cells = [
        getattr(row, "participants", None) or row.numerator  # type: ignore[attr-defined]
        for rows in afresh
        for row in rows  # type: ignore[attr-defined]
    ]
    assert any(cell.suppressed for cell in cells)  # the comparison covers suppression
    assert any(not cell.suppressed and cell.count for cell in cells)


@pytest.mark.usefixtures("statewide")
def test_a_status_refresh_shows_in_the_next_report_at_once() -> None:
    state = ReportScope()
    before = reports.status_report(YEAR, state, group_by="state").rows[0].participants.count
    district = StudentYear.objects.values_list("district_id", flat=True).order_by("district_id")[0]

    CourseCompletion.objects.filter(district_id=district).delete()  # as an upload would
    status.refresh(districts=[district])

    after = reports.status_report(YEAR, state, group_by="state").rows[0].participants.count
    assert before and after is not None and after < before
    assert not ProgramStatus.objects.filter(district_id=district).exists()


@pytest.mark.usefixtures("statewide")
def test_a_years_status_and_indicator_tables_read_its_students_once() -> None:
    """Every breakdown of the status report by place and of the Perkins page is added up
    from one pass over the year's enrolments (and one over the cohort's)."""
    caches["reports"].clear()
    with CaptureQueriesContext(connection) as captured:
        for breakdown in ("all", "sex", "race_ethnicity", "homeless"):
            reports.status_report(YEAR, ReportScope(), group_by="school", breakdown=breakdown)
            indicators.perkins_indicators(YEAR, ReportScope(), breakdown=breakdown)

    student_year = connection.ops.quote_name(StudentYear._meta.db_table)
    passes = [q for q in captured.captured_queries if f"FROM {student_year}" in q["sql"]]
    assert len(passes) == 2, [q["sql"][:200] for q in passes]


@pytest.mark.usefixtures("statewide")
def test_exact_counts_are_never_cached() -> None:
    state = ReportScope()
    caches["reports"].clear()
    reports.status_report(YEAR, state, group_by="program", minimum=1)
    indicators.perkins_indicators(YEAR, state, minimum=1)

    assert not any("report-table" in str(key) for key in getattr(caches["reports"], "_cache", {}))


@pytest.mark.usefixtures("statewide")
def test_warming_computes_every_statewide_table_so_pages_run_no_report_query() -> None:
    state = ReportScope()
    caches["reports"].clear()

    call_command("students", "warm-reports", stdout=io.StringIO())

    with CaptureQueriesContext(connection) as captured:
        reports.status_report(YEAR, state, group_by="program", breakdown="race_ethnicity")
        indicators.perkins_indicators(YEAR, state, breakdown="homeless")
    status_table = ProgramStatus._meta.db_table
    assert not [q for q in captured.captured_queries if status_table in q["sql"]]


def test_an_upload_job_warms_the_tables_when_a_shared_cache_is_configured(
    settings: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    settings.PATHWAYS_WARM_REPORTS = True
    warmed: list[int] = []
    monkeypatch.setattr(report_warming, "latest_year", lambda: YEAR)
    queue = SimpleNamespace(enqueue=warmed.append)
    monkeypatch.setattr(report_warming, "warm_report_tables", queue)

    with django_capture_on_commit_callbacks(execute=True):
        report_warming.warm_after_commit()

    assert warmed == [YEAR]


def test_without_redis_the_report_tables_go_to_files_every_process_reads(tmp_path: Path) -> None:
    from django.core.cache.backends.filebased import FileBasedCache

    from pathways import settings as configured

    reports = configured.CACHES["reports"]
    if "django_redis" in configured.CACHES["default"]["BACKEND"]:
        pytest.skip("this run has Redis")
    assert reports["BACKEND"].endswith("FileBasedCache")
    # Two processes (the worker that warms, gunicorn that serves) see the same table.
    worker = FileBasedCache(str(tmp_path / "reports"), reports.get("OPTIONS", {}))
    web = FileBasedCache(str(tmp_path / "reports"), reports.get("OPTIONS", {}))
    worker.set("report-table:status", {"rows": [1, 2, 3]})
    assert web.get("report-table:status") == {"rows": [1, 2, 3]}


def test_a_data_load_warms_the_report_tables_again(
    settings: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    from pathways.datasets import loading

    settings.PATHWAYS_WARM_REPORTS = True
    warmed: list[int] = []
    monkeypatch.setattr(report_warming, "latest_year", lambda: YEAR)
    monkeypatch.setattr(
        report_warming, "warm_report_tables", SimpleNamespace(enqueue=warmed.append)
    )

    with django_capture_on_commit_callbacks(execute=True):
        loading.sources_loaded.send(sender=loading.load_all, slugs=["onet"])

    assert warmed == [YEAR]


def test_without_a_worker_the_queue_holds_one_warm_per_year(settings) -> None:  # type: ignore[no-untyped-def]
    from django_tasks import task_backends
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    task_backends._settings = None  # type: ignore[attr-defined]
    try:
        for _ in range(3):  # three verifications before any worker runs
            report_warming._enqueue(YEAR)
        report_warming._enqueue(YEAR - 1)
    finally:
        task_backends._settings = None  # type: ignore[attr-defined]
    assert DBTaskResult.objects.count() == 2
