"""The Next Step Plan in headless Chromium on a 360 px phone: a grade-9 student joins with
their counselor's class code, saves a career, builds and signs their plan; the counselor
finds it in the caseload and signs; a parent signs through the link and code in Spanish.
Every page passes WCAG 2.1 AA (axe-core) and never scrolls sideways. What the test makes
is committed (the server thread has its own connection) and deleted afterwards."""

import re
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE, wcag_violations
from tests.browser.test_students import (
    SUBCLUSTER,
    Account,
    assert_accessible_on_a_phone,
    delete_accounts,
    make_account,
    sign_in,
)

pytestmark = [pytest.mark.mirror]

NURSES = "29-1141"


@dataclass
class School:
    prefix: str
    title: str
    codes: list[str]
    student: Account  # made by joining with the class code, in the test
    counselor: Account
    class_code: str


def make_school(prefix: str) -> School:
    from datetime import timedelta

    from django.utils import timezone

    from pathways.accounts.class_codes import create_class_code
    from pathways.accounts.models import User
    from pathways.framework.models import SubCluster
    from pathways.plans.versions import current_school_year
    from tests.factories.students import program_with_sequence, school

    counselor = make_account("counselor", school=school(prefix))  # type: ignore[arg-type]
    program_with_sequence(
        [f"{prefix}-{n}" for n in (1, 2, 9)],
        title=f"Browser Plan Health {prefix}",
        subcluster=SubCluster.objects.get(code=SUBCLUSTER),
    )
    code = create_class_code(
        User.objects.get(username=counselor.username),
        school=school(prefix),
        label="Period 3",
        school_year=current_school_year(),
        grade=9,
        expires_on=timezone.localdate() + timedelta(days=30),
        max_uses=5,
    )
    return School(
        prefix=prefix,
        title=f"Browser Plan Health {prefix}",
        codes=[f"{prefix}-{n}" for n in (1, 2, 9)],
        student=Account(f"bp{prefix.lower()}", secrets.token_urlsafe(16)),
        counselor=counselor,
        class_code=code.code,
    )


def delete_school(made: School) -> None:
    from pathways.accounts.models import ClassCode
    from pathways.geography.models import School as SchoolRow
    from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy

    ClassCode.objects.filter(school__code=made.prefix).delete()
    delete_accounts([made.student, made.counselor])  # their plans, links and reminders too
    program_ids = list(ProgramOfStudy.objects.filter(title=made.title).values_list("pk", flat=True))
    ProgramOfStudy.objects.filter(pk__in=program_ids).delete()
    ProgramOfStudy.history.filter(id__in=program_ids).delete()
    ProgramCourse.history.filter(program_id__in=program_ids).delete()
    Course.objects.filter(state_code__startswith=made.prefix).delete()
    Course.history.filter(state_code__startswith=made.prefix).delete()
    SchoolRow.objects.filter(code=made.prefix).delete()


@pytest.fixture
def school(site_url, django_db_blocker) -> Iterator[School]:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        made = make_school(f"BP{uuid.uuid4().hex[:6]}")
        try:
            yield made
        finally:
            delete_school(made)


def join_and_save_a_career(page: Page, site_url: str, school: School, axe) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/accounts/join/?code={school.class_code}")
    page.fill("#id_username", school.student.username)
    page.fill("#id_password1", school.student.password)
    page.fill("#id_password2", school.student.password)
    page.get_by_role("button", name="Make my account").click()
    expect(page.locator("form.sign-out-form button")).to_be_attached()
    page.goto(f"{site_url}/occupations/{NURSES}/")
    page.get_by_role("button", name="Save to my careers").click()
    expect(page.locator(f"#save-{NURSES}")).to_contain_text("Saved")
    page.goto(f"{site_url}/accounts/home/")
    page.get_by_role("link", name="My Next Step Plan").click()


def build_and_sign_plan(page: Page, site_url: str, school: School, axe) -> None:  # type: ignore[no-untyped-def]
    expect(page.locator("h1")).to_have_text("My Next Step Plan")
    expect(page.locator("#id_grade")).to_have_value("9")
    assert_accessible_on_a_phone(page, axe)
    page.get_by_label("Registered Nurses").check()
    page.select_option("#id_program", label=school.title)
    page.click("form.plan-form button[type=submit]")
    expect(page.locator(".plan-status")).to_have_text("Draft")
    expect(page.locator("#goals-caption")).to_be_attached()
    assert_accessible_on_a_phone(page, axe)
    page.check("#confirm-student")
    page.get_by_role("button", name="Sign as the student").click()
    expect(page.locator(".plan-status")).to_have_text("Awaiting signatures")


def counselor_signs_and_invites(page: Page, site_url: str, school: School, axe) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/plans/caseload/")
    expect(page.locator("h1")).to_have_text("Caseload: Next Step Plans")
    row = page.locator("table.caseload tbody tr", has_text=school.student.username)
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


def test_a_student_plan_signed_by_the_student_counselor_and_a_parent_on_a_phone(  # type: ignore[no-untyped-def]
    browser, page, site_url, school, axe
):
    join_and_save_a_career(page, site_url, school, axe)
    build_and_sign_plan(page, site_url, school, axe)

    staff = browser.new_context(viewport=PHONE)
    try:
        counselor_page = staff.new_page()
        sign_in(counselor_page, site_url, school.counselor)
        address, code = counselor_signs_and_invites(counselor_page, site_url, school, axe)
    finally:
        staff.close()

    family = browser.new_context(viewport=PHONE, locale="es-MX")
    try:
        parent = family.new_page()
        parent.goto(address)
        expect(parent.locator("html")).to_have_attribute("lang", "es")
        expect(parent.locator("h1")).to_have_text(
            f"Plan de Próximos Pasos de {school.student.username}"
        )
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
