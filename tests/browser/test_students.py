"""Student records in headless Chromium on a 360 px phone: a district coordinator reads the
status report, and a student reads their own records; both pages pass WCAG 2.1 AA (axe-core)
and never scroll sideways.

The server thread has its own database connection, so these tests are not wrapped in a
transaction: the records they make are committed, and the `finally:` blocks delete them all
again (and rebuild program status without them).
"""

import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror]

DISTRICT = "3500060"  # Albuquerque Public Schools
SUBCLUSTER = "healthcare-human-services--physical-health"
STUDENTS = 14  # enough for shown counts; the completers stay below the minimum of 10
COMPLETERS = 3


@dataclass
class Account:
    username: str
    password: str


@dataclass
class Records:
    prefix: str  # of student IDs and course codes, unique to the test
    title: str
    codes: list[str]


def sign_in(page: Page, site_url: str, account: Account) -> None:
    page.goto(site_url + "/accounts/login/")
    page.fill("#id_username", account.username)
    page.fill("#id_password", account.password)
    page.click("form.account-form button[type=submit]")
    # Attached, not visible: on a phone the header menu may be folded away.
    expect(page.locator("form.sign-out-form button")).to_be_attached()


def assert_accessible_on_a_phone(page: Page, axe) -> None:  # type: ignore[no-untyped-def]
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


@pytest.fixture
def records(site_url, django_db_blocker) -> Iterator[Records]:  # type: ignore[no-untyped-def]
    fragment = uuid.uuid4().hex[:6]
    made = Records(
        prefix=f"BT{fragment}",
        title=f"Browser Test Health {fragment}",
        codes=[f"BT{fragment}-{n}" for n in (1, 2, 9)],
    )
    with django_db_blocker.unblock():
        try:
            make_records(made)
            yield made
        finally:
            delete_records(made)


def make_records(made: Records) -> None:
    from pathways.framework.models import SubCluster
    from pathways.students.status import recompute
    from tests.factories.students import enrol, program_with_sequence, took

    program_with_sequence(
        made.codes, title=made.title, subcluster=SubCluster.objects.get(code=SUBCLUSTER)
    )
    for number in range(STUDENTS):
        student = f"{made.prefix}-{number:03d}"
        enrol(student, 2025, school_code=made.prefix)
        took(student, 2024, made.codes[0])
        took(student, 2025, made.codes[1])
        if number < COMPLETERS:
            took(student, 2025, made.codes[2], term="S2")
    recompute()


def delete_records(made: Records) -> None:
    from pathways.geography.models import School
    from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy
    from pathways.students.models import CourseCompletion, StudentYear
    from pathways.students.status import recompute

    CourseCompletion.objects.filter(student_id__startswith=made.prefix).delete()
    StudentYear.objects.filter(student_id__startswith=made.prefix).delete()
    School.objects.filter(code=made.prefix).delete()
    program_ids = list(ProgramOfStudy.objects.filter(title=made.title).values_list("pk", flat=True))
    ProgramOfStudy.objects.filter(pk__in=program_ids).delete()  # and its statuses
    ProgramOfStudy.history.filter(id__in=program_ids).delete()
    ProgramCourse.history.filter(program_id__in=program_ids).delete()
    Course.objects.filter(state_code__startswith=made.prefix).delete()
    Course.history.filter(state_code__startswith=made.prefix).delete()
    recompute()


def make_account(role: str, **fields: str) -> Account:
    from pathways.accounts.models import User

    account = Account(f"bt-{role}-{uuid.uuid4().hex[:6]}", secrets.token_urlsafe(16))
    User.objects.create_user(
        username=account.username,
        password=account.password,
        role=role,
        district_id=DISTRICT,
        **fields,
    )
    return account


def delete_accounts(accounts: list[Account]) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    from pathways.accounts.models import User

    usernames = [account.username for account in accounts]
    user_ids = {
        str(pk) for pk in User.objects.filter(username__in=usernames).values_list("pk", flat=True)
    }
    for session in Session.objects.all():
        if session.get_decoded().get("_auth_user_id") in user_ids:
            session.delete()
    User.objects.filter(username__in=usernames).delete()
    User.history.filter(username__in=usernames).delete()  # type: ignore[attr-defined]
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=usernames).delete()


