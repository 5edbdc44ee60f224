"""Signing in and out, the lock-out after repeated failures, password reset and change,
and "My account", in English and Spanish."""

import logging
import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.utils import translation

from tests.factories import (
    PASSWORD,
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("districts", "axes_reset")]

LOGIN = "/accounts/login/"
WRONG = "not-the-password-1"


def sign_in(client, username, password, path=LOGIN, address="203.0.113.7"):  # type: ignore[no-untyped-def]
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in_as(client) -> int | None:  # type: ignore[no-untyped-def]
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


def main_of(response) -> str:  # type: ignore[no-untyped-def]
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# Signing in and out


def test_sign_in_page_has_labelled_fields_and_a_reset_link(client):
    html = main_of(client.get(LOGIN))
    assert '<label for="id_username">Username</label>' in html
    assert '<label for="id_password">Password</label>' in html
    assert 'autocomplete="current-password"' in html
    assert 'href="/accounts/password/reset/"' in html


def test_sign_in_goes_to_the_dashboard_and_sign_out_ends_the_session(client):
    user = CounselorFactory(password=PASSWORD)
    response = sign_in(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/home/"
    assert signed_in_as(client) == user.pk

    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert signed_in_as(client) is None


def test_sign_in_follows_next(client):
    user = CounselorFactory(password=PASSWORD)
    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": "/accounts/profile/"}
    )
    assert response["Location"] == "/accounts/profile/"


def test_sign_in_page_carries_next_through_the_form(client):
    user = CounselorFactory(password=PASSWORD)
    html = main_of(client.get(LOGIN + "?next=/accounts/profile/"))
    assert '<input type="hidden" name="next" value="/accounts/profile/">' in html
    response = sign_in(client, user.username, PASSWORD, path=LOGIN + "?next=/accounts/profile/")
    assert response["Location"] == "/accounts/profile/"


def test_sign_in_ignores_a_next_on_another_site(client):
    user = CounselorFactory(password=PASSWORD)
    response = client.post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": "https://evil.test/"}
    )
    assert response["Location"] == "/accounts/home/"


def test_signed_in_visitor_is_sent_on_from_the_sign_in_page(client):
    client.force_login(CounselorFactory())
    assert client.get(LOGIN)["Location"] == "/accounts/home/"


def test_sign_out_is_post_only(client):
    client.force_login(CounselorFactory())
    assert client.get("/accounts/logout/").status_code == 405
    assert signed_in_as(client) is not None


def test_wrong_password_is_refused_with_a_message_tied_to_the_fields(client):
    user = CounselorFactory(password=PASSWORD)
    response = sign_in(client, user.username, WRONG)
    assert response.status_code == 200
    assert signed_in_as(client) is None
    html = main_of(response)
    assert 'id="form-errors" role="alert"' in html
    assert "Please enter a correct username and password" in html
    for field in ("username", "password"):
        tag = re.search(rf'<input [^>]*name="{field}"[^>]*>', html)
        assert tag is not None
        assert 'aria-describedby="form-errors"' in tag.group()
        assert 'aria-invalid="true"' in tag.group()
    assert "<title>Error: Sign in" in response.content.decode()


def test_unknown_username_gets_the_same_message(client):
    response = sign_in(client, "nobody-here", WRONG)
    assert "Please enter a correct username and password" in main_of(response)


def test_inactive_account_cannot_sign_in(client):
    user = CounselorFactory(password=PASSWORD, is_active=False)
    response = sign_in(client, user.username, PASSWORD)
    assert response.status_code == 200
    assert signed_in_as(client) is None


def test_field_errors_are_tied_to_their_fields(client):
    html = main_of(sign_in(client, "", ""))
    assert '<ul class="errorlist" id="id_username_error">' in html
    tag = re.search(r'<input [^>]*name="username"[^>]*>', html)
    assert tag is not None and "id_username_error" in tag.group()


# Lock-out: 5 failures for one username from one address lock it for 15 minutes


