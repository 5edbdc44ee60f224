"""The guide's PDFs: a chapter from fixture data in English and Spanish, tagged, cached."""

import io

import pytest
from pypdf import PdfReader

from .conftest import CLUSTER

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def alt_texts(reader: PdfReader) -> list[str]:
    """The /Alt of every tagged element (the chart's figure), walking the structure tree."""
    found = []

    def walk(node) -> None:  # type: ignore[no-untyped-def]
        node = node.get_object()
        if not hasattr(node, "get"):
            return
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


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
    assert alt_texts(reader) == [
        "Bar chart of the median annual wages of 3 occupations in Healthcare & Human Services;"
        " the table below gives the same figures."
    ]


def test_chapter_pdf_in_spanish(client, health_cluster):
    response = client.get(f"/guide/{CLUSTER}.pdf?lang=es")
    assert response.status_code == 200
    reader, text = pdf_text(response.content)
    assert "Salud y Servicios Humanos" in text
    assert "Programas de estudios aprobados en Nuevo México" in text
    assert reader.trailer["/Root"]["/Lang"] == "es"
    assert alt_texts(reader)[0].startswith("Gráfica de barras de los salarios anuales medianos")


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
