"""Class codes and saved careers in headless Chromium on a 360 px phone (issue #17): a
counselor makes a class code, a grade-9 student joins with it and saves an occupation;
every page passes WCAG 2.1 AA (axe-core), in English and Spanish, and never scrolls
sideways. Everything made is deleted afterwards (see tests/browser/test_students.py).

`joined_student` is the starting point the Next Step Plan's browser test builds on.
"""

import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_students import (
    DISTRICT,
    Account,
    assert_accessible_on_a_phone,
    delete_accounts,
    make_account,
    sign_in,
)

pytestmark = [pytest.mark.mirror]
NURSES = "29-1141"


@dataclass
class ClassCodeSetting:
    counselor: Account
    school_code: str
    made: list[Account]  # student accounts the test creates in the browser, deleted after


@pytest.fixture
def class_code_setting(site_url, django_db_blocker) -> Iterator[ClassCodeSetting]:  # type: ignore[no-untyped-def]
    from pathways.accounts.models import ClassCode
    from pathways.geography.models import School

    with django_db_blocker.unblock():
        school = School.objects.create(
            district_id=DISTRICT, code=f"BT{uuid.uuid4().hex[:6]}", name="Browser Test High"
        )
        counselor = make_account("counselor", school_id=str(school.pk))
        setting = ClassCodeSetting(counselor, school.code, [])
        try:
            yield setting
        finally:
            delete_accounts([counselor, *setting.made])
            ClassCode.objects.filter(school=school).delete()
            school.delete()


def make_class_code(page: Page, site_url: str, counselor: Account) -> str:
    """The counselor signs in, makes a grade-9 code from the dashboard and reads it."""
    sign_in(page, site_url, counselor)
    page.goto(site_url + "/accounts/home/")
    page.click("text=Class codes: students make their accounts")
    page.fill("#id_label", "Period 3 Health Careers")
    page.select_option("#id_grade", "9")
    page.click("form.account-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Class code")
    return page.locator("h1 .class-code").inner_text().replace("-", "")


def join_with_class_code(page: Page, site_url: str, code: str, language: str = "") -> Account:
    """A student with no account joins with the code (no e-mail) and lands on their dashboard."""
    account = Account(f"bt-join-{uuid.uuid4().hex[:6]}", secrets.token_urlsafe(16))
    page.goto(f"{site_url}{language}/accounts/join/?code={code.lower()}")
    page.fill("#id_username", account.username)
    page.fill("#id_password1", account.password)
    page.fill("#id_password2", account.password)
    page.click("form.account-form button[type=submit]")
    expect(page.locator("form.sign-out-form button")).to_be_attached()
    return account


@pytest.fixture
def joined_student(browser, site_url, class_code_setting) -> Iterator[tuple[Page, Account]]:  # type: ignore[no-untyped-def]
    """A grade-9 student signed in on a phone after joining with their counselor's code."""
    from tests.browser.conftest import PHONE

    staff = browser.new_context(viewport=PHONE)
    code = make_class_code(staff.new_page(), site_url, class_code_setting.counselor)
    staff.close()
    student = browser.new_context(viewport=PHONE)
    page = student.new_page()
    account = join_with_class_code(page, site_url, code)
    class_code_setting.made.append(account)
    yield page, account
    student.close()


def test_a_counselors_class_code_pages_pass_on_a_phone(
    page: Page, site_url, class_code_setting, axe
):  # type: ignore[no-untyped-def]
    make_class_code(page, site_url, class_code_setting.counselor)
    assert_accessible_on_a_phone(page, axe)
    page.click("text=Print the sheet for the class")
    expect(page.locator("h1")).to_have_text("Make your account")
    assert_accessible_on_a_phone(page, axe)
    page.goto(site_url + "/es/accounts/class-codes/")
    expect(page.locator("h1")).to_have_text("Códigos de clase")
    assert_accessible_on_a_phone(page, axe)


@pytest.mark.django_db
def test_the_join_page_passes_on_a_phone_in_both_languages(page: Page, site_url, axe):  # type: ignore[no-untyped-def]
    page.goto(site_url + "/accounts/join/")
    assert_accessible_on_a_phone(page, axe)
    page.fill("#id_class_code", "ACDE-FGHJ")
    page.fill("#id_username", f"bt-nobody-{uuid.uuid4().hex[:6]}")
    page.fill("#id_password1", "Piñon-Mesa-Trail-42")
    page.fill("#id_password2", "Piñon-Mesa-Trail-42")
    page.click("form.account-form button[type=submit]")
    expect(page.locator("#id_class_code_error")).to_contain_text("There is no class code ACDEFGHJ")
    assert_accessible_on_a_phone(page, axe)
    page.goto(site_url + "/es/accounts/join/")
    expect(page.locator("h1")).to_have_text("Únete con un código de clase")
    assert_accessible_on_a_phone(page, axe)


def test_a_grade_9_student_joins_with_a_class_code_and_saves_a_career(  # type: ignore[no-untyped-def]
    site_url, joined_student, axe
) -> None:
    page, _account = joined_student
    page.goto(f"{site_url}/occupations/{NURSES}/")
    page.click("button:has-text('Save to my careers')")
    # With JavaScript htmx swaps the button in place; the state is the same without it.
    expect(page.locator(".save-occupation")).to_contain_text("Saved ✓")
    assert_accessible_on_a_phone(page, axe)
    page.goto(site_url + "/saved/")
    expect(page.locator(".saved-list")).to_contain_text("Registered Nurses")
    assert_accessible_on_a_phone(page, axe)
    page.check(f"#pick-{NURSES}")
    page.click("button:has-text('Compare the careers I checked')")
    expect(page.locator("h1")).to_have_text("Compare occupations")
    page.goto(site_url + "/es/saved/")
    expect(page.locator("h1")).to_have_text("Mis carreras guardadas")
    assert_accessible_on_a_phone(page, axe)
