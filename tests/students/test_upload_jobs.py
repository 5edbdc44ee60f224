"""Uploads of student records as background jobs: hostile files, what an upload changes by
school, the shrink confirmation, replacing only the file's schools, grouped problems,
templates, and the job's progress."""

import csv
import io
from datetime import timedelta
from typing import Any

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pathways.students import jobs
from pathways.students.models import CourseCompletion, ImportJob, RecordUpload, StudentYear
from tests.core.hostile import far_cell, xml_bomb
from tests.factories.accounts import DistrictCoordinatorFactory
from tests.factories.geography import ALBUQUERQUE
from tests.html import visible_text as text_of

pytestmark = pytest.mark.django_db

UPLOAD = reverse("students:upload")
HEADER = (
    "student_id,district_nces_id,school_code,school_name,school_year,term,course_code,"
    "credit_earned,passed,grade_level,sex,race_ethnicity"
)


def rows(school: str, count: int, prefix: str = "T") -> list[str]:
    return [
        f"{prefix}{school}-{n},{ALBUQUERQUE},{school},School {school},2025,S1,WLD1,1,Y,11,F,white"
        for n in range(count)
    ]


def course_file(lines: list[str], name: str = "courses.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\n".join([HEADER, *lines]) + "\n").encode())


def upload(client: Client, file: SimpleUploadedFile, **fields: Any) -> Any:
    data = {"file": file, "kind": "courses", "scope": "district_year", **fields}
    return client.post(UPLOAD, data, follow=True)


@pytest.fixture
def coordinator(client: Client) -> Client:
    client.force_login(DistrictCoordinatorFactory())
    return client


@pytest.fixture
def two_schools(coordinator: Client) -> Client:
    """Albuquerque 2024-25: school 100 with 10 students, school 200 with 10."""
    response = upload(coordinator, course_file(rows("100", 10) + rows("200", 10)))
    assert "was loaded" in text_of(response)
    return coordinator


def job() -> ImportJob:
    return ImportJob.objects.get()


# --- Hostile spreadsheets ----------------------------------------------------------------


def test_an_xlsx_naming_cell_xfd1048576_answers_422_and_saves_nothing(
    coordinator: Client, tmp_path
) -> None:
    path = far_cell(tmp_path / "far.xlsx")

    response = upload(coordinator, SimpleUploadedFile("far.xlsx", path.read_bytes()))

    assert response.status_code == 422
    assert "has cells beyond row 1,048,576 or column 40" in text_of(response)
    assert not CourseCompletion.objects.exists()


def test_a_tiny_xlsx_holding_much_xml_is_refused_before_a_job_starts(
    coordinator: Client, tmp_path
) -> None:
    path = xml_bomb(tmp_path / "bomb.xlsx")

    response = upload(coordinator, SimpleUploadedFile("bomb.xlsx", path.read_bytes()))

    assert response.status_code == 422
    assert "is compressed more than 100 times" in text_of(response)
    assert job().status == ImportJob.Status.PROBLEMS
    assert not jobs.folder(job()).exists()


def test_check_only_of_a_hostile_file_is_refused_too(coordinator: Client, tmp_path) -> None:
    path = far_cell(tmp_path / "far.xlsx")

    response = upload(
        coordinator, SimpleUploadedFile("far.xlsx", path.read_bytes()), check_only="on"
    )

    assert response.status_code == 422


# --- What an upload changes, and the shrink confirmation -----------------------------------


def test_check_only_shows_rows_and_students_before_and_after_by_school(two_schools: Client) -> None:
    response = upload(two_schools, course_file(rows("100", 12)), check_only="on")

    page = text_of(response)
    assert "Albuquerque Public Schools, 2024-25 20 12 20 12 replaced" in page
    assert "School 100 (100) 10 12 10 12 replaced" in page
    assert "School 200 (200) 10 0 10 0 not in the file: its records are removed" in page
    assert "Loading it will ask for confirmation" in page


def test_an_upload_shrinking_a_district_year_waits_for_confirmation(two_schools: Client) -> None:
    response = upload(two_schools, course_file(rows("100", 3)))

    assert job_status() == ImportJob.Status.NEEDS_CONFIRMATION
    page = text_of(response)
    assert "This file would remove many records from a district's school year" in page
    assert "removes 85% of the records" in page
    assert CourseCompletion.objects.count() == 20  # nothing changed yet


def job_status() -> str:
    return str(ImportJob.objects.order_by("-created_at").first().status)  # type: ignore[union-attr]


def test_confirming_needs_the_box_ticked_then_loads(two_schools: Client) -> None:
    upload(two_schools, course_file(rows("100", 3)))
    waiting = ImportJob.objects.get(status=ImportJob.Status.NEEDS_CONFIRMATION)
    confirm = reverse("students:job_confirm", kwargs={"job_id": waiting.pk})

    refused = two_schools.post(confirm, {})
    assert refused.status_code == 400
    assert "Tick the box to confirm." in text_of(refused)
    assert CourseCompletion.objects.count() == 20

    loaded = two_schools.post(confirm, {"confirm": "on"}, follow=True)
    assert "was loaded" in text_of(loaded)
    assert CourseCompletion.objects.count() == 3
    assert not jobs.folder(waiting).exists()  # the file is deleted after the job


