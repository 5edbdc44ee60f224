"""The plan page: a student builds, saves and signs their plan; bad input is 4xx."""

import pytest
from django.urls import reverse

from pathways.plans.models import NextStepPlan, PlanVersion
from tests.factories.plans import plan_with_version
from tests.plans.conftest import plan_form

MINE = "/plans/"


def test_a_student_builds_a_plan_from_their_program_and_saved_careers(client, people, program):
    client.force_login(people.student)
    page = client.get(MINE)
    assert page.status_code == 200
    assert "Registered Nurses" in page.text  # a saved career to choose
    assert "Health Careers" in page.text  # the district's approved program
    response = client.post(MINE, plan_form(program))
    assert response.status_code == 302
    plan = NextStepPlan.objects.get(student=people.student)
    content = plan.latest_version().content
    assert content["program"]["title"] == "Health Careers"
    assert [(c["code"], c["grade"]) for c in content["courses"]] == [
        ("H101", 9),
        ("H102", 10),
        ("H199", 11),
    ]
    shown = client.get(MINE).text
    assert "Registered Nurses" in shown and "Interim Next Step Plan" in shown
    assert "H101" in shown and "passed" in shown  # the status engine's record


def test_choosing_a_program_fills_in_its_courses_by_grade(client, people, program):
    client.force_login(people.student)
    client.post(MINE, plan_form(program, course_1=None, course_2=None, course_3=None))
    courses = NextStepPlan.objects.get().latest_version().content["courses"]
    assert [c["grade"] for c in courses] == [9, 10, 11]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"graduate_profile": "x" * 2001}, "at most 2000 characters"),
        ({"program": "999999"}, "Select a valid choice"),
        ({"career_goals": ["11-1011"]}, "Select a valid choice"),
        ({"grade": "13"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, people, program, changes, message):
    client.force_login(people.student)
    response = client.post(MINE, plan_form(program, **changes))
    assert response.status_code == 400
    assert message in response.text
    assert not PlanVersion.objects.exists()


def test_another_districts_program_cannot_be_chosen(client, people, program):
    from tests.factories.geography import alamogordo
    from tests.factories.students import program_with_sequence

    elsewhere = program_with_sequence(["A101", "A199"], district=alamogordo(), title="Elsewhere")
    client.force_login(people.student)
    response = client.post(MINE, plan_form(program, program=str(elsewhere.pk)))
    assert response.status_code == 400


def test_a_student_signs_and_the_counselor_signs(client, people, program, year):
    client.force_login(people.student)
    client.post(MINE, plan_form(program))
    plan = NextStepPlan.objects.get()
    sign = reverse("plans:sign", args=[plan.pk])
    client.post(sign, {"role": "student", "version": "1", "confirm": "on"})
    client.force_login(people.counselor)
    assert "Sign as the counselor" in client.get(reverse("plans:plan", args=[plan.pk])).text
    client.post(sign, {"role": "counselor", "version": "1", "confirm": "on"})
    roles = set(plan.latest_version().signatures.values_list("role", flat=True))
    assert roles == {"student", "counselor"}


def test_a_counselor_cannot_sign_as_the_student(client, people, year):
    plan = plan_with_version(people.student, school_year=year)
    client.force_login(people.counselor)
    response = client.post(
        reverse("plans:sign", args=[plan.pk]), {"role": "student", "version": "1", "confirm": "on"}
    )
    assert response.status_code == 403


def test_editing_a_signed_plan_says_it_needs_signing_again(client, people, program):
    client.force_login(people.student)
    client.post(MINE, plan_form(program))
    plan = NextStepPlan.objects.get()
    client.post(
        reverse("plans:sign", args=[plan.pk]), {"role": "student", "version": "1", "confirm": "on"}
    )
    response = client.post(MINE, plan_form(program, graduate_profile="Changed"), follow=True)
    assert "this version needs signing again" in response.text
    assert plan.latest_version().number == 2
    assert not plan.latest_version().signatures.exists()


def test_a_forged_plan_number_is_not_found(client, people):
    client.force_login(people.counselor)
    response = client.get(reverse("plans:plan", args=[987654]))
    assert response.status_code == 404


def test_another_schools_counselor_is_refused_with_the_reason(client, people, year):
    plan = plan_with_version(people.student, school_year=year)
    client.force_login(people.counselor_other_school)
    response = client.get(reverse("plans:plan", args=[plan.pk]))
    assert response.status_code == 403
    assert "outside your caseload" in response.text


def test_staff_have_no_plan_of_their_own(client, people):
    client.force_login(people.counselor)
    assert client.get(MINE).url == reverse("plans:caseload")


def test_the_pdf_language_must_be_english_or_spanish(client, people, year):
    plan = plan_with_version(people.student, school_year=year)
    client.force_login(people.student)
    assert client.get(reverse("plans:pdf", args=[plan.pk]) + "?lang=fr").status_code == 400


def test_a_new_plan_starts_in_the_grade_of_the_class_code_joined_with(client, people):
    from datetime import timedelta

    from django.utils import timezone

    from pathways.accounts.class_codes import create_class_code
    from pathways.accounts.models import ClassCodeJoin
    from tests.factories.accounts import StudentFactory
    from tests.factories.students import school

    code = create_class_code(
        people.counselor,
        school=school("001"),
        school_year=2027,
        grade=11,
        expires_on=timezone.localdate() + timedelta(days=5),
        max_uses=3,
    )
    joined = StudentFactory(school=school("001"))
    ClassCodeJoin.objects.create(class_code=code, account=joined)
    client.force_login(joined)
    assert 'value="11" selected' in client.get(MINE).text


def test_a_student_dismisses_a_reminder(client, people):
    from pathways.plans.models import PlanReminder

    reminder = PlanReminder.objects.create(
        student=people.student, sent_by=people.counselor, sent_by_name="Ms. Baca", message="Sign"
    )
    client.force_login(people.other_student)
    assert client.post(reverse("plans:dismiss", args=[reminder.pk])).status_code == 404
    client.force_login(people.student)
    client.post(reverse("plans:dismiss", args=[reminder.pk]))
    assert "Ms. Baca" not in client.get(reverse("accounts:dashboard")).text


def test_each_career_goal_says_whether_the_program_leads_to_it(client, people, program):
    from pathways.framework.models import SubClusterOccupation

    SubClusterOccupation.objects.create(subcluster=program.subcluster, soc_code="29-1141")
    client.force_login(people.student)
    client.post(MINE, plan_form(program))
    page = client.get(MINE).text
    goals = page[
        page.index('id="goals-caption"') : page.index("</table>", page.index("goals-caption"))
    ]
    assert "The program of study leads here" in goals and "<td>yes</td>" in goals
