"""The plan printed and as PDF, in English and in Spanish."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories.plans import plan_with_version


@pytest.fixture
def plan(people, year, program):  # type: ignore[no-untyped-def]
    return plan_with_version(
        people.student,
        school_year=year,
        career_goals=[{"soc": "29-1141", "title": "Registered Nurses"}],
        program={"id": program.pk, "title": "Health Careers"},
        courses=[{"code": "H102", "title": "Course H102", "grade": 10}],
    )


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["Interim Next Step Plan", "Career goals", "Four-year course plan", "Signatures"]),
        ("es", ["Plan de Próximos Pasos", "Metas profesionales", "Firmas"]),
    ],
)
def test_the_pdf_is_in_the_language_asked_for(client, people, plan, language, words):
    client.force_login(people.student)
    response = client.get(reverse("plans:pdf", args=[plan.pk]) + f"?lang={language}")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for word in words:
        assert word in text
    assert "Health Careers" in text and "H102" in text


def test_the_print_view_names_the_student_and_the_source_of_the_wages(client, people, plan):
    client.force_login(people.counselor)
    response = client.get(reverse("plans:print", args=[plan.pk]))
    assert "Rosa" in response.text
    assert "Source:" in response.text
    assert "Occupational Employment and Wage Statistics" in response.text


def test_another_student_cannot_download_the_pdf(client, people, plan):
    client.force_login(people.other_student)
    assert client.get(reverse("plans:pdf", args=[plan.pk])).status_code == 403