def test_cancelling_a_waiting_upload_deletes_the_file(two_schools: Client) -> None:
    upload(two_schools, course_file(rows("100", 3)))
    waiting = ImportJob.objects.get(status=ImportJob.Status.NEEDS_CONFIRMATION)
    assert jobs.upload_path(waiting) is not None

    two_schools.post(reverse("students:job_cancel", kwargs={"job_id": waiting.pk}))

    waiting.refresh_from_db()
    assert waiting.status == ImportJob.Status.CANCELLED
    assert not jobs.folder(waiting).exists()
    assert CourseCompletion.objects.count() == 20


def test_replacing_only_the_schools_in_the_file_leaves_the_others_intact(
    two_schools: Client,
) -> None:
    other_school = set(
        CourseCompletion.objects.filter(school__code="200").values_list("pk", flat=True)
    )

    response = upload(two_schools, course_file(rows("100", 9, prefix="N")), scope="schools")

    assert "was loaded" in text_of(response)
    assert "School 200 (200) 10 10 10 10 kept as it was" in text_of(response)
    kept = set(CourseCompletion.objects.filter(school__code="200").values_list("pk", flat=True))
    assert kept == other_school
    assert CourseCompletion.objects.filter(school__code="100").count() == 9
    assert StudentYear.objects.filter(school__code="200").count() == 10
    assert RecordUpload.objects.get().rows == 19


def test_a_student_moving_to_a_school_of_the_file_is_listed_there_once(
    two_schools: Client,
) -> None:
    moved = f"T200-0,{ALBUQUERQUE},100,School 100,2025,S2,WLD2,1,Y,11,F,white"

    upload(two_schools, course_file([*rows("100", 10), moved]), scope="schools")

    assert StudentYear.objects.filter(student_id="T200-0").get().school.code == "100"


def test_replacing_by_school_is_for_course_completions_only(coordinator: Client) -> None:
    file = SimpleUploadedFile("c.csv", b"student_id,district_nces_id,school_year,credential\n")

    response = coordinator.post(
        UPLOAD, {"file": file, "kind": "credentials", "scope": "schools"}, follow=True
    )

    assert response.status_code == 400
    assert "Only course completions can replace the schools in the file only." in text_of(response)


# --- Problems, grouped ---------------------------------------------------------------------


def test_repeated_problems_are_grouped_with_a_count_and_the_first_rows(
    coordinator: Client,
) -> None:
    bad = [line.replace(",11,F,", ",13,F,") for line in rows("100", 300)]

    response = upload(coordinator, course_file(bad))

    assert response.status_code == 422
    page = text_of(response)
    assert "courses.csv has 300 problems" in page
    assert "grade_level '13' is not a whole number from 6 to 12 300 2, 3, 4, 5, 6 and 295 more" in (
        page
    )
    assert len(response.content) < 40_000


def test_every_problem_downloads_as_csv(coordinator: Client) -> None:
    bad = [line.replace(",11,F,", ",13,F,") for line in rows("100", 300)]
    upload(coordinator, course_file(bad))

    response = coordinator.get(reverse("students:job_problems", kwargs={"job_id": job().pk}))

    lines = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert lines[0] == ["row", "column", "problem"]
    assert len(lines) == 301
    assert lines[1][:2] == ["2", "grade_level"]


def test_another_coordinator_cannot_see_the_job(coordinator: Client, client: Client) -> None:
    upload(coordinator, course_file(rows("100", 2)))
    other = Client()
    other.force_login(DistrictCoordinatorFactory(username="other"))

    assert other.get(reverse("students:job", kwargs={"job_id": job().pk})).status_code == 404


# --- Templates -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", RecordUpload.Kind.values)
def test_each_layout_has_a_csv_template_that_checks_clean(coordinator: Client, kind: str) -> None:
    response = coordinator.get(
        reverse("students:layout_template", kwargs={"kind": kind, "fmt": "csv"})
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{kind}-template.csv"'
    header = response.content.decode().lstrip("\ufeff").splitlines()[0]
    assert header.startswith("student_id,district_nces_id,")

    checked = coordinator.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile(f"{kind}.csv", response.content),
            "kind": kind,
            "scope": "district_year",
            "check_only": "on",
        },
        follow=True,
    )
    assert "has no problems" in text_of(checked)


def test_the_xlsx_template_has_the_header_and_an_example_row(coordinator: Client) -> None:
    response = coordinator.get(
        reverse("students:layout_template", kwargs={"kind": "courses", "fmt": "xlsx"})
    )

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = list(sheet.values)
    assert values[0][:3] == ("student_id", "district_nces_id", "school_year")
    assert values[1][0] == "EXAMPLE-0001"
    assert len(values) == 2


def test_the_upload_page_links_the_templates(coordinator: Client) -> None:
    page = coordinator.get(UPLOAD).content.decode()

    assert reverse("students:layout_template", kwargs={"kind": "graduation", "fmt": "xlsx"}) in page