def test_a_coordinator_reads_the_status_report_on_a_phone(  # type: ignore[no-untyped-def]
    site_url, page, axe, django_db_blocker, records
) -> None:
    with django_db_blocker.unblock():
        coordinator = make_account("district_coordinator")
        try:
            sign_in(page, site_url, coordinator)
            page.goto(f"{site_url}/students/reports/?year=2025&group_by=program")
            expect(page.locator("h1")).to_have_text(
                "CTE participants, concentrators and completers"
            )
            row = page.locator("table.status-report tbody tr", has_text=records.title)
            expect(row.locator("td")).to_have_text([str(STUDENTS), str(STUDENTS), "* (suppressed)"])
            expect(page.locator("svg.bar-chart")).to_be_visible()
            assert_accessible_on_a_phone(page, axe)

            page.select_option("#id_breakdown", "sex")
            page.get_by_role("button", name="Show report").click()
            page.wait_for_url("**breakdown=sex**")
            expect(page.locator("table.status-report thead th")).to_contain_text(["Sex"])
            assert_accessible_on_a_phone(page, axe)

            page.locator("nav.area-switch").get_by_role("link", name="Perkins V indicators").click()
            expect(page.locator("table.perkins-indicators")).to_be_visible()
            assert_accessible_on_a_phone(page, axe)

            page.locator("nav.area-switch").get_by_role(
                "link", name="Upload student records"
            ).click()
            expect(page.locator("h1")).to_have_text("Upload student records")
            assert_accessible_on_a_phone(page, axe)
        finally:
            delete_accounts([coordinator])


def test_a_student_reads_their_own_records_on_a_phone(  # type: ignore[no-untyped-def]
    site_url, page, axe, django_db_blocker, records
) -> None:
    with django_db_blocker.unblock():
        student = make_account("student", student_id=f"{records.prefix}-000")
        try:
            sign_in(page, site_url, student)
            page.goto(f"{site_url}/students/me/")
            expect(page.locator("h3")).to_have_text([records.title])
            expect(page.locator(".student-program")).to_contain_text("Completer since 2024-25")
            expect(page.locator(".student-program")).to_contain_text(
                "Nothing: you have completed this program."
            )
            assert_accessible_on_a_phone(page, axe)
        finally:
            delete_accounts([student])


def test_a_coordinator_manages_accounts_on_a_phone(  # type: ignore[no-untyped-def]
    site_url, page, axe, django_db_blocker
) -> None:
    """Signing in lands on the coordinator's dashboard; the account pages and the student
    ID linking pass WCAG 2.1 AA on a phone, and an invitation is sent without JavaScript."""
    with django_db_blocker.unblock():
        coordinator = make_account("district_coordinator")
        invited = Account(f"bt-invited-{uuid.uuid4().hex[:6]}@example.org", "")
        try:
            sign_in(page, site_url, coordinator)
            expect(page.locator("h1")).to_have_text("District coordinator")
            assert_accessible_on_a_phone(page, axe)

            page.get_by_role("link", name="Manage my district's counselors and students").click()
            expect(page.locator("h1")).to_have_text("Accounts")
            assert_accessible_on_a_phone(page, axe)

            page.get_by_role("link", name="Invite someone").click()
            page.fill("#id_email", invited.username)
            page.select_option("#id_role", "counselor")
            page.get_by_role("button", name="Send the invitation").click()
            expect(page.locator("[role=status]")).to_contain_text("Invitation sent")
            assert_accessible_on_a_phone(page, axe)

            page.goto(f"{site_url}/students/accounts/")
            expect(page.locator("h1")).to_have_text("Link student accounts to state student IDs")
            assert_accessible_on_a_phone(page, axe)
        finally:
            delete_accounts([coordinator, invited])
