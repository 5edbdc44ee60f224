"""Posting an opportunity: who publishes at once, who waits for review, and every kind of
bad input answered with 400 and the field it concerns."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pathways.opportunities.models import Opportunity
from tests.factories import (
    ClusterFactory,
    CounselorFactory,
    DistrictCoordinatorFactory,
    EmployerFactory,
    OpportunityFactory,
    StudentFactory,
    albuquerque,
)
from tests.factories.occupations import SocCodeFactory

pytestmark = pytest.mark.django_db


def day(offset: int) -> str:
    return (timezone.localdate() + timedelta(days=offset)).isoformat()


def posting_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "internship",
        "title": "Machinist internship",
        "organization": "Sandia Machine Works",
        "description": "Learn to run a lathe.",
        "language": "en",
        "district": albuquerque().pk,
        "start_date": day(30),
        "end_date": day(90),
        "application_deadline": day(20),
        "hours_per_week": "20",
        "paid": "on",
        "pay_amount": "15.50",
        "pay_unit": "hour",
        "minimum_age": "16",
        "apply_in_site": "on",
        "apply_url": "",
        "occupation_codes": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_district_staff_publish_at_once(client):
    client.force_login(CounselorFactory())
    response = client.post("/opportunities/new/", posting_data())
    posting = Opportunity.objects.get()
    assert response.status_code == 302 and posting.status == Opportunity.Status.PUBLISHED
    assert "Machinist internship" in client.get("/opportunities/").content.decode()


def test_an_employers_posting_waits_for_review_before_anyone_sees_it(client):
    client.force_login(EmployerFactory())
    client.post("/opportunities/new/", posting_data())
    posting = Opportunity.objects.get()
    assert posting.status == Opportunity.Status.PENDING
    client.logout()
    assert "Machinist internship" not in client.get("/opportunities/").content.decode()
    assert client.get(f"/opportunities/{posting.pk}/").status_code == 404


def test_a_coordinator_publishes_an_employers_posting_from_the_queue(client):
    posting = OpportunityFactory(posted_by=EmployerFactory(), status="pending")
    client.force_login(DistrictCoordinatorFactory(district=albuquerque()))
    assert posting.title in client.get("/opportunities/review/").content.decode()
    client.post(f"/opportunities/{posting.pk}/review/", {"decision": "approve"})
    posting.refresh_from_db()
    assert posting.status == Opportunity.Status.PUBLISHED
    client.logout()
    assert posting.title in client.get("/opportunities/").content.decode()


def test_a_posting_not_published_shows_the_poster_the_reason(client):
    employer = EmployerFactory()
    posting = OpportunityFactory(posted_by=employer, status="pending")
    client.force_login(DistrictCoordinatorFactory(district=albuquerque()))
    client.post(
        f"/opportunities/{posting.pk}/review/",
        {"decision": "refuse", "comment": "Give the minimum age, please."},
    )
    client.force_login(employer)
    page = client.get(f"/opportunities/{posting.pk}/").content.decode()
    assert "Not published" in page and "Give the minimum age, please." in page
    assert client.get("/opportunities/review/").status_code == 403


@pytest.mark.parametrize(
    "who", [StudentFactory, lambda: EmployerFactory(status="pending"), lambda: None]
)
def test_who_may_not_post(client, who):
    user = who()
    if user is not None:
        client.force_login(user)
    response = client.post("/opportunities/new/", posting_data())
    assert response.status_code in (302, 403)  # anonymous: to the sign-in page
    assert not Opportunity.objects.exists()


def test_an_unapproved_employer_cannot_sign_in_to_post(client):
    client.force_login(EmployerFactory(status="pending"))  # inactive: the session is refused
    assert client.get("/opportunities/new/").status_code == 302


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start_date": "2026-02-30"}, "start_date"),
        ({"start_date": "next tuesday"}, "start_date"),
        ({"end_date": day(10), "start_date": day(30), "application_deadline": day(5)}, "end_date"),
        ({"application_deadline": day(-1)}, "application_deadline"),
        ({"application_deadline": day(120)}, "application_deadline"),
        ({"start_date": day(900), "end_date": day(950)}, "start_date"),
        ({"apply_in_site": None, "apply_url": "http://sandia-machine.example/jobs"}, "apply_url"),
        ({"apply_url": "javascript:alert(1)"}, "apply_url"),
        ({"apply_in_site": None, "apply_url": ""}, "apply_url"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 5001}, "description"),
        ({"hours_per_week": "80"}, "hours_per_week"),
        ({"minimum_age": "5"}, "minimum_age"),
        ({"paid": None}, "pay_amount"),
        ({"pay_amount": "-3"}, "pay_amount"),
        ({"pay_unit": ""}, "pay_unit"),
        ({"kind": "volunteering"}, "kind"),
        ({"occupation_codes": "nurse"}, "occupation_codes"),
        ({"occupation_codes": "29-9999"}, "occupation_codes"),
        ({"occupation_codes": ",".join(f"99-000{n}" for n in range(6))}, "occupation_codes"),
        ({"cluster": "agriculture-legacy"}, "cluster"),
    ],
)
def test_bad_input_answers_400_and_names_the_field(client, changes, field):
    client.force_login(CounselorFactory())
    response = client.post("/opportunities/new/", posting_data(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Opportunity.objects.exists()


def test_a_posting_names_its_cluster_and_occupations(client):
    cluster = ClusterFactory(name="Health Science")
    SocCodeFactory(code="29-1141", title="Registered Nurses")
    client.force_login(CounselorFactory())
    client.post(
        "/opportunities/new/",
        posting_data(cluster=cluster.pk, occupation_codes="29-1141, 29-1141"),
    )
    posting = Opportunity.objects.get()
    page = client.get(f"/opportunities/{posting.pk}/").content.decode()
    assert "Health Science" in page and "29-1141 Registered Nurses" in page
    assert posting.occupations.count() == 1


def test_an_https_link_to_apply_is_shown(client):
    client.force_login(CounselorFactory())
    client.post(
        "/opportunities/new/",
        posting_data(apply_in_site=None, apply_url="https://sandia-machine.example/jobs"),
    )
    posting = Opportunity.objects.get()
    page = client.get(f"/opportunities/{posting.pk}/").content.decode()
    assert 'href="https://sandia-machine.example/jobs"' in page
    assert "Send my application" not in page


def test_the_poster_closes_a_posting(client):
    employer = EmployerFactory()
    posting = OpportunityFactory(posted_by=employer)
    client.force_login(EmployerFactory())
    assert client.post(f"/opportunities/{posting.pk}/close/").status_code == 403
    client.force_login(employer)
    client.post(f"/opportunities/{posting.pk}/close/")
    posting.refresh_from_db()
    assert posting.status == Opportunity.Status.CLOSED
    client.logout()
    assert client.get(f"/opportunities/{posting.pk}/").status_code == 404
