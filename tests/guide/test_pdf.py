"""The guide's PDFs: a chapter from fixture data in English and Spanish, tagged, cached."""

import io

import pytest
from pypdf import PdfReader

from .conftest import CLUSTER

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_chapter_pdf_in_english_has_the_figures(client, nursing_program):
    response = client.get(f"/guide/{CLUSTER}.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader, text = pdf_text(response.content)
    assert "Healthcare & Human Services" in text
    assert "Registered Nurses" in text and "$94,340" in text
    assert "Nursing Pathway" in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root  # tagged: screen readers get the structure
    assert root["/MarkInfo"]["/Marked"]


def test_chapter_pdf_in_spanish(client, health_cluster):
    response = client.get(f"/guide/{CLUSTER}.pdf?lang=es")
    assert response.status_code == 200
    reader, text = pdf_text(response.content)
    assert "Salud y Servicios Humanos" in text
    assert "Programas de estudios aprobados en Nuevo México" in text
    assert reader.trailer["/Root"]["/Lang"] == "es"


def test_whole_guide_pdf_for_a_region(client, health_cluster):
    response = client.get("/guide.pdf?region=central&lang=en")
    assert response.status_code == 200
    _, text = pdf_text(response.content)
    assert "How to read this guide" in text and "Index of occupations" in text
    assert "$96,010" in text  # the central region's wage


def test_a_bad_language_is_a_400(client, health_cluster):
    assert client.get(f"/guide/{CLUSTER}.pdf?lang=fr").status_code == 400


def test_build_command_writes_every_chapter(health_cluster, tmp_path):
    from django.core.management import call_command

    call_command("guide", "build", "--output", str(tmp_path), "--lang", "en")
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["guide-en.pdf", f"{CLUSTER}-en.pdf"]
