"""The resume builder in headless Chromium on a 360 px phone: a student opens it, adds a
job one section at a time, and reads the pages in English and Spanish; every page passes
WCAG 2.1 AA (axe-core) and never scrolls sideways. The account is deleted afterwards
(with its resume)."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_students import (
    Account,
    assert_accessible_on_a_phone,
    delete_accounts,
    make_account,
    sign_in,
)

pytestmark = [pytest.mark.mirror]


@pytest.fixture
def student(site_url, django_db_blocker) -> Iterator[Account]:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        account = make_account("student")
        try:
            yield account
        finally:
            delete_accounts([account])


def test_a_student_builds_a_resume_on_a_phone(page: Page, site_url, student, axe):  # type: ignore[no-untyped-def]
    sign_in(page, site_url, student)
    page.goto(site_url + "/resume/")
    expect(page.locator("h1")).to_have_text("My resume")
    assert_accessible_on_a_phone(page, axe)
    page.goto(site_url + "/resume/work/")
    page.fill("#id_name", "Taos Diner")
    page.fill("#id_position", "Server")
    page.fill("#id_highlights", "Served 40 customers a shift")
    page.click("main form button:has-text('Save')")
    expect(page.locator(".resume-items")).to_contain_text("Server — Taos Diner")
    assert_accessible_on_a_phone(page, axe)
    page.goto(site_url + "/es/resume/work/")
    expect(page.locator("main")).to_contain_text("Viñetas con fuerza")
    assert_accessible_on_a_phone(page, axe)


def test_a_student_adds_a_suggested_technology_on_a_phone(page: Page, site_url, student, axe):  # type: ignore[no-untyped-def]
    sign_in(page, site_url, student)
    page.goto(site_url + "/resume/skills/")
    page.fill("#id_career", "registered nurse")
    page.click("main form[role=search] button")
    page.click("main li:has-text('29-1141') button:has-text('Aim for this career')")
    suggestions = page.locator(".technology-suggestions")
    expect(suggestions).to_contain_text("Epic Systems")
    assert_accessible_on_a_phone(page, axe)
    page.click(".technology-suggestions li:has-text('Epic Systems') button:has-text('Add')")
    expect(page.locator("main")).to_contain_text("Added Epic Systems to your skills.")
    expect(page.locator(".resume-items").first).to_contain_text("Epic Systems")
    page.goto(site_url + "/es/resume/skills/")
    expect(suggestions).to_contain_text("Programas y tecnología")
    assert_accessible_on_a_phone(page, axe)
