"""The Next Step Plan in headless Chromium on a 360 px phone: a grade-9 student builds and
signs their plan, their counselor finds it in the caseload and signs, and a parent signs
through the link and code in Spanish. Every page passes WCAG 2.1 AA (axe-core) and never
scrolls sideways. What the test makes is committed (the server thread has its own
connection) and deleted afterwards."""

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE
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
    student: Account
    counselor: Account


def make_school(prefix: str) -> School:
    from pathways.framework.models import SubCluster
    from pathways.saved.models import SavedOccupation
    from tests.factories.students import program_with_sequence, school

    made = School(
        prefix=prefix,
        title=f"Browser Plan Health {prefix}",
        codes=[f"{prefix}-{n}" for n in (1, 2, 9)],
        student=make_account("student", school=school(prefix)),  # type: ignore[arg-type]
        counselor=make_account("counselor", school=school(prefix)),  # type: ignore[arg-type]
    )
    program_with_sequence(
        made.codes, title=made.title, subcluster=SubCluster.objects.get(code=SUBCLUSTER)
    )
    from pathways.accounts.models import User

    student = User.objects.get(username=made.student.username)
    student.first_name, student.last_name = "Rosa", f"Plan{prefix}"
    student.save()
    SavedOccupation.objects.create(owner=student, occupation_id=NURSES)
    return made


def delete_school(made: School) -> None:
    from pathways.geography.models import School as SchoolRow
    from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy

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


def build_and_sign_plan(page: Page, site_url: str, school: School, axe) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "/plans/")
    expect(page.locator("h1")).to_have_text("My Next Step Plan")
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
    row = page.locator("table.caseload tbody tr", has_text=f"Plan{school.prefix}")
    expect(row).to_contain_text("Awaiting signatures")
    assert_accessible_on_a_phone(page, axe)
    row.get_by_role("link").click()
    page.check("#confirm-counselor")
    page.get_by_role("button", name="Sign as the counselor").click()
    expect(page.locator(".plan-signatures")).to_contain_text("School counselor: signed by")
    assert_accessible_on_a_phone(page, axe)
    page.select_option("#parent-language", "es")
    page.get_by_role("button", name="Make a parent link and code").click()
    address = page.locator(".parent-address").inner_text()
    code = page.locator(".parent-code").inner_text()
    assert re.fullmatch(r"\d{6}", code) and "/es/plans/parent/" in address
    return address, code


def test_a_student_plan_signed_by_the_student_counselor_and_a_parent_on_a_phone(  # type: ignore[no-untyped-def]
    browser, page, site_url, school, axe
):
    sign_in(page, site_url, school.student)
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
        expect(parent.locator("h1")).to_have_text("Plan de Próximos Pasos de Rosa")
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
