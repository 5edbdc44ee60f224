"""Who sees and does what with postings and applications: person × action, as tables.

District A is Albuquerque (where the posting and the applicant are), B Alamogordo.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from pathways.opportunities.models import Application, Opportunity
from tests.factories import (
    ApplicationFactory,
    CounselorFactory,
    DistrictCoordinatorFactory,
    EmployerFactory,
    OpportunityFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
    albuquerque,
)

pytestmark = pytest.mark.django_db

PEOPLE: dict[str, Callable[[], Any]] = {
    "anonymous": AnonymousUser,
    "student": lambda: StudentFactory(district=albuquerque()),
    "other student": lambda: StudentFactory(district=albuquerque()),
    "poster employer": lambda: EmployerFactory(district=albuquerque()),
    "other employer": lambda: EmployerFactory(district=albuquerque()),
    "pending employer": lambda: EmployerFactory(status="pending"),
    "counselor A": lambda: CounselorFactory(district=albuquerque()),
    "coordinator A": lambda: DistrictCoordinatorFactory(district=albuquerque()),
    "coordinator B": lambda: DistrictCoordinatorFactory(district=alamogordo()),
    "state admin": StateAdminFactory,
}


@pytest.fixture
def world() -> dict[str, Any]:
    """Every person, one employer's posting waiting for review, one open posting by that
    employer, and the student's application to it."""
    people = {name: make() for name, make in PEOPLE.items()}
    poster = people["poster employer"]
    pending = OpportunityFactory(posted_by=poster, status=Opportunity.Status.PENDING)
    published = OpportunityFactory(posted_by=poster)
    application = ApplicationFactory(student=people["student"], opportunity=published)
    return {"people": people, "pending": pending, "published": published, "app": application}


# Which of the two postings each person sees (P pending, O open), may review, may close,
# and whether they may read the application: "x" yes.
# fmt: off
TABLE = [
    # person              view   review close  application post
    ("anonymous",         "O",   "",    "",    "",         ""),
    ("student",           "O",   "",    "",    "x",        ""),
    ("other student",     "O",   "",    "",    "",         ""),
    ("poster employer",   "PO",  "",    "PO",  "x",        "x"),
    ("other employer",    "O",   "",    "",    "",         "x"),
    ("pending employer",  "O",   "",    "",    "",         ""),
    ("counselor A",       "PO",  "",    "PO",  "x",        "x"),
    ("coordinator A",     "PO",  "P",   "PO",  "x",        "x"),
    ("coordinator B",     "O",   "",    "",    "",         "x"),
    ("state admin",       "PO",  "P",   "PO",  "x",        "x"),
]
# fmt: on
POLICY = {
    person: dict(zip(["view", "review", "close", "app", "post"], row, strict=True))
    for person, *row in TABLE
}  # fmt: skip


def _codes(user: Any, perm: str, world: dict[str, Any]) -> str:
    return "".join(
        code
        for code, posting in (("P", world["pending"]), ("O", world["published"]))
        if user.has_perm(perm, posting)
    )


@pytest.mark.parametrize("person", PEOPLE)
def test_who_sees_reviews_and_closes_each_posting(person, world):
    user = world["people"][person]
    assert _codes(user, "opportunities.view_opportunity", world) == POLICY[person]["view"]
    assert _codes(user, "opportunities.moderate_opportunity", world) == POLICY[person]["review"]
    assert _codes(user, "opportunities.close_opportunity", world) == POLICY[person]["close"]
    assert user.has_perm("opportunities.add_opportunity") is (POLICY[person]["post"] == "x")


@pytest.mark.parametrize("person", PEOPLE)
def test_lists_agree_with_the_detail_page(person, world):
    user = world["people"][person]
    listed = set(Opportunity.objects.visible_to(user).values_list("pk", flat=True))
    expected = {
        posting.pk
        for code, posting in (("P", world["pending"]), ("O", world["published"]))
        if code in POLICY[person]["view"]
    }
    assert listed == expected


@pytest.mark.parametrize("person", PEOPLE)
def test_who_reads_the_application(person, world):
    user = world["people"][person]
    allowed = POLICY[person]["app"] == "x"
    assert user.has_perm("opportunities.view_application", world["app"]) is allowed
    assert Application.objects.visible_to(user).filter(pk=world["app"].pk).exists() is allowed


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("anonymous", 302),  # to the sign-in page
        ("other student", 403),
        ("other employer", 403),
        ("coordinator B", 403),
        ("student", 403),  # a student reads only their own, on "My opportunities"
        ("poster employer", 200),
        ("coordinator A", 200),
    ],
)
def test_the_applications_page_of_a_posting(client, world, person, status):
    user = world["people"][person]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(f"/opportunities/{world['published'].pk}/applications/")
    assert response.status_code == status
    if status == 200:
        assert world["app"].message in response.content.decode()


def test_another_employer_sees_none_of_the_applications(client, world):
    client.force_login(world["people"]["other employer"])
    page = client.get("/opportunities/applications/").content.decode()
    assert world["app"].message not in page
    assert world["people"]["student"].email not in page


def test_a_student_never_sees_another_students_application(client, world):
    client.force_login(world["people"]["other student"])
    for url in ("/opportunities/mine/", f"/opportunities/{world['published'].pk}/"):
        page = client.get(url).content.decode()
        assert world["app"].message not in page
        assert world["people"]["student"].email not in page


def test_a_waiting_posting_is_not_found_by_the_public(client, world):
    assert client.get(f"/opportunities/{world['pending'].pk}/").status_code == 404
    assert world["pending"].title not in client.get("/opportunities/").content.decode()


def test_a_deactivated_employers_postings_leave_the_public_list(client, world):
    poster = world["people"]["poster employer"]
    poster.is_active = False
    poster.save()
    assert world["published"].title not in client.get("/opportunities/").content.decode()


def test_staff_of_the_students_district_and_of_the_postings_district_both_see_it():
    """An Albuquerque student applies to a posting in Alamogordo: the coordinators of both
    districts see the application, a third district's do not."""
    from tests.factories import district

    application = ApplicationFactory(
        student=StudentFactory(district=albuquerque()),
        opportunity=OpportunityFactory(district=alamogordo()),
    )
    for coordinator in (
        DistrictCoordinatorFactory(district=albuquerque()),
        DistrictCoordinatorFactory(district=alamogordo()),
    ):
        assert Application.objects.visible_to(coordinator).filter(pk=application.pk).exists()
    outsider = DistrictCoordinatorFactory(district=district("3500090"))  # Animas
    assert not Application.objects.visible_to(outsider).exists()


def test_the_public_list_makes_few_queries(client, django_assert_max_num_queries):
    for _ in range(12):
        OpportunityFactory()
    client.get("/opportunities/")  # warm the state profile and caches
    with django_assert_max_num_queries(8):
        assert client.get("/opportunities/").status_code == 200
