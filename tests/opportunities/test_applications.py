"""Students save postings and apply in the site, once each, with a short message."""

import pytest

from pathways.opportunities.models import Application, SavedOpportunity
from tests.factories import (
    ApplicationFactory,
    EmployerFactory,
    OpportunityFactory,
    StudentFactory,
)

pytestmark = pytest.mark.django_db
MESSAGE = "I am taking welding and free on weekday afternoons."


def test_a_student_applies_and_the_poster_reads_it(client):
    employer = EmployerFactory()
    posting = OpportunityFactory(posted_by=employer)
    student = StudentFactory(first_name="Lucia", last_name="Chavez")
    client.force_login(student)
    response = client.post(f"/opportunities/{posting.pk}/apply/", {"message": MESSAGE})
    assert response.status_code == 302
    assert "You have applied to this posting." in client.get(response.url).content.decode()
    client.force_login(employer)
    page = client.get("/opportunities/applications/").content.decode()
    assert MESSAGE in page and "Lucia Chavez" in page and student.email in page


def test_a_second_application_to_the_same_posting_is_refused(client):
    application = ApplicationFactory()
    client.force_login(application.student)
    response = client.post(
        f"/opportunities/{application.opportunity.pk}/apply/", {"message": MESSAGE}
    )
    assert response.status_code == 409
    assert Application.objects.count() == 1


@pytest.mark.parametrize(
    ("message", "status"), [("", 400), ("Hi", 400), ("x" * 1001, 400), ("x" * 1000, 302)]
)
def test_the_message_is_bounded(client, message, status):
    posting = OpportunityFactory()
    client.force_login(StudentFactory())
    response = client.post(f"/opportunities/{posting.pk}/apply/", {"message": message})
    assert response.status_code == status
    assert Application.objects.exists() is (status == 302)


def test_a_posting_that_takes_applications_elsewhere_refuses_them_here(client):
    posting = OpportunityFactory(apply_in_site=False, apply_url="https://example.org/apply")
    client.force_login(StudentFactory())
    response = client.post(f"/opportunities/{posting.pk}/apply/", {"message": MESSAGE})
    assert response.status_code == 403


@pytest.mark.parametrize("who", [EmployerFactory, lambda: None])
def test_only_students_apply(client, who):
    posting = OpportunityFactory()
    user = who()
    if user is not None:
        client.force_login(user)
    response = client.post(f"/opportunities/{posting.pk}/apply/", {"message": MESSAGE})
    assert response.status_code in (302, 403)
    assert not Application.objects.exists()


def test_a_student_saves_and_unsaves_a_posting(client):
    posting = OpportunityFactory(title="Bakery internship")
    student = StudentFactory()
    client.force_login(student)
    client.post(f"/opportunities/{posting.pk}/save/")
    assert "Bakery internship" in client.get("/opportunities/mine/").content.decode()
    client.post(f"/opportunities/{posting.pk}/save/")
    assert not SavedOpportunity.objects.filter(student=student).exists()


def test_saving_is_for_students(client):
    posting = OpportunityFactory()
    client.force_login(EmployerFactory())
    assert client.post(f"/opportunities/{posting.pk}/save/").status_code == 403
    assert client.get("/opportunities/mine/").status_code == 403
