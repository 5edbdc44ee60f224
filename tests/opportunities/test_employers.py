"""An employer asks for an account, district or state staff approve it, and only then may
it sign in and post (and its postings still wait for review)."""

import pytest
from django.core import mail

from pathways.accounts.models import Role, User
from pathways.opportunities.models import EmployerProfile
from tests.factories import (
    PASSWORD,
    DistrictCoordinatorFactory,
    EmployerFactory,
    StateAdminFactory,
    alamogordo,
    albuquerque,
)

pytestmark = pytest.mark.django_db


def signup_data(**changes: str) -> dict[str, str]:
    data = {
        "organization": "Sandia Machine Works",
        "first_name": "Rosa",
        "last_name": "Baca",
        "email": "Rosa@Sandia-Machine.example",
        "phone": "505-555-0100",
        "website": "https://sandia-machine.example",
        "district": albuquerque().pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def test_signing_up_makes_an_account_that_cannot_sign_in_yet(client):
    response = client.post("/opportunities/employers/signup/", signup_data())
    assert response.status_code == 302
    account = User.objects.get(username="rosa@sandia-machine.example")
    assert account.role == Role.EMPLOYER and not account.is_active
    assert account.employer_profile.status == EmployerProfile.Status.PENDING
    signed_in = client.post(
        "/accounts/login/", {"username": account.username, "password": PASSWORD}
    )
    assert signed_in.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"website": "http://sandia-machine.example"}, "website"),
        ({"organization": "x" * 201}, "organization"),
        ({"password2": "something-else-2024"}, "password2"),
        ({"district": "3599999"}, "district"),
        ({"email": "not an address"}, "email"),
    ],
)
def test_bad_sign_up_answers_400_and_names_the_field(client, changes, field):
    response = client.post("/opportunities/employers/signup/", signup_data(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not User.objects.filter(role=Role.EMPLOYER).exists()


def test_the_same_address_cannot_sign_up_twice(client):
    client.post("/opportunities/employers/signup/", signup_data())
    again = client.post("/opportunities/employers/signup/", signup_data())
    assert again.status_code == 400
    assert User.objects.filter(role=Role.EMPLOYER).count() == 1


def test_the_chosen_districts_coordinator_sees_the_request_and_another_does_not(client):
    waiting = EmployerFactory(status="pending", district=albuquerque())
    organization = waiting.employer_profile.organization
    client.force_login(DistrictCoordinatorFactory(district=albuquerque()))
    assert organization in client.get("/opportunities/employers/review/").content.decode()
    client.force_login(DistrictCoordinatorFactory(district=alamogordo()))
    assert organization not in client.get("/opportunities/employers/review/").content.decode()
    refused = client.post(f"/opportunities/employers/{waiting.pk}/decide/", {"decision": "approve"})
    assert refused.status_code == 403


def test_approving_activates_the_account_and_tells_the_employer(
    client, django_capture_on_commit_callbacks
):
    waiting = EmployerFactory(status="pending", district=alamogordo(), password=PASSWORD)
    client.force_login(StateAdminFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/opportunities/employers/{waiting.pk}/decide/", {"decision": "approve"}
        )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.is_active and waiting.employer_profile.status == "approved"
    assert mail.outbox and "approved" in mail.outbox[0].body
    assert waiting.has_perm("opportunities.add_opportunity")


def test_refusing_keeps_the_account_closed_and_says_why(client, django_capture_on_commit_callbacks):
    waiting = EmployerFactory(status="pending")
    client.force_login(DistrictCoordinatorFactory(district=albuquerque()))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/opportunities/employers/{waiting.pk}/decide/",
            {"decision": "refuse", "comment": "We could not reach you by phone."},
        )
    waiting.refresh_from_db()
    assert not waiting.is_active and waiting.employer_profile.status == "refused"
    assert "could not reach you" in mail.outbox[0].body


def test_a_decided_account_cannot_be_decided_again(client):
    approved = EmployerFactory()
    client.force_login(StateAdminFactory())
    response = client.post(
        f"/opportunities/employers/{approved.pk}/decide/", {"decision": "refuse"}
    )
    assert response.status_code == 403


def test_an_unknown_decision_answers_400(client):
    waiting = EmployerFactory(status="pending")
    client.force_login(StateAdminFactory())
    response = client.post(f"/opportunities/employers/{waiting.pk}/decide/", {"decision": "x"})
    assert response.status_code == 400


def test_an_employer_lands_on_its_own_dashboard(client):
    client.force_login(EmployerFactory())
    page = client.get("/accounts/home/").content.decode()
    assert "Post an opportunity" in page and "Applications sent to my postings" in page


def test_an_approved_employer_sees_no_student_pages(client):
    client.force_login(EmployerFactory())
    for url in ("/students/reports/", "/accounts/users/", "/students/accounts/"):
        assert client.get(url).status_code == 403, url


def test_an_employer_account_the_state_invited_may_post_without_a_sign_up():
    from tests.factories import UserFactory

    invited = UserFactory(role=Role.EMPLOYER, username="invited@example.org")
    assert invited.has_perm("opportunities.add_opportunity")
    assert not StateAdminFactory().has_perm("opportunities.approve_employer", invited)
