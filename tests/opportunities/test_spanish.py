"""The opportunity pages in Spanish; a posting's own text keeps the poster's language."""

import pytest

from tests.factories import DistrictCoordinatorFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


def test_the_list_and_filters_are_in_spanish(client):
    OpportunityFactory(title="Summer internship at the clinic")
    page = client.get("/es/opportunities/").content.decode()
    assert '<html lang="es">' in page
    assert "Oportunidades de aprendizaje basado en el trabajo" in page
    assert "Región laboral" in page and "Mi edad" in page
    assert 'lang="en">Summer internship at the clinic' in page


def test_a_posting_written_in_spanish_is_marked_so(client):
    posting = OpportunityFactory(title="Pasantía de verano", language="es")
    page = client.get(f"/opportunities/{posting.pk}/").content.decode()
    assert '<h1 lang="es">Pasantía de verano</h1>' in page
    assert 'class="posting-description" lang="es"' in page


def test_the_posting_form_is_in_spanish(client):
    client.force_login(DistrictCoordinatorFactory())
    page = client.get("/es/opportunities/new/").content.decode()
    assert "Publicar una oportunidad" in page and "Fecha de inicio" in page


def test_the_employer_sign_up_is_in_spanish(client):
    page = client.get("/es/opportunities/employers/signup/").content.decode()
    assert "Solicitar una cuenta de empleador" in page
