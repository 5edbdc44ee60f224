"""The whole Next Step Plan walk in headless Chromium on 360 px phones, built on the join
test (tests/browser/test_saved.py): a counselor makes a class code, a grade-9 student joins
with it, saves a career, builds and signs their plan; the counselor finds it in the
caseload and signs; a parent signs through the link and code, in Spanish. Every page passes
WCAG 2.1 AA (axe-core) and never scrolls sideways. What the test makes is committed (the
server thread has its own connection) and deleted afterwards."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, wcag_violations
from tests.browser.test_saved import (  # the join test's fixtures are this walk's start
    NURSES,
    ClassCodeSetting,
    class_code_setting,  # noqa: F401
    joined_student,  # noqa: F401
)
from tests.browser.test_students import (
    SUBCLUSTER,
    Account,
    assert_accessible_on_a_phone,
    sign_in,
)

pytestmark = [pytest.mark.mirror]


@dataclass
class Program:
    title: str
    prefix: str  # of its course codes


@pytest.fixture
def program(site_url, django_db_blocker, class_code_setting) -> Iterator[Program]:  # type: ignore[no-untyped-def]  # noqa: F811
    """An approved program of the class code's district, deleted afterwards."""
    from pathways.framework.models import SubCluster
    from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy
    from tests.factories.students import program_with_sequence

    made = Program(
        f"Browser Plan Health {class_code_setting.school_code}", class_code_setting.school_code
    )
    with django_db_blocker.unblock():
        program_with_sequence(
            [f"{made.prefix}-{n}" for n in (1, 2, 9)],
            title=made.title,
            subcluster=SubCluster.objects.get(code=SUBCLUSTER),
        )
        try:
            yield made
        finally:
            ids = list(ProgramOfStudy.objects.filter(title=made.title).values_list("pk", flat=True))
            ProgramOfStudy.objects.filter(pk__in=ids).delete()
            ProgramOfStudy.history.filter(id__in=ids).delete()
            ProgramCourse.history.filter(program_id__in=ids).delete()
            Course.objects.filter(state_code__startswith=made.prefix).delete()
            Course.history.filter(state_code__startswith=made.prefix).delete()


def save_a_career_and_build_the_plan(page: Page, site_url: str, program: Program, axe) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/occupations/{NURSES}/")
    page.click("button:has-text('Save to my careers')")
    expect(page.locator(".save-occupation")).to_contain_text("Saved")
    page.goto(f"{site_url}/accounts/home/")
    page.get_by_role("link", name="My Next Step Plan").click()
    expect(page.locator("h1")).to_have_text("My Next Step Plan")
    expect(page.locator("#id_grade")).to_have_value("9")  # the class code's grade
    assert_accessible_on_a_phone(page, axe)
    page.get_by_label("Registered Nurses").check()
    page.select_option("#id_program", label=program.title)
    page.click("form.plan-form button[type=submit]")
    expect(page.locator(".plan-status")).to_have_text("Draft")
    expect(page.locator("#courses-caption")).to_be_attached()
    assert_accessible_on_a_phone(page, axe)
    page.check("#confirm-student")
    page.get_by_role("button", name="Sign as the student").click()
    expect(page.locator(".plan-status")).to_have_text("Awaiting signatures")


def counselor_signs_and_invites(
    page: Page, site_url: str, student: Account, axe
) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/plans/caseload/")
    expect(page.locator("h1")).to_have_text("Caseload: Next Step Plans")
    row = page.locator("table.caseload tbody tr", has_text=student.username)
    expect(row).to_contain_text("Awaiting signatures")
    assert_accessible_on_a_phone(page, axe)
    row.get_by_role("link").click()
    page.check("#confirm-counselor")
    page.get_by_role("button", name="Sign as the counselor").click()
    expect(page.locator(".plan-signatures")).to_contain_text("School counselor: signed by")
    assert_accessible_on_a_phone(page, axe)
    plan_address = page.url
    page.get_by_role("link", name="Print view").click()
    expect(page.locator("h1")).to_contain_text("Next Step Plan")
    assert wcag_violations(axe, page) == []
    page.goto(plan_address)
    page.select_option("#parent-language", "es")
    page.get_by_role("button", name="Make a parent link and code").click()
    address = page.locator(".parent-address").inner_text()
    code = page.locator(".parent-code").inner_text()
    assert re.fullmatch(r"\d{6}", code) and "/es/plans/parent/" in address
    return address, code


def parent_signs_in_spanish(browser, address: str, code: str, student: Account, axe) -> None:  # type: ignore[no-untyped-def]
    family = browser.new_context(viewport=PHONE, locale="es-MX")
    try:
        parent = family.new_page()
        parent.goto(address)
        expect(parent.locator("html")).to_have_attribute("lang", "es")
        expect(parent.locator("h1")).to_have_text(f"Plan de Próximos Pasos de {student.username}")
        expect(parent.locator("main")).to_contain_text("Registered Nurses")
        assert_accessible_on_a_phone(parent, axe)
        parent.fill("#id_name", "María García")
        parent.fill("#id_code", code)
        parent.check("#id_confirm")
        parent.get_by_role("button", name="Firmar el plan").click()
        expect(parent.locator("main")).to_contain_text("Gracias: su firma ya está en el plan.")
        expect(parent.locator(".plan-status")).to_have_text("Completo")
        assert_accessible_on_a_phone(parent, axe)
    finally:
        family.close()


def test_a_grade_9_student_joins_and_their_plan_is_signed_by_all_three_on_phones(  # type: ignore[no-untyped-def]
    browser,
    site_url,
    class_code_setting: ClassCodeSetting,  # noqa: F811
    program,
    joined_student,  # noqa: F811
    axe,
):
    page, student = joined_student
    save_a_career_and_build_the_plan(page, site_url, program, axe)
    staff = browser.new_context(viewport=PHONE)
    try:
        counselor = staff.new_page()
        sign_in(counselor, site_url, class_code_setting.counselor)
        address, code = counselor_signs_and_invites(counselor, site_url, student, axe)
    finally:
        staff.close()
    parent_signs_in_spanish(browser, address, code, student, axe)
