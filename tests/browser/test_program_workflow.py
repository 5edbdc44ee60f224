"""A program of study's whole life in headless Chromium, through the UI only.

A district coordinator creates a program, adds four catalogue courses (the fourth the
capstone) and submits it; a state administrator approves it from the review queue; an
anonymous visitor then finds it on the district's page and reads it. The editor pages and
the public program page are checked against WCAG 2.1 AA (axe-core) on a 360 px phone.

The server thread has its own database connection, so this test is not wrapped in a
transaction: what it creates is committed, and the `finally:` block deletes it all again.
"""

import re
import secrets
import uuid
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_menu, overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror]

DISTRICT = "3500060"  # Albuquerque Public Schools
SUBCLUSTER = "healthcare-human-services--physical-health"
LEGACY_PATHWAY = "health-science--therapeutic-services"
COURSE_TITLES = [
    "Introduction to Health Careers",
    "Medical Terminology",
    "Anatomy and Physiology",
    "Clinical Practicum",
]


@dataclass
class Account:
    username: str
    password: str


def sign_in(page: Page, site_url: str, account: Account) -> None:
    page.goto(site_url + "/accounts/login/")
    page.fill("#id_username", account.username)
    page.fill("#id_password", account.password)
    page.click("form.account-form button[type=submit]")
    open_menu(page)
    expect(page.locator("form.sign-out-form button")).to_be_visible()


def sign_out(page: Page, site_url: str) -> None:
    """The header's "Sign out" is a POST form; it lands on the home page."""
    open_menu(page)
    page.click("form.sign-out-form button")
    page.wait_for_url(site_url + "/")
    open_menu(page)
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def assert_accessible_on_a_phone(page: Page, axe) -> None:  # type: ignore[no-untyped-def]
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def add_to_catalogue(page: Page, code: str, title: str) -> None:
    """The sequence page's "Add a course to the state catalogue" form."""
    page.fill("#id_newcourse-state_code", code)
    page.fill("#id_newcourse-title", title)
    page.click("form.catalogue-form button[type=submit]")
    expect(page.locator(".messages")).to_contain_text(f"{code} {title} is now in the catalogue")


def create_program(page: Page, site_url: str, title: str, axe) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/programs/mine/")
    page.get_by_role("link", name="New program of study").click()
    page.wait_for_url("**/programs/new/")
    assert_accessible_on_a_phone(page, axe)
    page.fill("#id_title", title)
    page.fill("#id_description", "Four courses from health careers to a clinical capstone.")
    page.select_option("#id_subcluster", SUBCLUSTER)
    page.select_option("#id_legacy_pathway", LEGACY_PATHWAY)
    page.get_by_role("button", name="Create and add courses").click()
    page.wait_for_url(re.compile(r"/programs/\d+/courses/$"))
    expect(page.locator(".messages")).to_contain_text("Program created")