def test_five_failures_lock_the_username_from_that_address(client):
    user = CounselorFactory(password=PASSWORD)
    for _ in range(4):
        response = sign_in(client, user.username, WRONG)
        assert response.status_code == 200
        assert "Please enter a correct username and password" in main_of(response)

    fifth = sign_in(client, user.username, WRONG)
    assert fifth.status_code == 429
    assert (
        "This account is locked for 15 minutes after too many failed sign-in attempts"
        in main_of(fifth)
    )

    # The right password is now refused too, with the lock-out page.
    response = sign_in(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert signed_in_as(client) is None
    html = main_of(response)
    assert "Sign-in locked" in html
    assert "15 minutes" in html
    assert int(response["Retry-After"]) == 15 * 60
    assert user.username not in html


def test_the_lock_is_per_username_and_address(client):
    locked = CounselorFactory(password=PASSWORD)
    other = CounselorFactory(password=PASSWORD)
    for _ in range(5):
        sign_in(client, locked.username, WRONG)
    assert sign_in(client, locked.username, PASSWORD).status_code == 429

    assert sign_in(client, other.username, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    assert sign_in(client, locked.username, PASSWORD, address="198.51.100.20").status_code == 302


def test_lock_out_page_in_spanish_is_the_spanish_page(client):
    user = CounselorFactory(password=PASSWORD)
    for _ in range(5):
        response = sign_in(client, user.username, WRONG, path="/es/accounts/login/")
    assert response.status_code == 429
    assert '<html lang="es">' in response.content.decode()
    assert 'href="/es/accounts/password/reset/"' in main_of(response)


def test_a_success_before_the_limit_clears_the_count(client):
    user = CounselorFactory(password=PASSWORD)
    for _ in range(4):
        sign_in(client, user.username, WRONG)
    assert sign_in(client, user.username, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        assert sign_in(client, user.username, WRONG).status_code == 200
    assert sign_in(client, user.username, PASSWORD).status_code == 302


def test_nothing_identifying_is_logged_during_sign_in(client, caplog):
    caplog.set_level(logging.DEBUG)
    student = StudentFactory(
        username="stu-9482731", email="stu-9482731@school.example", password=PASSWORD
    )
    sign_in(client, student.username, WRONG)
    sign_in(client, student.username, PASSWORD)
    client.post("/accounts/logout/")
    for _ in range(5):
        sign_in(client, student.username, WRONG)
    sign_in(client, student.username, PASSWORD)
    assert caplog.records, "the sign-in flow is expected to log something"
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for secret in ("stu-9482731", PASSWORD, WRONG, "203.0.113.7"):
        assert secret not in logged


# Password reset


def reset_link(message) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r"https?://testserver(/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_sends_an_email_whose_link_sets_a_new_password(client):
    user = DistrictCoordinatorFactory(password=PASSWORD, email="coordinator@aps.example")
    response = client.post("/accounts/password/reset/", {"email": "coordinator@aps.example"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@aps.example"]
    assert message.subject == "Reset your password for New Mexico Career Pathways"
    assert f"Your username is {user.username}." in message.body
    assert "The link works once, for 3 days." in message.body
    link = reset_link(message)
    assert link.startswith("/accounts/password/reset/")

    # Django swaps the token for a session key and redirects to .../set-password/.
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in main_of(form_page)
    assert 'name="new_password1"' in main_of(form_page)
    set_password_url = form_page.redirect_chain[-1][0]
    new = "Sandia-Crest-10678!"
    response = client.post(set_password_url, {"new_password1": new, "new_password2": new})
    assert response["Location"] == "/accounts/password/reset/done/"
    assert "Your new password is set" in main_of(client.get(response["Location"]))

    user.refresh_from_db()
    assert user.check_password(new)
    assert sign_in(client, user.username, new).status_code == 302
    # The link works once.
    client.post("/accounts/logout/")
    assert "This link does not work" in main_of(client.get(link, follow=True))


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_password_reset_email_is_in_the_language_of_the_request(client):
    CounselorFactory(email="consejera@aps.example", password=PASSWORD)
    client.post("/es/accounts/password/reset/", {"email": "consejera@aps.example"})
    (message,) = mail.outbox
    assert reset_link(message).startswith("/es/accounts/password/reset/")
    with translation.override("es"):
        line = translation.gettext("To choose a new password, open this link:")
        subject = translation.gettext("Reset your password for New Mexico Career Pathways")
    assert line in message.body
    assert message.subject == subject


def test_a_new_password_ends_a_lock_out(client):
    user = CounselorFactory(password=PASSWORD)
    for _ in range(5):
        sign_in(client, user.username, WRONG)
    assert sign_in(client, user.username, PASSWORD).status_code == 429

    client.post("/accounts/password/reset/", {"email": user.email})
    form_page = client.get(reset_link(mail.outbox[0]), follow=True)
    new = "Sandia-Crest-10678!"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert sign_in(client, user.username, new).status_code == 302


def test_a_broken_reset_link_says_so(client):
    response = client.get("/accounts/password/reset/MQ/not-a-token/")
    assert "This link does not work" in main_of(response)
    assert 'href="/accounts/password/reset/"' in main_of(response)


# Password change and My account


def test_password_change(client):
    user = CounselorFactory(password=PASSWORD)
    client.force_login(user)
    new = "Organ-Mountains-4521!"
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response["Location"] == "/accounts/password/change/done/"
    user.refresh_from_db()
    assert user.check_password(new)
    assert signed_in_as(client) == user.pk  # the session survives the change


def test_password_change_with_a_wrong_old_password_is_refused(client):
    user = CounselorFactory(password=PASSWORD)
    client.force_login(user)
    new = "Organ-Mountains-4521!"
    response = client.post(
        "/accounts/password/change/",
        {"old_password": WRONG, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 200
    html = main_of(response)
    assert '<ul class="errorlist" id="id_old_password_error">' in html
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("path", ["/accounts/profile/", "/accounts/password/change/"])
def test_account_pages_need_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


def test_my_account_shows_name_role_and_district(client):
    user = DistrictCoordinatorFactory(first_name="Rosa", last_name="Baca", district=alamogordo())
    client.force_login(user)
    html = main_of(client.get("/accounts/profile/"))
    assert "Rosa Baca" in html
    assert "District CTE coordinator" in html
    assert "Alamogordo Public Schools" in html
    assert 'action="/accounts/logout/" method="post"' in html


def test_my_account_for_a_state_administrator_names_no_district(client):
    client.force_login(StateAdminFactory(first_name="Luis", last_name="Ortiz"))
    html = main_of(client.get("/accounts/profile/"))
    assert "State administrator" in html
    assert "state administrators work across all districts" in html


# Spanish


def test_spanish_sign_in_page(client):
    response = client.get("/es/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert 'action="/es/accounts/login/"' in html
    assert "Contraseña" in html  # Django's own Spanish catalogue labels the fields


def test_sign_in_from_a_spanish_page_stays_in_spanish(client):
    user = CounselorFactory(password=PASSWORD)
    response = sign_in(client, user.username, PASSWORD, path="/es/accounts/login/")
    assert response["Location"] == "/es/accounts/home/"
    response = client.post("/es/accounts/logout/")
    assert response["Location"] == "/es/"


def test_spanish_account_pages_need_sign_in_in_spanish(client):
    response = client.get("/es/accounts/profile/")
    assert response["Location"] == "/es/accounts/login/?next=/es/accounts/profile/"


def test_the_lock_out_page_serves_the_admin_sign_in_too_once_configured(client, settings):
    # The optional settings line: AXES_LOCKOUT_CALLABLE = "pathways.accounts.views.locked_out"
    settings.AXES_LOCKOUT_CALLABLE = "pathways.accounts.views.locked_out"
    user = StateAdminFactory(password=PASSWORD, is_staff=True)
    for _ in range(5):
        response = sign_in(client, user.username, WRONG, path="/admin/login/")
    assert response.status_code == 429
    assert "This account is locked for 15 minutes" in main_of(response)
    # Our own sign-in page answers the same way with the setting in place.
    response = sign_in(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "This account is locked for 15 minutes" in main_of(response)
