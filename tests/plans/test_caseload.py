"""The caseload: a counselor's students with plan status, program and CTE status; filters,
reminders and the audited CSV."""

import pytest
from django.core import mail
from django.urls import reverse

from pathways.plans.caseload import Filters, caseload
from pathways.plans.models import CaseloadExport, PlanReminder
from pathways.plans.versions import sign
from tests.factories.accounts import StudentFactory
from tests.factories.plans import plan_with_version
from tests.factories.students import school

CASELOAD = "/plans/caseload/"


@pytest.fixture
def plans(people, year, program):  # type: ignore[no-untyped-def]
    """Rosa's plan in Health Careers (signed by her: awaiting), a draft in grade 11 and a
    student with no plan; and a student at another school who must never appear."""
    rosa = plan_with_version(
        people.student, school_year=year, program={"id": program.pk, "title": "Health Careers"}
    )
    sign(rosa, "student", "Rosa")
    plan_with_version(
        StudentFactory(school=school("001"), last_name="Draft"), school_year=year, grade=11
    )
    StudentFactory(school=school("002"), last_name="Elsewhere")
    return rosa


def names(rows):  # type: ignore[no-untyped-def]
    return sorted(row.student.last_name for row in rows)


def test_a_counselor_sees_only_their_schools_students(people, plans):
    rows = caseload(people.counselor, Filters())
    assert "Elsewhere" not in names(rows)
    assert len(rows) == 3  # Rosa, Draft and the other student of school 001


def test_a_coordinator_sees_the_whole_district(people, plans):
    assert "Elsewhere" in names(caseload(people.coordinator, Filters()))


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(status="awaiting_signatures"), 1),
        (Filters(status="draft"), 1),
        (Filters(status="not_started"), 1),
        (Filters(grade=11), 1),
        (Filters(cte="participant"), 1),
        (Filters(cte="none"), 2),
    ],
)
def test_filters_narrow_the_caseload(people, plans, filters, expected):
    assert len(caseload(people.counselor, filters)) == expected


def test_the_program_filter_keeps_its_students(people, plans, program):
    [row] = caseload(people.counselor, Filters(program=program.pk))
    assert row.student == people.student and row.cte_status == "participant"


def test_plans_not_complete_after_the_deadline_stand_out(people, plans, year, settings):
    from datetime import date

    settings.PATHWAYS_PLAN_DUE = "05-15"
    late = caseload(people.counselor, Filters(), today=date(year, 6, 1))
    assert all(row.past_due for row in late)
    early = caseload(people.counselor, Filters(), today=date(year - 1, 9, 1))
    assert not any(row.past_due for row in early)


def test_the_page_filters_by_query_string_and_refuses_bad_values(client, people, plans):
    client.force_login(people.counselor)
    page = client.get(CASELOAD + "?status=draft")
    assert "Ana Draft" in page.text and people.student.last_name not in page.text
    assert client.get(CASELOAD + "?grade=99").status_code == 400
    assert client.get(CASELOAD + "?program=abc").status_code == 400


def test_a_student_has_no_caseload(client, people):
    client.force_login(people.student)
    assert client.get(CASELOAD).status_code == 403


def test_reminders_reach_the_dashboard_and_the_inbox(client, people, plans):
    client.force_login(people.counselor)
    response = client.post(
        reverse("plans:remind"), {"students": [people.student.pk], "message": "Sign by Friday"}
    )
    assert response.status_code == 302
    reminder = PlanReminder.objects.get()
    assert (reminder.student, reminder.sent_by) == (people.student, people.counselor)
    assert [m.to for m in mail.outbox] == [[people.student.email]]
    client.force_login(people.student)
    assert "Sign by Friday" in client.get(reverse("accounts:dashboard")).text


def test_a_reminder_to_another_schools_student_is_refused(client, people, plans):
    from pathways.accounts.models import User

    elsewhere = User.objects.get(last_name="Elsewhere")
    client.force_login(people.counselor)
    response = client.post(
        reverse("plans:remind"), {"students": [people.student.pk, elsewhere.pk], "message": "Hi"}
    )
    assert response.status_code == 403
    assert not PlanReminder.objects.exists()


def test_an_oversize_reminder_is_refused(client, people, plans):
    client.force_login(people.counselor)
    response = client.post(
        reverse("plans:remind"), {"students": [people.student.pk], "message": "x" * 501}
    )
    assert response.status_code == 400


def test_the_csv_is_audited_and_names_students_only_inside_the_district(client, people, plans):
    client.force_login(people.counselor)
    rows = client.get(CASELOAD + "?format=csv").content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Account,Student,School")
    assert len(rows) == 4
    client.force_login(people.state_admin)
    state = client.get(CASELOAD + "?format=csv").content.decode("utf-8-sig")
    assert "Student" not in state.splitlines()[0] and "Rosa" not in state
    audits = list(
        CaseloadExport.objects.order_by("exported_at").values_list("username", "rows", "with_names")
    )
    assert audits[0] == (people.counselor.username, 3, True)
    assert audits[1][0] == people.state_admin.username and audits[1][2] is False


def test_the_caseload_takes_the_same_queries_for_ten_students_as_for_three(
    people, plans, year, django_assert_max_num_queries
):
    for number in range(7):
        student = StudentFactory(school=school("001"), student_id=f"S6{number:02d}")
        plan_with_version(student, school_year=year, grade=10)
    with django_assert_max_num_queries(8):
        rows = caseload(people.counselor, Filters())
    assert len(rows) == 10
