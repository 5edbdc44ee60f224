"""The pages: a student logs and corrects hours, the teacher verifies, bad input is a 400
with the reason, and every page reads in Spanish."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pathways.placements import hours, links
from pathways.placements.models import HoursEntry
from pathways.students.models import WorkBasedLearningRecord
from tests.factories.placements import HoursEntryFactory, PlacementFactory

pytestmark = pytest.mark.django_db
Status = HoursEntry.Status


def test_a_student_logs_hours_and_sees_them_waiting(client):
    placement = PlacementFactory()
    client.force_login(placement.student)
    url = reverse("placements:placement", args=[placement.pk])
    response = client.post(url, {"date": "2024-10-01", "hours": "3.5", "activity": "Charts"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "3.50 hours waiting for the supervisor" in page
    assert "Waiting for the supervisor" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hours": "13"}, "between 0.25 and 12"),
        ({"hours": "0.1"}, "between 0.25 and 12"),
        ({"hours": "123456"}, "no more than 4 digits"),
        ({"hours": "2.3"}, "quarter hours"),
        ({"date": "2023-01-01"}, "start and end dates"),
        ({"date": "not a date"}, "Enter a valid date"),
        ({"activity": "x" * 600}, "at most 500"),
    ],
)
def test_bad_hours_are_a_400_with_the_reason(client, data, message):
    placement = PlacementFactory()
    client.force_login(placement.student)
    form = {"date": "2024-10-01", "hours": "3", "activity": "Charts", **data}
    response = client.post(reverse("placements:placement", args=[placement.pk]), form)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not placement.entries.exists()


def test_a_disputed_day_shows_the_comment_and_the_correction_sends_it_again(client):
    entry = HoursEntryFactory(status=Status.DISPUTED, disputed_by="supervisor", comment="Closed")
    placement = entry.placement
    client.force_login(placement.student)
    page = client.get(reverse("placements:placement", args=[placement.pk]))
    assert "Closed" in page.content.decode()
    url = reverse("placements:edit_entry", args=[placement.pk, entry.pk])
    assert "Your supervisor disputed these hours" in client.get(url).content.decode()
    response = client.post(url, {"date": entry.date.isoformat(), "hours": "2", "activity": "AM"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.hours) == (Status.LOGGED, Decimal("2"))


def test_the_teacher_verifies_on_the_page_and_the_record_is_written(client):
    placement = PlacementFactory(student__student_id="NM404")
    entry = HoursEntryFactory(placement=placement, status=Status.SUPERVISOR_APPROVED, hours=6)
    client.force_login(placement.teacher)
    url = reverse("placements:verify", args=[placement.pk])
    assert entry.activity in client.get(url).content.decode()
    response = client.post(url, {f"entry-{entry.pk}-decision": "approve"})
    assert response.status_code == 302
    assert WorkBasedLearningRecord.objects.get().hours == 6
    assert "No hours are waiting for you" in client.get(url).content.decode()


def test_nothing_chosen_is_a_400_and_changes_nothing(client):
    placement = PlacementFactory()
    entry = HoursEntryFactory(placement=placement, status=Status.SUPERVISOR_APPROVED)
    client.force_login(placement.teacher)
    response = client.post(reverse("placements:verify", args=[placement.pk]), {})
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.status == Status.SUPERVISOR_APPROVED


def test_an_unlinked_student_is_told_their_hours_do_not_count_yet(client):
    placement = PlacementFactory(student__student_id="")
    client.force_login(placement.student)
    text = client.get(reverse("placements:home")).content.decode()
    assert "not linked to a state student ID" in text
    client.force_login(placement.teacher)
    text = client.get(reverse("placements:verify", args=[placement.pk])).content.decode()
    assert "not linked to a state student ID" in text


def test_an_unknown_decision_value_is_a_400(client):
    placement = PlacementFactory()
    entry = HoursEntryFactory(placement=placement)
    token = links.new_token(placement)
    response = client.post(
        reverse("placements:supervisor", args=[token]), {f"entry-{entry.pk}-decision": "delete"}
    )
    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.status == Status.LOGGED


def test_the_pages_read_in_spanish(client):
    placement = PlacementFactory(student__first_name="Lucia")
    HoursEntryFactory(placement=placement)
    HoursEntryFactory(placement=placement, status=Status.SUPERVISOR_APPROVED)
    client.force_login(placement.student)
    home = client.get("/es/work-based-learning/").content.decode()
    assert "Mi aprendizaje basado en el trabajo" in home
    detail = client.get(f"/es/work-based-learning/{placement.pk}/").content.decode()
    assert "Registrar horas" in detail and "Esperando al supervisor" in detail
    new = client.get("/es/work-based-learning/new/").content.decode()
    assert "Agregar una práctica" in new
    client.force_login(placement.teacher)
    verify = client.get(f"/es/work-based-learning/{placement.pk}/verify/").content.decode()
    assert "Verificar horas" in verify
    staff = client.get("/es/work-based-learning/staff/").content.decode()
    assert "Aprendizaje basado en el trabajo por verificar" in staff
    client.logout()
    token = links.new_token(placement)
    supervisor = client.get(f"/es/work-based-learning/supervisor/{token}/").content.decode()
    assert "Verificar horas de aprendizaje basado en el trabajo" in supervisor
    assert "Aprobar" in supervisor and "Disputar" in supervisor


def test_the_teacher_decides_only_what_the_supervisor_approved():
    placement = PlacementFactory(student__student_id="NM1")
    waiting = HoursEntryFactory(placement=placement)
    assert hours.teacher_decide(placement, [hours.Decision(waiting.pk, True)]) == 0
