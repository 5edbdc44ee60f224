"""An opportunity's way to the public list in headless Chromium, through the UI only.

An employer asks for an account; Albuquerque's coordinator approves it from the queue;
the employer signs in and posts an internship, which waits for review; the coordinator
publishes it; a visitor finds it with the list's filters and reads it. Every page on the
way is checked against WCAG 2.1 AA (axe-core) on a 360 px phone.

Like the program workflow test, this one commits what it makes and deletes it at the end.
"""

import re
import secrets
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import overflows_horizontally, wcag_violations
from tests.browser.test_program_workflow import Account, sign_in, sign_out

pytestmark = [pytest.mark.mirror]

DISTRICT = "3500060"  # Albuquerque Public Schools


def assert_accessible_on_a_phone(page: Page, axe) -> None:  # type: ignore[no-untyped-def]
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def ask_for_an_account(page: Page, site_url: str, employer: Account, axe) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/opportunities/")
    page.get_by_role("link", name="Ask for an account").click()
    page.wait_for_url("**/opportunities/employers/signup/")
    assert_accessible_on_a_phone(page, axe)
    page.fill("#id_organization", "Browser Test Clinic")
    page.fill("#id_first_name", "Rosa")
    page.fill("#id_last_name", "Baca")
    page.fill("#id_email", employer.username)
    page.fill("#id_website", "http://clinic.example")  # refused: https only
    page.select_option("#id_district", DISTRICT)
    page.fill("#id_password1", employer.password)
    page.fill("#id_password2", employer.password)
    page.get_by_role("button", name="Ask for the account").click()
    expect(page.locator("#error-summary")).to_contain_text("https://")
    assert_accessible_on_a_phone(page, axe)  # the form with its error
    page.fill("#id_website", "https://clinic.example")
    page.fill("#id_password1", employer.password)
    page.fill("#id_password2", employer.password)
    page.get_by_role("button", name="Ask for the account").click()
    page.wait_for_url("**/employers/signup/done/")
    expect(page.locator("h1")).to_have_text("Request received")


def post_an_internship(page: Page, site_url: str, title: str, axe) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    page.goto(site_url + "/accounts/home/")
    page.get_by_role("link", name="Post an opportunity").click()
    page.wait_for_url("**/opportunities/new/")
    assert_accessible_on_a_phone(page, axe)
    page.select_option("#id_kind", "internship")
    page.fill("#id_title", title)
    page.fill("#id_description", "Shadow our nurses.\n\n- Closed shoes\n- **Bring lunch**")
    page.select_option("#id_district", DISTRICT)
    page.fill("#id_start_date", (today + timedelta(days=40)).isoformat())
    page.fill("#id_end_date", (today + timedelta(days=100)).isoformat())
    page.fill("#id_application_deadline", (today + timedelta(days=30)).isoformat())
    page.fill("#id_hours_per_week", "12")
    page.check("#id_paid")
    page.fill("#id_pay_amount", "14.00")
    page.select_option("#id_pay_unit", "hour")
    page.fill("#id_minimum_age", "16")
    page.fill("#id_occupation_codes", "29-1141")
    page.get_by_role("button", name="Save the posting").click()
    page.wait_for_url(re.compile(r"/opportunities/\d+/$"))
    expect(page.locator(".messages")).to_contain_text("once staff review it")
    expect(page.locator(".status-banner")).to_contain_text("Waiting for review")
    assert_accessible_on_a_phone(page, axe)


def test_an_employer_posts_and_a_coordinator_approves(site_url, page, axe, django_db_blocker):
    from pathways.accounts.models import User

    fragment = uuid.uuid4().hex[:6]
    title = f"Browser Test Clinic Internship {fragment}"
    employer = Account(f"bt-employer-{fragment}@example.org", secrets.token_urlsafe(16))
    coordinator = Account(f"bt-coord-{fragment}", secrets.token_urlsafe(16))
    with django_db_blocker.unblock():
        try:
            User.objects.create_user(
                username=coordinator.username,
                password=coordinator.password,
                role="district_coordinator",
                district_id=DISTRICT,
            )
            walk_through(page, site_url, axe, title, employer, coordinator)
        finally:
            delete_what_the_test_made(title, [employer, coordinator])


def walk_through(  # type: ignore[no-untyped-def]
    page: Page, site_url: str, axe, title: str, employer: Account, coordinator: Account
) -> None:
    ask_for_an_account(page, site_url, employer, axe)

    # The coordinator approves the account from the queue on the dashboard.
    sign_in(page, site_url, coordinator)
    page.goto(site_url + "/accounts/home/")
    page.get_by_role("link", name="Employer accounts to approve").click()
    assert_accessible_on_a_phone(page, axe)
    page.get_by_role("button", name="Approve Browser Test Clinic", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Browser Test Clinic may now sign in")
    sign_out(page, site_url)

    # The employer signs in and posts; the posting waits.
    sign_in(page, site_url, employer)
    post_an_internship(page, site_url, title, axe)
    sign_out(page, site_url)
    page.goto(site_url + "/opportunities/")
    expect(page.get_by_role("link", name=title)).to_have_count(0)

    # The coordinator publishes it.
    sign_in(page, site_url, coordinator)
    page.goto(site_url + "/opportunities/review/")
    assert_accessible_on_a_phone(page, axe)
    page.get_by_role("button", name=f"Publish {title}", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("is published")
    sign_out(page, site_url)

    # A visitor finds it with the filters (a plain GET form) and reads it.
    page.goto(site_url + "/opportunities/")
    page.select_option("#id_kind", "internship")
    page.select_option("#id_paid", "yes")
    page.fill("#id_age", "16")
    page.get_by_role("button", name="Show opportunities").click()
    page.wait_for_url(re.compile(r"/opportunities/\?.*kind=internship"))
    assert_accessible_on_a_phone(page, axe)
    page.get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".posting-description strong")).to_have_text("Bring lunch")
    expect(page.locator(".facts")).to_contain_text("29-1141")
    assert_accessible_on_a_phone(page, axe)
    # A visitor is invited to sign in as a student to apply on the site.
    expect(page.get_by_role("link", name="sign in", exact=True)).to_be_visible()


def delete_what_the_test_made(title: str, accounts: list[Account]) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    from pathways.accounts.models import User
    from pathways.opportunities.models import Opportunity

    Opportunity.objects.filter(title=title).delete()
    usernames = [account.username for account in accounts]
    user_ids = {
        str(pk) for pk in User.objects.filter(username__in=usernames).values_list("pk", flat=True)
    }
    Opportunity.objects.filter(posted_by_id__in=[int(pk) for pk in user_ids]).delete()
    for session in Session.objects.all():
        if session.get_decoded().get("_auth_user_id") in user_ids:
            session.delete()
    User.objects.filter(username__in=usernames).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=usernames).delete()
