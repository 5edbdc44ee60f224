"""A regional analysis from draft to the region page, in headless Chromium, through the UI.

A district coordinator writes an analysis for the Southwestern region with a live figure
(first with a mistake the editor names by line), previews it and submits it; a state
administrator publishes it; a visitor finds it on the region's page and reads the figure,
the value the site's own wage service gives, with its source. Editor, analysis and region
pages are checked against WCAG 2.1 AA (axe-core) on a 360 px phone.

Not in a `django_db` transaction (the server thread has its own connection): what the test
creates is committed, and the `finally:` block deletes it.
"""

import secrets
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import overflows_horizontally, wcag_violations
from tests.browser.test_program_workflow import Account, sign_in, sign_out

pytestmark = [pytest.mark.mirror]

DISTRICT = "3500060"  # Albuquerque Public Schools
LAS_CRUCES = "0029740"
NURSES = "29-1141"
FIGURE = f'{{{{ median-wage soc={NURSES} area="Las Cruces" }}}}'


def assert_accessible_on_a_phone(page: Page, axe) -> None:  # type: ignore[no-untyped-def]
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def expected_wage() -> str:
    from pathways.occupations.wages import wages_for

    median = wages_for([NURSES], LAS_CRUCES)[NURSES].estimate.median_annual
    return f"${median:,}"


def test_a_published_analysis_shows_its_live_figure_on_the_region_page(
    site_url, page, axe, django_db_blocker
):
    from pathways.accounts.models import User

    fragment = uuid.uuid4().hex[:6]
    slug = f"bt-nursing-{fragment}"
    title = f"Nursing in the Southwest {fragment}"
    coordinator = Account(f"bt-a-coordinator-{fragment}", secrets.token_urlsafe(16))
    state_admin = Account(f"bt-a-state-{fragment}", secrets.token_urlsafe(16))
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
            wage = expected_wage()
            write_and_submit(page, site_url, axe, coordinator, slug, title)
            publish(page, site_url, state_admin, title)
            read_on_the_region_page(page, site_url, axe, title, wage)
        finally:
            delete_what_the_test_made(slug, [coordinator, state_admin])


def write_and_submit(  # type: ignore[no-untyped-def]
    page: Page, site_url: str, axe, coordinator: Account, slug: str, title: str
) -> None:
    sign_in(page, site_url, coordinator)
    page.goto(site_url + "/analyses/editor/")
    page.get_by_role("link", name="Write a new analysis").click()
    page.wait_for_url("**/analyses/new/")
    assert_accessible_on_a_phone(page, axe)
    page.fill("#id_title", title)
    page.fill("#id_slug", slug)
    page.select_option("#id_region", "southwestern")
    page.select_option("#id_topic", "occupations")
    page.fill("#id_body", "Nurses are in demand.\n\nThey earn {{ median-pay soc=29-1141 }}.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".error-summary")).to_contain_text("Line 3: “median-pay” is not a kind")
    assert_accessible_on_a_phone(page, axe)  # the form with its errors
    page.fill("#id_body", f"Nurses are in demand.\n\nIn Las Cruces they earn {FIGURE} a year.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".preview .live-figure-value")).to_have_count(1)
    assert_accessible_on_a_phone(page, axe)  # the preview with its list of figures
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(f"**/analyses/{slug}/")
    expect(page.locator(".workflow")).to_contain_text("Status: Draft")
    assert_accessible_on_a_phone(page, axe)  # the draft with its workflow buttons
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messages")).to_contain_text("Submitted for review.")
    sign_out(page, site_url)


def publish(page: Page, site_url: str, state_admin: Account, title: str) -> None:
    sign_in(page, site_url, state_admin)
    page.goto(site_url + "/analyses/editor/")
    page.get_by_role("link", name=title).click()
    expect(page.locator(".workflow")).to_contain_text("Status: In review")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("Published.")
    sign_out(page, site_url)


def read_on_the_region_page(  # type: ignore[no-untyped-def]
    page: Page, site_url: str, axe, title: str, wage: str
) -> None:
    page.goto(site_url + "/regions/southwestern/")
    link = page.locator("ul.analysis-list").get_by_role("link", name=title)
    expect(link).to_have_count(1)
    assert_accessible_on_a_phone(page, axe)
    link.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".analysis-body .live-figure-value")).to_have_text(wage)
    figures = page.locator(".figure-list")
    expect(figures).to_contain_text(
        f"Median annual wage, Registered Nurses, Las Cruces, NM: {wage}"
    )
    expect(figures.locator(".source-note")).to_contain_text("Occupational Employment and Wage")
    expect(page.locator(".workflow")).to_have_count(0)  # visitors see no staff controls
    assert_accessible_on_a_phone(page, axe)


def delete_what_the_test_made(slug: str, accounts: list[Account]) -> None:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.sessions.models import Session

    from pathways.accounts.models import User
    from pathways.analyses.models import Analysis

    Analysis.objects.filter(slug=slug).delete()
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/analyses/", "/es/analyses/", "/analyses/using-lmi/", "/es/analyses/using-lmi/"]
)
def test_analysis_pages_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible_on_a_phone(page, axe)
