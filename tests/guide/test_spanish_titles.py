"""Spanish guide pages and PDFs name occupations by the project's Spanish titles (#19)."""

import pytest

from tests.html import visible_text

from .conftest import CLUSTER
from .test_pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_a_spanish_chapter_names_its_occupations_in_spanish(client, health_cluster):
    page = visible_text(client.get(f"/es/guide/{CLUSTER}/").content.decode())
    assert "Enfermeros(as) registrados(as) 29-1141" in page
    assert "Registered Nurses" not in page


def test_the_spanish_index_is_in_spanish_and_in_spanish_order(client, health_cluster):
    html = client.get("/es/guide/").content.decode()
    page = visible_text(html)
    assert "Registered Nurses" not in page
    assert page.index("Auxiliares de enfermería") < page.index("Enfermeros(as) registrados(as)")


def test_the_english_chapter_keeps_the_english_titles(client, health_cluster):
    page = visible_text(client.get(f"/guide/{CLUSTER}/").content.decode())
    assert "Registered Nurses 29-1141" in page and "Enfermeros" not in page


def test_the_spanish_chapter_pdf_names_occupations_in_spanish(client, health_cluster):
    _, text = pdf_text(client.get(f"/guide/{CLUSTER}.pdf?lang=es").content)
    assert "Enfermeros(as) registrados(as)" in text and "Registered Nurses" not in text


def test_the_whole_spanish_guide_pdf_has_a_spanish_index(client, health_cluster):
    _, text = pdf_text(client.get("/guide.pdf?lang=es").content)
    index = text[text.index("Índice de ocupaciones") :]
    assert "Auxiliares de enfermería (31-1131)" in " ".join(index.split())
