"""Work-based learning in headless Chromium on 360 px phones: a student adds a placement and
logs hours, the supervisor approves them through the e-mailed link (no account), the teacher
verifies them, and the district coordinator sees the Perkins 5S3 figure go from 10 to 11 of
24 graduating concentrators. Every page passes WCAG 2.1 AA (axe-core) and never scrolls
sideways. The records and accounts are committed (the server thread has its own
connection) and deleted afterwards."""

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE
from tests.browser.test_students import (
    DISTRICT,
    Account,
    assert_accessible_on_a_phone,
    delete_accounts,
    make_account,
    sign_in,
)

pytestmark = [pytest.mark.mirror]

GRADUATES = 24
FROM_FILE = 10  # graduates whose district file already reports work-based learning


def school_year() -> int:
    from pathways.core.school_years import current_school_year

    return current_school_year() - 1  # the last school year: its days have all passed


def make_records(prefix: str, year: int) -> list[Any]:
    """Graduating concentrators of Albuquerque; the uploads that make 5S3 available."""
    from pathways.students.models import GraduationRecord, RecordUpload, WorkBasedLearningRecord
    from pathways.students.status import recompute
    from tests.factories.students import enrol, program_with_sequence, took

    codes = [f"{prefix}-{n}" for n in (1, 2, 9)]
    program_with_sequence(codes, title=f"Browser WBL {prefix}")
    for number in range(GRADUATES):
        student = f"{prefix}-{number:03d}"
        enrol(student, year, school_code=prefix, grade_level=12)
        took(student, year - 1, codes[0], school_code=prefix)
        took(student, year, codes[1], school_code=prefix)
        GraduationRecord.objects.create(
            student_id=student,
            district_id=DISTRICT,
            cohort_year=year,
            graduated=True,
            graduation_year=year,
        )
        if number < FROM_FILE:
            WorkBasedLearningRecord.objects.create(
                student_id=student, school_year=year, district_id=DISTRICT, kind="job_shadowing"
            )
    made = []
    for kind in (RecordUpload.Kind.GRADUATION, RecordUpload.Kind.WORK_BASED_LEARNING):
        upload, created = RecordUpload.objects.get_or_create(
            kind=kind,
            district_id=DISTRICT,
            school_year=year,
            defaults={"file_name": f"{prefix}.csv", "sha256": "0" * 64, "rows": GRADUATES},
        )
        if created:
            made.append(upload)
    recompute()
    return made


def delete_records(prefix: str, uploads: list[Any]) -> None:
    from pathways.geography.models import School
    from pathways.placements.models import Placement
    from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy
    from pathways.students.models import (
        CourseCompletion,
        GraduationRecord,
        StudentYear,
        WorkBasedLearningRecord,
    )
    from pathways.students.status import recompute

    Placement.objects.filter(organization__startswith=prefix).delete()
    for model in (WorkBasedLearningRecord, GraduationRecord, CourseCompletion, StudentYear):
        model.objects.filter(student_id__startswith=prefix).delete()
    for upload in uploads:
        upload.delete()
    School.objects.filter(code=prefix).delete()
    program_ids = list(
        ProgramOfStudy.objects.filter(title__endswith=prefix).values_list("pk", flat=True)
    )
    ProgramOfStudy.objects.filter(pk__in=program_ids).delete()
    ProgramOfStudy.history.filter(id__in=program_ids).delete()
    ProgramCourse.history.filter(program_id__in=program_ids).delete()
    Course.objects.filter(state_code__startswith=prefix).delete()
    Course.history.filter(state_code__startswith=prefix).delete()
    recompute()


@pytest.fixture
def people(site_url, django_db_blocker) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    from pathways.accounts.models import User
    from tests.factories.students import school

    prefix = f"WB{uuid.uuid4().hex[:6]}"
    year = school_year()
    with django_db_blocker.unblock():
        uploads: list[Any] = []
        accounts: list[Account] = []
        try:
            uploads = make_records(prefix, year)
            where = school(prefix)
            student = make_account(
                "student", student_id=f"{prefix}-{FROM_FILE:03d}", first_name="Lucia"
            )
            teacher = make_account("counselor", first_name="Marta", last_name="Baca")
            coordinator = make_account("district_coordinator")
            accounts = [student, teacher, coordinator]
            User.objects.filter(username__in=[student.username, teacher.username]).update(
                school=where
            )
            yield {
                "prefix": prefix,
                "year": year,
                "student": student,
                "teacher": teacher,
                "teacher_pk": User.objects.get(username=teacher.username).pk,
                "coordinator": coordinator,
            }
        finally:
            delete_records(prefix, uploads)
            delete_accounts(accounts)


