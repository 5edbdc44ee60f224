"""The admin's user pages: role and district listed, filtered, edited and checked together."""

import pytest

from pathways.accounts.models import Role, User
from tests.factories import (
    ALAMOGORDO,
    ALBUQUERQUE,
    CounselorFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("districts")]


@pytest.fixture
def staff_client(client):  # type: ignore[no-untyped-def]
    client.force_login(StateAdminFactory(is_staff=True, is_superuser=True))
    return client


def test_user_list_shows_and_filters_by_role_and_district(staff_client):
    CounselorFactory(username="c-albuquerque")
    StudentFactory(username="s-alamogordo", district=alamogordo())
    html = staff_client.get("/admin/accounts/user/").content.decode()
    assert "Counselor or teacher" in html
    assert "Alamogordo Public Schools" in html
    assert "column-role" in html and "column-district" in html

    html = staff_client.get("/admin/accounts/user/?role=student").content.decode()
    assert "s-alamogordo" in html and "c-albuquerque" not in html
    html = staff_client.get(f"/admin/accounts/user/?district__nces_id__exact={ALBUQUERQUE}")
    assert "c-albuquerque" in html.content.decode()


def add_user(client, **fields):  # type: ignore[no-untyped-def]
    data = {
        "username": "newcomer",
        "email": "new@aps.example",
        "usable_password": "true",
        "password1": "Jemez-Springs-5512!",
        "password2": "Jemez-Springs-5512!",
        "district": "",
        **fields,
    }
    return client.post("/admin/accounts/user/add/", data)


def test_adding_a_counselor_needs_a_district(staff_client):
    response = add_user(staff_client, role=Role.COUNSELOR)
    assert response.status_code == 200
    assert "District staff and students belong to a district." in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()

    response = add_user(staff_client, role=Role.COUNSELOR, district=ALAMOGORDO)
    assert response.status_code == 302
    user = User.objects.get(username="newcomer")
    assert (user.role, user.district_id) == (Role.COUNSELOR, ALAMOGORDO)


def test_a_state_administrator_has_no_district(staff_client):
    response = add_user(staff_client, role=Role.STATE_ADMIN, district=ALBUQUERQUE)
    assert response.status_code == 200
    assert "State administrators belong to no district." in response.content.decode()
    assert add_user(staff_client, role=Role.STATE_ADMIN).status_code == 302


def test_change_page_has_a_role_and_district_section(staff_client):
    user = CounselorFactory()
    html = staff_client.get(f"/admin/accounts/user/{user.pk}/change/").content.decode()
    assert "Role and district" in html
    assert 'name="role"' in html and 'name="district"' in html
