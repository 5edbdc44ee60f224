"""Saving careers without JavaScript, the list page, its bounds and who may use them."""

import pytest
from django.urls import reverse

from pathways.budget.models import Scenario
from pathways.saved.models import SavedOccupation
from tests.factories import CounselorFactory, StudentFactory
from tests.factories.saved import SavedOccupationFactory

pytestmark = pytest.mark.django_db
NURSES = "29-1141"


def _save(client, soc: str = NURSES, **headers: str):  # type: ignore[no-untyped-def]
    url = reverse("saved:save_occupation", args=[soc])
    return client.post(url, {"next": f"/occupations/{soc}/"}, headers=headers)


def test_a_student_saves_and_removes_a_career_without_javascript(client, labour_market):
    student = StudentFactory()
    client.force_login(student)
    response = _save(client)
    assert response.status_code == 302 and response["Location"] == f"/occupations/{NURSES}/"
    page = client.get(response["Location"]).content.decode()
    assert "Saved to “My saved careers”." in page
    assert "Remove from my saved careers" in page
    response = client.post(
        reverse("saved:remove_occupation", args=[NURSES]), {"next": f"/occupations/{NURSES}/"}
    )
    assert response.status_code == 302
    assert not SavedOccupation.objects.filter(owner=student).exists()
    assert "Save to my careers" in client.get(response["Location"]).content.decode()


def test_htmx_gets_the_button_in_its_new_state(client, labour_market):
    client.force_login(StudentFactory())
    response = _save(client, HX_Request="true")
    assert response.status_code == 200
    fragment = response.content.decode()
    assert "Remove from my saved careers" in fragment and "<html" not in fragment


def test_a_visitor_sees_a_sign_in_hint_and_no_form(client, labour_market):
    page = client.get(f"/occupations/{NURSES}/").content.decode()
    assert "to save this career to your list" in page
    assert reverse("saved:save_occupation", args=[NURSES]) not in page


def test_a_visitors_post_goes_to_sign_in(client, labour_market):
    response = _save(client)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_staff_cannot_save_careers(client, labour_market):
    client.force_login(CounselorFactory())
    assert (
        "Student accounts can save careers"
        in client.get(f"/occupations/{NURSES}/").content.decode()
    )
    assert _save(client).status_code == 403


@pytest.mark.parametrize("soc", ["99-9999", "not-a-code", "25-9045", "00-0000"])
def test_a_forged_code_is_not_found(client, labour_market, soc):
    client.force_login(StudentFactory())
    assert _save(client, soc).status_code == 404


def test_removing_another_students_career_is_not_found(client, labour_market):
    theirs = SavedOccupationFactory(occupation_id=NURSES)
    client.force_login(StudentFactory())
    response = client.post(reverse("saved:remove_occupation", args=[NURSES]))
    assert response.status_code == 404
    assert SavedOccupation.objects.filter(pk=theirs.pk).exists()


def test_a_full_list_refuses_with_a_message(client, labour_market, monkeypatch):
    monkeypatch.setattr("pathways.saved.services.MAX_SAVED_OCCUPATIONS", 1)
    student = StudentFactory()
    SavedOccupationFactory(owner=student, occupation_id="29-1171")
    client.force_login(student)
    response = _save(client)
    assert response.status_code == 400
    assert "the most a list can hold" in response.content.decode()


def test_my_saved_careers_shows_wage_openings_sources_and_other_items(client, labour_market):
    student = StudentFactory()
    SavedOccupationFactory(owner=student, occupation_id=NURSES)
    Scenario.objects.create(user=student, name="Taos", params={"place": "35055"})
    client.force_login(student)
    response = client.get(reverse("saved:mine"))
    page = response.content.decode()
    assert "Registered Nurses" in page
    assert "Source:" in page and "Occupational Employment and Wage Statistics" in page
    assert 'action="/compare/"' in page and f'value="{NURSES}"' in page
    assert reverse("profiler:saved") in page and reverse("budget:saved") in page
    assert "(1 saved)" in page


def test_my_saved_careers_lists_only_my_own(client, labour_market):
    SavedOccupationFactory(occupation_id=NURSES)
    client.force_login(StudentFactory())
    assert "Registered Nurses" not in client.get(reverse("saved:mine")).content.decode()


def test_my_saved_careers_is_for_students(client, labour_market):
    client.force_login(CounselorFactory())
    assert client.get(reverse("saved:mine")).status_code == 403


def test_my_saved_careers_is_in_spanish(client, labour_market):
    client.force_login(StudentFactory())
    assert "Mis carreras guardadas" in client.get("/es/saved/").content.decode()


def test_the_list_page_makes_the_same_few_queries_however_long_the_list(
    client, labour_market, django_assert_max_num_queries
):
    student = StudentFactory()
    for soc in ("29-1141", "29-1171", "29-1212", "25-2031", "47-2111", "35-2014"):
        SavedOccupationFactory(owner=student, occupation_id=soc)
    client.force_login(student)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("saved:mine"))
    assert response.content.decode().count('name="soc"') == 6
