"""Who may see and do what with a placement (accounts/rules.py): the student, their teacher,
a counselor of the same school, the district's coordinators and the state; no one else."""

import re

import pytest
from django.urls import reverse

from pathways.core.school_years import current_school_year
from pathways.placements.models import Placement
from tests.factories import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
)
from tests.factories.placements import HoursEntryFactory, PlacementFactory
from tests.factories.students import school

pytestmark = pytest.mark.django_db


@pytest.fixture
def placement() -> Placement:
    found = PlacementFactory()
    HoursEntryFactory(placement=found, status="supervisor_approved")
    return found


def people(placement: Placement) -> dict:  # type: ignore[type-arg]
    same_school = placement.school
    return {
        "student": placement.student,
        "teacher": placement.teacher,
        "counselor of the school": CounselorFactory(school=same_school),
        "counselor of another school": CounselorFactory(school=school("002")),
        "counselor of the district, no school": CounselorFactory(school=None),
        "coordinator": DistrictCoordinatorFactory(),
        "coordinator elsewhere": DistrictCoordinatorFactory(district=alamogordo()),
        "another student": StudentFactory(school=same_school),
        "state": StateAdminFactory(),
    }


# who: (view, log hours, verify)
MATRIX = {
    "student": (True, True, False),
    "teacher": (True, False, True),
    "counselor of the school": (True, False, False),
    "counselor of another school": (False, False, False),
    "counselor of the district, no school": (False, False, False),
    "coordinator": (True, False, False),
    "coordinator elsewhere": (False, False, False),
    "another student": (False, False, False),
    "state": (True, False, False),
}


@pytest.mark.parametrize("who", MATRIX)
def test_the_rules_decide_by_role_school_and_district(placement, who):
    user = people(placement)[who]
    view, log, verify = MATRIX[who]
    assert user.has_perm("placements.view_placement", placement) is view
    assert user.has_perm("placements.change_placement", placement) is log
    assert user.has_perm("placements.verify_placement", placement) is verify
    # Lists never show what the rule refuses.
    assert Placement.objects.visible_to(user).filter(pk=placement.pk).exists() is view


@pytest.mark.parametrize("who", MATRIX)
def test_the_pages_answer_as_the_rules_say(client, placement, who):
    user = people(placement)[who]
    view, log, verify = MATRIX[who]
    client.force_login(user)
    page = client.get(reverse("placements:placement", args=[placement.pk]))
    assert page.status_code == (200 if view else 404)
    verifying = client.get(reverse("placements:verify", args=[placement.pk]))
    assert verifying.status_code == (200 if verify else 403 if view else 404)
    logging = client.post(
        reverse("placements:placement", args=[placement.pk]),
        {"date": "2024-10-01", "hours": "2", "activity": "Charts"},
    )
    assert logging.status_code == (302 if log else 403 if view else 404)


def test_a_visitor_is_sent_to_sign_in(client, placement):
    response = client.get(reverse("placements:placement", args=[placement.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_only_students_keep_a_log_and_only_staff_see_the_staff_list(client):
    client.force_login(CounselorFactory())
    assert client.get(reverse("placements:home")).status_code == 403
    assert client.get(reverse("placements:staff")).status_code == 200
    client.force_login(StudentFactory())
    assert client.get(reverse("placements:home")).status_code == 200
    assert client.get(reverse("placements:staff")).status_code == 403


def test_the_staff_list_shows_only_the_placements_the_user_may_see(client, placement):
    other = PlacementFactory(organization="Elsewhere Clinic", student__school=school("002"))
    client.force_login(placement.teacher)
    text = client.get(reverse("placements:staff")).content.decode()
    assert placement.organization in text and "Elsewhere Clinic" not in text
    assert reverse("placements:verify", args=[placement.pk]) in text
    assert other.pk != placement.pk


def test_a_student_may_name_only_a_teacher_of_their_own_school(client):
    student = StudentFactory(school=school("001"))
    own = CounselorFactory(school=school("001"))
    elsewhere = CounselorFactory(school=school("002"))
    client.force_login(student)
    data = {
        "kind": "internship",
        "organization": "Kirtland AFB",
        "supervisor_name": "Sam Lee",
        "supervisor_email": "sam@example.org",
        "start_date": "2025-08-15",
        "end_date": "2025-12-15",
        "school_year": str(current_school_year()),
    }
    refused = client.post(reverse("placements:new"), {**data, "teacher": elsewhere.pk})
    assert refused.status_code == 400
    accepted = client.post(reverse("placements:new"), {**data, "teacher": own.pk})
    assert accepted.status_code == 302
    saved = Placement.objects.get(student=student)
    assert (saved.teacher, saved.school, saved.district) == (own, student.school, student.district)


def test_the_staff_list_reads_many_placements_in_a_few_queries(
    client, placement, django_assert_max_num_queries
):
    for _n in range(5):
        PlacementFactory(student__school=placement.school, teacher=placement.teacher)
    client.force_login(placement.teacher)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("placements:staff"))
    assert len(re.findall(r'href="/work-based-learning/\d+/"', response.content.decode())) == 6


def test_the_students_list_reads_its_hours_in_a_few_queries(
    client, placement, django_assert_max_num_queries
):
    for _n in range(4):
        HoursEntryFactory(placement=PlacementFactory(student=placement.student))
    client.force_login(placement.student)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("placements:home"))
    assert len(re.findall(r'href="/work-based-learning/\d+/"', response.content.decode())) == 5