# --- The job and its progress -------------------------------------------------------------


def queued_job(client: Client) -> ImportJob:
    user = DistrictCoordinatorFactory(username="queued")
    client.force_login(user)
    return jobs.create(
        course_file(rows("100", 2)),
        user=user,
        kind="courses",
        check=False,
        scope="district_year",
        file_name="courses.csv",
    )


def test_a_pending_job_refreshes_without_javascript_and_polls_with_htmx(client: Client) -> None:
    waiting = queued_job(client)
    url = reverse("students:job", kwargs={"job_id": waiting.pk})

    page = client.get(url).content.decode()

    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert f'hx-get="{url}"' in page and 'hx-trigger="every 3s"' in page
    assert "Waiting to start" in page


def test_a_running_job_shows_its_progress_and_the_fragment_stops_polling_when_done(
    client: Client,
) -> None:
    waiting = queued_job(client)
    waiting.status = ImportJob.Status.RUNNING
    waiting.save()
    jobs.PROGRESS_EVERY_SECONDS = 0.0
    jobs._ProgressFile(waiting)(0.4, 20_000)
    url = reverse("students:job", kwargs={"job_id": waiting.pk})

    running = text_of(client.get(url, headers={"HX-Request": "true"}))
    assert "20,000 rows read so far." in running
    assert "40%" in running

    waiting.status = ImportJob.Status.QUEUED
    waiting.save()
    jobs.run_import_job.call(str(waiting.pk))
    done = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done
    assert "was loaded" in done
    assert CourseCompletion.objects.count() == 2


def test_the_import_command_runs_the_same_import_with_scope_and_confirmation(
    tmp_path, coordinator: Client
) -> None:
    from django.core.management import CommandError, call_command

    upload(coordinator, course_file(rows("100", 10) + rows("200", 10)))
    path = tmp_path / "small.csv"
    path.write_text("\n".join([HEADER, *rows("100", 10, prefix="N")]) + "\n")

    with pytest.raises(CommandError, match="Run again with --confirm"):
        call_command("students", "import", str(path), stdout=io.StringIO())
    call_command("students", "import", str(path), "--scope", "schools", stdout=io.StringIO())

    assert CourseCompletion.objects.count() == 20
    assert CourseCompletion.objects.filter(student_id__startswith="N").count() == 10


# --- Uploads left waiting for confirmation -------------------------------------------------


def _left_waiting(two_schools: Client, hours_ago: float) -> ImportJob:
    upload(two_schools, course_file(rows("100", 3)))
    waiting = ImportJob.objects.get(status=ImportJob.Status.NEEDS_CONFIRMATION)
    ImportJob.objects.filter(pk=waiting.pk).update(
        finished_at=timezone.now() - timedelta(hours=hours_ago)
    )
    return waiting


def test_an_upload_unconfirmed_for_a_day_is_cancelled_and_its_file_deleted(
    two_schools: Client, settings: Any
) -> None:
    settings.PATHWAYS_UPLOAD_CONFIRM_HOURS = 24
    waiting = _left_waiting(two_schools, hours_ago=25)

    assert jobs.expire_unconfirmed() == 1

    waiting.refresh_from_db()
    assert waiting.status == ImportJob.Status.CANCELLED
    assert not jobs.folder(waiting).exists()
    page = text_of(two_schools.get(reverse("students:job", kwargs={"job_id": waiting.pk})))
    assert "Not confirmed within 24 hours" in page
    confirm = reverse("students:job_confirm", kwargs={"job_id": waiting.pk})
    two_schools.post(confirm, {"confirm": "on"})
    assert CourseCompletion.objects.count() == 20  # too late: nothing loads


def test_an_upload_waiting_less_than_the_stated_time_is_kept(
    two_schools: Client, settings: Any
) -> None:
    settings.PATHWAYS_UPLOAD_CONFIRM_HOURS = 24
    waiting = _left_waiting(two_schools, hours_ago=23)

    assert jobs.expire_unconfirmed() == 0

    waiting.refresh_from_db()
    assert waiting.status == ImportJob.Status.NEEDS_CONFIRMATION
    assert jobs.upload_path(waiting) is not None


def test_the_next_upload_cleans_expired_ones_when_its_job_starts(
    two_schools: Client, settings: Any
) -> None:
    settings.PATHWAYS_UPLOAD_CONFIRM_HOURS = 24
    waiting = _left_waiting(two_schools, hours_ago=48)

    upload(two_schools, course_file(rows("100", 10) + rows("200", 10)), check_only="on")

    waiting.refresh_from_db()
    assert waiting.status == ImportJob.Status.CANCELLED
    assert not jobs.folder(waiting).exists()


def test_the_clean_uploads_command_cancels_expired_uploads(two_schools: Client) -> None:
    waiting = _left_waiting(two_schools, hours_ago=3)
    out = io.StringIO()

    call_command("students", "clean-uploads", "--hours", "2", stdout=out)

    assert "1 unconfirmed upload(s) cancelled" in out.getvalue()
    waiting.refresh_from_db()
    assert waiting.status == ImportJob.Status.CANCELLED