def enter_sequence(page: Page, codes: list[str]) -> None:
    """Three courses, "Save and add another course", then the fourth as the capstone."""
    for row, code in enumerate(codes[:3]):
        page.fill(f"#id_course-{row}-course", code)
    page.get_by_role("button", name="Save and add another course").click()
    page.wait_for_url(re.compile(r"/courses/\?blank=\d+"))
    for row, title in enumerate(COURSE_TITLES[:3]):
        expect(page.locator("fieldset.sequence-row legend").nth(row)).to_contain_text(title)
    page.fill("#id_course-3-course", codes[3])
    page.check("#id_course-3-is_capstone")
    page.get_by_role("button", name="Save courses", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Course sequence saved.")
    expect(page.locator("fieldset.sequence-row legend").nth(3)).to_contain_text(COURSE_TITLES[3])
    expect(page.locator("#id_course-3-is_capstone")).to_be_checked()
    expect(page.locator("#problems-heading")).to_have_count(0)  # nothing stops submission


def approve_from_the_queue(page: Page, site_url: str, title: str) -> None:
    page.goto(site_url + "/programs/mine/")
    page.locator(".review-queue").get_by_role("link", name=f"Review “{title}”").click()
    page.wait_for_url(re.compile(r"/programs/\d+/review/$"))
    expect(page.locator("h1")).to_have_text(f"Review: {title}")
    page.locator("form.review-approve").get_by_role("button", name="Approve").click()
    page.wait_for_url("**/programs/mine/")
    expect(page.locator(".messages")).to_contain_text("Approved. The program is now public.")


def assert_public_sequence(page: Page, codes: list[str]) -> None:
    courses = page.locator("ol.course-sequence > li.course")
    expect(courses).to_have_count(4)
    for number, (code, title) in enumerate(zip(codes, COURSE_TITLES, strict=True)):
        expect(courses.nth(number).locator(".course-title")).to_have_text(title)
        expect(courses.nth(number)).to_contain_text(f"Course {code}")
    expect(page.locator("li.course-capstone")).to_have_count(1)
    expect(courses.nth(3)).to_have_class(re.compile(r"\bcourse-capstone\b"))
    expect(courses.nth(3).locator(".tag-capstone")).to_have_text("Capstone")


def test_a_program_goes_from_draft_to_the_public_district_page(
    site_url, page, axe, django_db_blocker
):
    from pathways.accounts.models import User

    fragment = uuid.uuid4().hex[:6]
    title = f"Browser Test Physical Health {fragment}"
    code_prefix = f"BT-{fragment}-"
    codes = [f"{code_prefix}{number}" for number in range(1, 5)]
    coordinator = Account(f"bt-coordinator-{fragment}", secrets.token_urlsafe(16))
    state_admin = Account(f"bt-state-{fragment}", secrets.token_urlsafe(16))
    # pytest-django blocks the database for every thread, the server's too, so the whole
    # test runs unblocked; not being in a `django_db` transaction, its writes are committed.
    with django_db_blocker.unblock():
        try:
            User.objects.create_user(
                username=coordinator.username,
                password=coordinator.password,
                role="district_coordinator",
                district_id=DISTRICT,
            )
            User.objects.create_user(
                username=state_admin.username, password=state_admin.password, role="state_admin"
            )
            walk_through_the_workflow(page, site_url, axe, title, codes, coordinator, state_admin)
        finally:
            delete_what_the_test_made(title, code_prefix, [coordinator, state_admin])


def walk_through_the_workflow(  # type: ignore[no-untyped-def]
    page: Page,
    site_url: str,
    axe,
    title: str,
    codes: list[str],
    coordinator: Account,
    state_admin: Account,
) -> None:
    # The district coordinator writes the program and submits it.
    sign_in(page, site_url, coordinator)
    create_program(page, site_url, title, axe)
    for code, course_title in zip(codes, COURSE_TITLES, strict=True):
        add_to_catalogue(page, code, course_title)
    enter_sequence(page, codes)
    assert_accessible_on_a_phone(page, axe)
    page.get_by_role("link", name="Program page and submission").click()
    page.get_by_role("link", name="Submit for state approval").click()
    assert_accessible_on_a_phone(page, axe)  # the confirmation page
    page.get_by_role("button", name="Yes, submit for state approval").click()
    expect(page.locator(".messages")).to_contain_text("Submitted for approval")
    expect(page.locator(".status-banner")).to_contain_text("Submitted for approval")
    sign_out(page, site_url)

    # The state administrator approves it from the review queue.
    sign_in(page, site_url, state_admin)
    approve_from_the_queue(page, site_url, title)
    sign_out(page, site_url)

    # Anyone finds it on the district's page and reads its course sequence.
    page.goto(f"{site_url}/districts/{DISTRICT}/")
    link = page.locator("ul.program-list").get_by_role("link", name=title)
    expect(link).to_have_count(1)
    link.click()
    page.wait_for_url(re.compile(r"/programs/\d+/$"))
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".status-banner")).to_have_count(0)
    expect(page.locator(".staff-actions")).to_have_count(0)
    assert_public_sequence(page, codes)
    assert_accessible_on_a_phone(page, axe)


def delete_what_the_test_made(title: str, code_prefix: str, accounts: list[Account]) -> None:
    """Programs, courses, their audit-log entries, the users, their sessions and sign-ins."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    from pathways.accounts.models import User
    from pathways.programs.models import (
        Course,
        ProgramCourse,
        ProgramOfStudy,
        WorkBasedLearning,
    )

    program_ids = list(ProgramOfStudy.objects.filter(title=title).values_list("pk", flat=True))
    ProgramOfStudy.objects.filter(pk__in=program_ids).delete()  # cascades to its rows
    ProgramOfStudy.history.filter(id__in=program_ids).delete()
    ProgramCourse.history.filter(program_id__in=program_ids).delete()
    WorkBasedLearning.history.filter(program_id__in=program_ids).delete()
    Course.objects.filter(state_code__startswith=code_prefix).delete()
    Course.history.filter(state_code__startswith=code_prefix).delete()

    usernames = [account.username for account in accounts]
    user_ids = {
        str(pk) for pk in User.objects.filter(username__in=usernames).values_list("pk", flat=True)
    }
    for session in Session.objects.all():
        if session.get_decoded().get("_auth_user_id") in user_ids:
            session.delete()
    User.objects.filter(username__in=usernames).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=usernames).delete()
