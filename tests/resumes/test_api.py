import pytest

from pathways.resumes import services
from tests.factories.accounts import StudentFactory

URL = "/api/v1/resume"


@pytest.fixture
def student(db):  # type: ignore[no-untyped-def]
    return StudentFactory()


def test_a_student_reads_and_replaces_their_own_resume(client, student):
    client.force_login(student)
    document = {"basics": {"name": "Ana"}, "skills": [{"name": "Welding"}]}
    put = client.put(URL, document, content_type="application/json")
    assert put.status_code == 200
    assert client.get(URL).json() == document


def test_an_invalid_document_is_a_400_naming_where(client, student):
    client.force_login(student)
    response = client.put(URL, {"work": [{"startDate": "soon"}]}, content_type="application/json")
    assert response.status_code == 400
    assert "work/0/startDate" in response.json()["detail"]


def test_anonymous_callers_get_401(client, db):
    assert client.get(URL).status_code == 401


def test_a_counselor_reads_but_cannot_write(
    client, student_with_records, counselor_same_school, counselor_other_school
):
    resume = services.resume_for(student_with_records)
    client.force_login(counselor_same_school)
    assert client.get(f"{URL}/{resume.pk}").status_code == 200
    assert client.put(URL, {}, content_type="application/json").status_code == 403
    client.force_login(counselor_other_school)
    assert client.get(f"{URL}/{resume.pk}").status_code == 403
    assert client.get(f"{URL}/999999").status_code == 404


def test_another_student_cannot_read_it(client, student_with_records, student):
    resume = services.resume_for(student_with_records)
    client.force_login(student)
    assert client.get(f"{URL}/{resume.pk}").status_code == 403
