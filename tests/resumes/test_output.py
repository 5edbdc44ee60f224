import io

import pytest
from docx import Document
from pypdf import PdfReader

from pathways.resumes import output, services
from tests.factories.accounts import StudentFactory

DOCUMENT = {
    "basics": {"name": "Ana García", "email": "ana@example.org"},
    "education": [{"institution": "Taos High School", "endDate": "2026"}],
    "work": [
        {
            "name": "Taos Diner",
            "position": "Server",
            "highlights": ["Served 40 customers a shift"],
        }
    ],
    "skills": [{"name": "Kitchen", "keywords": ["food safety"]}],
    "meta": {
        "cte": [{"program": "Culinary Arts", "status": "completer", "schoolYear": "2024-25"}],
        "workBasedLearning": [{"kind": "Internship", "hours": 120, "schoolYear": "2024-25"}],
    },
}
HEADINGS = {
    "en": ["Education", "Work experience", "Skills", "Career and technical education", "completer"],
    "es": ["Educación", "Experiencia laboral", "Habilidades", "Educación técnica", "completó"],
}


def _resume(language, design):  # type: ignore[no-untyped-def]
    resume = services.resume_for(StudentFactory())
    resume.document, resume.language, resume.design = DOCUMENT, language, design
    return resume


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.django_db
@pytest.mark.parametrize("design", ["classic", "plain"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pdf_holds_the_resume_with_headings_in_its_language(language, design):
    text = _pdf_text(output.pdf(_resume(language, design)))
    for expected in ["Ana García", "Taos Diner", "Served 40 customers a shift", "120"]:
        assert expected in text
    for heading in HEADINGS[language]:
        assert heading.lower() in text.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_docx_holds_the_resume_with_headings_in_its_language(language):
    data = output.docx(_resume(language, "classic"))
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    for expected in ["Ana García", "Server — Taos Diner", "Served 40 customers a shift"]:
        assert expected in text
    for heading in HEADINGS[language]:
        assert heading.lower() in text.lower()


CREDENTIAL = {
    "basics": {"name": "Ana García"},
    "certificates": [
        {
            "name": "ServSafe Food Handler",
            "issuer": "National Restaurant Association",
            "date": "2025-02-03",
        },
        {"name": "OSHA 10", "date": "2024-11"},
    ],
}
EARNED = {
    "en": ["Earned Feb. 3, 2025", "Earned November 2024"],
    "es": ["Obtenido: 3 de febrero de 2025", "Obtenido: noviembre de 2024"],
}


def _credential_resume(language):  # type: ignore[no-untyped-def]
    resume = services.resume_for(StudentFactory())
    resume.document, resume.language = CREDENTIAL, language
    return resume


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_credentials_show_their_issuer_and_date_in_both_files(language):
    resume = _credential_resume(language)
    pdf_text = " ".join(_pdf_text(output.pdf(resume)).split())
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(output.docx(resume))).paragraphs)
    for text in (pdf_text, docx_text):
        assert "ServSafe Food Handler — National Restaurant Association" in text
        for earned in EARNED[language]:
            assert earned in text
