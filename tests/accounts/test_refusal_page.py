"""One refusal page for the whole site: the reason, what to do, never cached."""

import pytest
from django.test import Client

from tests.factories import CounselorFactory, StudentFactory, albuquerque

pytestmark = pytest.mark.django_db


def test_a_counselor_refused_an_upload_reads_why_and_whom_to_ask(client: Client) -> None:
    client.force_login(CounselorFactory(district=albuquerque()))
    response = client.get("/students/upload/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "uploaded by district CTE coordinators and the state" in page
    assert "ask your district CTE coordinator" in page
    assert "Student status reports" in page  # what this account may open instead
    assert "no-store" in response["Cache-Control"]


def test_a_student_refused_reports_is_offered_their_own_records(client: Client) -> None:
    client.force_login(StudentFactory(district=albuquerque()))
    response = client.get("/students/reports/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "My course records" in page
    assert "Student status reports" not in page


def test_the_refusal_is_in_spanish_for_a_spanish_reader(client: Client) -> None:
    client.force_login(CounselorFactory(district=albuquerque()))
    response = client.get("/es/students/upload/")
    assert response.status_code == 403
    assert 'lang="es"' in response.content.decode()
    assert "Qué puedes hacer" in response.content.decode()