def work_based_learning_cells(page: Page, site_url: str, year: int) -> list[str]:
    page.goto(f"{site_url}/students/reports/perkins/?year={year}")
    row = page.locator("table.perkins-indicators tbody tr", has_text="5S3").filter(
        has_text="Albuquerque"
    )
    return [
        row.locator(f'td[data-label="{label}"]').inner_text().strip()
        for label in ("Numerator", "Denominator")
    ]


def phone_page(browser: Any) -> Page:
    return browser.new_context(viewport=PHONE).new_page()


def test_logged_and_verified_hours_raise_the_5s3_figure(  # type: ignore[no-untyped-def]
    site_url, browser, page, axe, people
) -> None:
    year = people["year"]
    coordinator = phone_page(browser)
    sign_in(coordinator, site_url, people["coordinator"])
    assert work_based_learning_cells(coordinator, site_url, year) == ["10", "24"]

    # The student adds a placement and logs a day.
    sign_in(page, site_url, people["student"])
    page.goto(site_url + "/work-based-learning/")
    expect(page.locator("h1")).to_have_text("My work-based learning")
    assert_accessible_on_a_phone(page, axe)
    page.get_by_role("link", name="Add a placement").click()
    page.select_option("#id_kind", "internship")
    page.fill("#id_organization", f"{people['prefix']} Presbyterian Hospital")
    page.fill("#id_supervisor_name", "Rosa Chavez")
    page.fill("#id_supervisor_email", "rosa.chavez@example.org")
    page.fill("#id_start_date", date(year - 1, 9, 1).isoformat())
    page.fill("#id_end_date", date(year, 5, 29).isoformat())
    page.select_option("#id_school_year", str(year))
    page.select_option("#id_teacher", str(people["teacher_pk"]))
    assert_accessible_on_a_phone(page, axe)
    page.click("main form button:has-text('Save placement')")
    expect(page.locator("h1")).to_contain_text("Presbyterian Hospital")
    page.fill("#id_date", date(year, 3, 2).isoformat())
    page.fill("#id_hours", "6.5")
    page.fill("#id_activity", "Restocked supply rooms and shadowed the charge nurse")
    page.click("main form button:has-text('Log hours')")
    expect(page.locator("main")).to_contain_text("6.50 hours waiting for the supervisor")
    assert_accessible_on_a_phone(page, axe)
    page.get_by_role("button", name="E-mail my supervisor").click()
    expect(page.locator(".messages")).to_contain_text("We e-mailed Rosa Chavez")
    link = next(line for line in mail.outbox[-1].body.splitlines() if "/supervisor/" in line)

    # The supervisor, with no account, approves the day.
    supervisor = phone_page(browser)
    supervisor.goto(link)
    expect(supervisor.locator("main")).to_contain_text("Lucia logged these hours")
    assert_accessible_on_a_phone(supervisor, axe)
    supervisor.get_by_label("Approve").check()
    supervisor.get_by_role("button", name="Save decisions").click()
    expect(supervisor.locator(".messages")).to_contain_text("1 entries decided")
    assert work_based_learning_cells(coordinator, site_url, year) == ["10", "24"]

    # The teacher verifies it: now it counts.
    teacher = phone_page(browser)
    sign_in(teacher, site_url, people["teacher"])
    teacher.goto(site_url + "/work-based-learning/staff/")
    assert_accessible_on_a_phone(teacher, axe)
    teacher.get_by_role("link", name="Verify").click()
    expect(teacher.locator("h1")).to_contain_text("Verify hours")
    assert_accessible_on_a_phone(teacher, axe)
    teacher.get_by_label("Approve").check()
    teacher.get_by_role("button", name="Save decisions").click()
    expect(teacher.locator("main")).to_contain_text("6.50 hours verified")

    assert work_based_learning_cells(coordinator, site_url, year) == ["11", "24"]
    assert_accessible_on_a_phone(coordinator, axe)
    page.reload()
    expect(page.locator("main")).to_contain_text("6.50 hours verified")
    for other in (coordinator, supervisor, teacher):
        other.context.close()
