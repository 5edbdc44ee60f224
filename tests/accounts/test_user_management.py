"""Accounts managed in the site (issue #13): who may invite, change and deactivate whom,
the invitation e-mail through to the first sign-in, where each role lands, and linking
student accounts to state student IDs."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from pathways.accounts.models import Role, User
from tests.factories import (
    PASSWORD,
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
)
from tests.factories.students import enrol

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("districts", "axes_reset")]

MANAGERS = {
    "state_admin": StateAdminFactory,
    "district_coordinator": DistrictCoordinatorFactory,
    "counselor": CounselorFactory,
    "student": StudentFactory,
}


def signed_in(client: Client, role: str) -> User:
    user = MANAGERS[role]()
    client.force_login(user)
    return user


# --- Role × action ------------------------------------------------------------------------

# (manager role, target role, target in the manager's district?) -> may change it
CHANGE_TABLE = [
    ("state_admin", "district_coordinator", True, 200),
    ("state_admin", "state_admin", False, 200),
    ("state_admin", "student", False, 200),
    ("district_coordinator", "counselor", True, 200),
    ("district_coordinator", "student", True, 200),
    ("district_coordinator", "counselor", False, 403),  # another district's
    ("district_coordinator", "district_coordinator", True, 403),
    ("district_coordinator", "state_admin", False, 403),
    ("counselor", "student", True, 403),
    ("student", "student", True, 403),
]


def target(role: str, same_district: bool) -> User:
    if role == "state_admin":
        return StateAdminFactory()
    return MANAGERS[role](**({} if same_district else {"district": alamogordo()}))


@pytest.mark.parametrize(("manager", "role", "same_district", "status"), CHANGE_TABLE)
def test_who_may_open_and_change_an_account(client, manager, role, same_district, status):  # type: ignore[no-untyped-def]
    signed_in(client, manager)
    account = target(role, same_district)
    url = reverse("accounts:user_edit", args=[account.pk])

    assert client.get(url).status_code == status
    data = {"email": "new@example.org", "first_name": "Rosa", "last_name": "Baca", "role": role}
    if manager == "state_admin" and role != "state_admin":
        data["district"] = account.district_id
    response = client.post(url, data)

    account.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert account.email == "new@example.org"
        assert not account.is_active  # the box was not ticked: deactivated, not deleted
    else:
        assert response.status_code == 403
        assert account.email != "new@example.org" and account.is_active


@pytest.mark.parametrize(
    ("manager", "status"),
    [("state_admin", 200), ("district_coordinator", 200), ("counselor", 403), ("student", 403)],
)
def test_who_may_list_and_invite(client, manager, status):  # type: ignore[no-untyped-def]
    signed_in(client, manager)
    assert client.get(reverse("accounts:users")).status_code == status
    assert client.get(reverse("accounts:user_invite")).status_code == status


def test_a_coordinator_lists_only_their_districts_counselors_and_students(client):  # type: ignore[no-untyped-def]
    signed_in(client, "district_coordinator")
    mine = CounselorFactory(last_name="Mine")
    StudentFactory(last_name="MyStudent")
    CounselorFactory(last_name="Elsewhere", district=alamogordo())
    DistrictCoordinatorFactory(last_name="Colleague")

    html = client.get(reverse("accounts:users")).content.decode()

    assert "Mine" in html and "MyStudent" in html
    assert "Elsewhere" not in html and "Colleague" not in html
    assert reverse("accounts:user_edit", args=[mine.pk]) in html


def test_a_coordinator_cannot_invite_a_coordinator_or_pick_a_district(client):  # type: ignore[no-untyped-def]
    coordinator = signed_in(client, "district_coordinator")
    data = {"email": "x@example.org", "role": "district_coordinator", "district": "3500030"}

    response = client.post(reverse("accounts:user_invite"), data)

    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()
    client.post(reverse("accounts:user_invite"), {**data, "role": "counselor"})
    assert User.objects.get(email="x@example.org").district_id == coordinator.district_id


def test_a_duplicate_email_is_refused_with_a_message(client):  # type: ignore[no-untyped-def]
    signed_in(client, "state_admin")
    CounselorFactory(email="taken@example.org")
    data = {"email": "Taken@example.org", "role": "counselor", "district": "3500060"}

    response = client.post(reverse("accounts:user_invite"), data)

    assert response.status_code == 400
    assert "Another account already uses this e-mail address." in response.content.decode()
    assert len(mail.outbox) == 0


def test_a_forged_account_id_answers_404(client):  # type: ignore[no-untyped-def]
    signed_in(client, "state_admin")
    assert client.get(reverse("accounts:user_edit", args=[999999])).status_code == 404


def test_nobody_manages_their_own_account_here(client):  # type: ignore[no-untyped-def]
    admin = signed_in(client, "state_admin")
    response = client.get(reverse("accounts:user_edit", args=[admin.pk]))
    assert response.status_code == 403
    assert "You may not manage this account." in response.content.decode()


def test_the_history_says_who_changed_what(client):  # type: ignore[no-untyped-def]
    coordinator = signed_in(client, "district_coordinator")
    counselor = CounselorFactory()
    url = reverse("accounts:user_edit", args=[counselor.pk])
    client.post(
        url,
        {"email": counselor.email, "first_name": "Ana", "last_name": "L", "role": "student"},
    )

    record = counselor.history.first()  # type: ignore[attr-defined]
    assert record.history_user == coordinator
    assert record.role == Role.STUDENT and not record.is_active
    html = client.get(url).content.decode()
    assert coordinator.get_full_name() in html
    assert "role" in html and "active" in html


# --- The invitation, end to end -------------------------------------------------------------


def test_an_invited_counselor_chooses_a_password_signs_in_and_lands_on_their_dashboard():
    admin_client, newcomer = Client(), Client()
    signed_in(admin_client, "state_admin")
    data = {
        "email": "lucia@example.org",
        "first_name": "Lucía",
        "last_name": "Montoya",
        "role": "counselor",
        "district": "3500060",
    }
    assert admin_client.post(reverse("accounts:user_invite"), data).status_code == 302
    account = User.objects.get(email="lucia@example.org")
    assert not account.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lucia@example.org"]
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)  # type: ignore[union-attr]
    assert "lucia@example.org" in mail.outbox[0].body  # the username

    form = newcomer.get(link, follow=True)
    assert "Choose your password" in form.content.decode()
    chosen = newcomer.post(
        form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert chosen.status_code == 302
    assert newcomer.get(link, follow=True).context["validlink"] is False  # works once

    newcomer.post(reverse("accounts:logout"))
    signed = newcomer.post(
        reverse("accounts:login"), {"username": "lucia@example.org", "password": PASSWORD}
    )
    assert signed["Location"] == reverse("accounts:dashboard")
    assert "Counselor or teacher" in newcomer.get(signed["Location"]).content.decode()


def test_a_deactivated_accounts_invitation_no_longer_works(client):  # type: ignore[no-untyped-def]
    admin = Client()
    signed_in(admin, "state_admin")
    admin.post(
        reverse("accounts:user_invite"),
        {"email": "gone@example.org", "role": "student", "district": "3500060"},
    )
    User.objects.filter(email="gone@example.org").update(is_active=False)
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)  # type: ignore[union-attr]

    assert client.get(link, follow=True).context["validlink"] is False


def test_the_invitation_is_in_spanish_when_sent_from_the_spanish_page(client):  # type: ignore[no-untyped-def]
    signed_in(client, "state_admin")
    client.post(
        "/es/accounts/users/invite/",
        {"email": "es@example.org", "role": "student", "district": "3500060"},
    )
    assert "contraseña" in mail.outbox[0].body


# --- Where signing in lands -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "heading", "link"),
    [
        ("state_admin", "State administration", "/accounts/users/"),
        ("district_coordinator", "District coordinator", "/accounts/users/"),
        ("counselor", "Counselor or teacher", "/students/accounts/"),
        ("student", "My pathway", "/students/me/"),
    ],
)
def test_signing_in_lands_each_role_on_its_own_dashboard(client, role, heading, link):  # type: ignore[no-untyped-def]
    user = MANAGERS[role](password=PASSWORD)
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert response["Location"] == "/accounts/home/"
    html = client.get(response["Location"]).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'href="{link}"' in html


# --- Linking student accounts -------------------------------------------------------------


def link(client: Client, account: User, student_id: str):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("students:link_account", args=[account.pk]), {"student_id": student_id}
    )


def test_a_counselor_links_a_student_account_to_a_student_of_their_district(client):  # type: ignore[no-untyped-def]
    signed_in(client, "counselor")
    enrol("NM100", 2025)
    student = StudentFactory()

    assert link(client, student, "NM100").status_code == 302
    student.refresh_from_db()
    assert student.student_id == "NM100"


@pytest.mark.parametrize(
    ("case", "status", "message"),
    [
        ("unknown id", 400, "No student with this ID has records in your district"),
        ("other district's student", 400, "No student with this ID has records in your district"),
        ("already linked", 400, "Another account is already linked to this student ID."),
        ("other district's account", 403, ""),
        ("staff account", 403, ""),
    ],
)
def test_linking_refuses_with_a_reason(client, case, status, message):  # type: ignore[no-untyped-def]
    signed_in(client, "counselor")
    enrol("NM100", 2025)
    enrol("NM200", 2025, district=alamogordo())
    student = StudentFactory()
    student_id = {"unknown id": "NM999", "other district's student": "NM200"}.get(case, "NM100")
    if case == "already linked":
        StudentFactory(student_id="NM100")
    if case == "other district's account":
        student = StudentFactory(district=alamogordo())
    if case == "staff account":
        student = CounselorFactory()

    response = link(client, student, student_id)

    assert response.status_code == status
    assert message in response.content.decode()
    student.refresh_from_db()
    assert student.student_id == ""


def test_students_cannot_link_accounts(client):  # type: ignore[no-untyped-def]
    student = signed_in(client, "student")
    enrol("NM100", 2025)
    assert client.get(reverse("students:link_accounts")).status_code == 403
    assert link(client, student, "NM100").status_code == 403


def test_the_state_finds_an_account_by_name_and_pages_through_many(client):  # type: ignore[no-untyped-def]
    signed_in(client, "state_admin")
    StudentFactory.create_batch(105, last_name="Manyfold")
    CounselorFactory(last_name="Zamora-Findme")

    found = client.get(reverse("accounts:users"), {"q": "findme"}).content.decode()
    first = client.get(reverse("accounts:users"), {"role": "student"}).content.decode()
    second = client.get(reverse("accounts:users"), {"role": "student", "page": 2}).content.decode()

    assert "Zamora-Findme" in found and "Manyfold" not in found
    assert first.count("Manyfold") == 100 and "Page 1 of 2" in first
    assert second.count("Manyfold") == 5


def test_changing_an_invited_accounts_email_changes_its_username(client):  # type: ignore[no-untyped-def]
    signed_in(client, "state_admin")
    client.post(
        reverse("accounts:user_invite"),
        {"email": "old@example.org", "role": "student", "district": "3500060"},
    )
    account = User.objects.get(email="old@example.org")

    client.post(
        reverse("accounts:user_edit", args=[account.pk]),
        {"email": "new@example.org", "role": "student", "district": "3500060", "is_active": "on"},
    )

    account.refresh_from_db()
    assert (account.username, account.email, account.is_active) == (
        "new@example.org",
        "new@example.org",
        True,
    )
