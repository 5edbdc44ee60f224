import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pathways.resumes import services
from pathways.resumes.models import Resume
from tests.factories.accounts import CounselorFactory, StateAdminFactory, StudentFactory


@pytest.fixture
def student(db):  # type: ignore[no-untyped-def]
    return StudentFactory()


def test_a_student_sees_their_records_offered_and_adds_one(client, student_with_records):
    client.force_login(student_with_records)
    page = client.get(reverse("resumes:home")).content.decode()
    assert "AWS Welder" in page and "Welding Technology" in page
    resume = Resume.objects.get(owner=student_with_records)
    client.post(reverse("resumes:decide"), {"key": "credential:2025:AWS Welder", "action": "add"})
    resume.refresh_from_db()
    assert resume.document["certificates"] == [{"name": "AWS Welder"}]


def test_a_section_is_saved_edited_and_removed_one_item_at_a_time(client, student):
    client.force_login(student)
    url = reverse("resumes:section", args=["work"])
    client.post(url, {"name": "Taos Diner", "position": "Server", "highlights": "Served\nCleaned"})
    client.post(url, {"item": "0", "name": "Taos Diner", "position": "Cook"})
    resume = Resume.objects.get(owner=student)
    assert resume.document["work"] == [{"name": "Taos Diner", "position": "Cook"}]
    client.post(reverse("resumes:remove", args=["work"]), {"item": "0"})
    resume.refresh_from_db()
    assert resume.document["work"] == []


def test_the_editor_shows_strong_examples_in_spanish(client, student):
    client.force_login(student)
    page = client.get("/es/resume/work/").content.decode()
    assert "Atendí a más de 40 clientes" in page


def test_a_bad_date_is_refused_with_a_message(client, student):
    client.force_login(student)
    response = client.post(reverse("resumes:section", args=["work"]), {"startDate": "June"})
    assert response.status_code == 400
    assert "Write a date from 1950 on" in response.content.decode()


def test_script_in_a_field_is_refused(client, student):
    client.force_login(student)
    response = client.post(
        reverse("resumes:section", args=["basics"]), {"summary": "<script>alert(1)</script>"}
    )
    assert response.status_code == 400
    assert "HTML" in response.content.decode()


def test_an_invalid_import_is_a_400_and_keeps_the_resume(client, student):
    client.force_login(student)
    services.resume_for(student)
    upload = SimpleUploadedFile("r.json", json.dumps({"work": "x"}).encode())
    response = client.post(reverse("resumes:import"), {"file": upload})
    assert response.status_code == 400
    assert "Not a valid JSON Resume at work" in response.content.decode()


def test_an_export_imports_back(client, student):
    client.force_login(student)
    services.save_item(
        services.resume_for(student), services_section("skills"), {"name": "Welding"}, None
    )
    exported = client.get(reverse("resumes:download", args=["json"])).content
    Resume.objects.filter(owner=student).update(document={})
    client.post(reverse("resumes:import"), {"file": SimpleUploadedFile("r.json", exported)})
    assert Resume.objects.get(owner=student).document["skills"] == [{"name": "Welding"}]


def services_section(name):  # type: ignore[no-untyped-def]
    from pathways.resumes.sections import BY_NAME

    return BY_NAME[name]


def test_pdf_and_docx_download(client, student):
    client.force_login(student)
    assert client.get(reverse("resumes:download", args=["pdf"])).content.startswith(b"%PDF")
    docx = client.get(reverse("resumes:download", args=["docx"]))
    assert docx.content.startswith(b"PK")


def test_the_share_link_works_until_the_student_turns_it_off(client, student):
    client.force_login(student)
    client.post(reverse("resumes:share"), {"action": "start"})
    token = Resume.objects.get(owner=student).share_token
    assert token and len(token) >= 40
    client.logout()
    assert client.get(reverse("resumes:shared", args=[token])).status_code == 200
    assert client.get(reverse("resumes:shared_file", args=[token, "pdf"])).status_code == 200
    client.force_login(student)
    client.post(reverse("resumes:share"), {"action": "stop"})
    client.logout()
    assert client.get(reverse("resumes:shared", args=[token])).status_code == 404


@pytest.mark.parametrize("factory", [CounselorFactory, StateAdminFactory])
def test_staff_have_no_resume_builder(client, db, factory):  # type: ignore[no-untyped-def]
    client.force_login(factory())
    assert client.get(reverse("resumes:home")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get(reverse("resumes:home")).status_code == 302


def test_only_the_student_and_their_counselor_see_the_resume(
    client, student_with_records, counselor_same_school, counselor_other_school
):
    resume = services.resume_for(student_with_records)
    url = reverse("resumes:student", args=[resume.pk])
    expected = [
        (student_with_records, 200),
        (counselor_same_school, 200),
        (counselor_other_school, 403),
        (StudentFactory(), 403),
        (StateAdminFactory(), 403),
    ]
    for user, status in expected:
        client.force_login(user)
        assert client.get(url).status_code == status, user.username


@pytest.mark.parametrize("value", ["2025-02-30", "1890", "2025-6", "3025"])
def test_an_impossible_credential_date_is_refused(client, student, value):
    client.force_login(student)
    url = reverse("resumes:section", args=["certificates"])
    response = client.post(url, {"name": "OSHA 10", "date": value})
    assert response.status_code == 400
    assert "Write a date from 1950 on" in response.content.decode()


def test_a_credential_is_saved_with_its_issuer_and_day(client, student):
    client.force_login(student)
    url = reverse("resumes:section", args=["certificates"])
    client.post(url, {"name": "OSHA 10", "issuer": "OSHA Outreach", "date": "2025-03-14"})
    document = Resume.objects.get(owner=student).document
    assert document["certificates"] == [
        {"name": "OSHA 10", "issuer": "OSHA Outreach", "date": "2025-03-14"}
    ]
