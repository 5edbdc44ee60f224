"""The home page and the public data sources page."""

from pathlib import Path

import pytest
from django.conf import settings

from pathways.datasets import soc_2018
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.geography.models import County, District, State, WorkforceRegion
from tests.datasets.test_soc_2018 import GOOD_ROWS, soc_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile_loaded() -> None:
    path = Path(settings.PATHWAYS_STATE_PROFILE)
    load_source(get_source("state_profile"), files={path.name: path})


def test_home_without_data_says_how_to_load_it(client):
    for model in (District, County, WorkforceRegion, State):  # other tests may have loaded data
        model.objects.all().delete()
    response = client.get("/")
    assert response.status_code == 200
    assert "pathways data load" in response.content.decode()


def test_home_leads_a_student_a_parent_and_a_counselor_to_their_first_question(
    client, profile_loaded
):
    html = client.get("/").content.decode()
    for link in (
        '<a href="/interests/">Find careers you’d like</a>',
        '<a href="/interests/clusters/">',
        '<a href="/budget/">See what a life costs</a>',
        '<a href="/regions/">Explore careers near you</a>',
        '<a href="/regions/central/">Central region</a>',
        '<a href="/districts/">',
        '<a href="/programs/">Programs of study in your district</a>',
    ):
        assert link in html
    assert '<form class="door-form" action="/programs/" method="get">' in html
    assert 'value="3500060">Albuquerque Public Schools</option>' in html


def test_home_shows_no_row_counts_and_the_data_page_does(client, profile_loaded):
    home = client.get("/").content.decode()
    data = client.get("/data/").content.decode()
    assert "What is loaded" not in home and "<table" not in home
    assert "What is loaded" in data
    assert 'Workforce regions</th><td class="num">4</td>' in data
    assert "Bernalillo, Sandoval, Torrance, Valencia" in data
    assert "county list not yet confirmed by the state" in data


def test_home_in_spanish(client, profile_loaded):
    html = client.get("/es/").content.decode()
    assert '<html lang="es">' in html
    assert "Explora carreras en Nuevo México" in html
    assert "Descubre carreras que te gusten" in html
    assert '<a href="/es/regions/northern/">Región Norte</a>' in html


def test_data_sources_page_shows_licence_attribution_and_rows(client, tmp_path):
    load_source(get_source("soc_2018"), files={soc_2018.FILE: soc_file(tmp_path, GOOD_ROWS)})
    html = client.get("/data/").content.decode()
    assert "2018 Standard Occupational Classification" in html
    assert "Public domain (U.S. Government work)" in html
    assert 'SOC codes</th><td class="num">4</td>' in html
    # O*NET's CC BY 4.0 attribution is shown even before O*NET is loaded.
    assert "Used under the CC BY 4.0 license" in html


def test_language_links_lead_to_the_same_page_in_the_other_language(client):
    english = client.get("/data/?x=1").content.decode()
    assert '<a href="/es/data/?x=1" lang="es" hreflang="es">Español</a>' in english
    spanish = client.get("/es/data/").content.decode()
    assert '<a href="/data/" lang="en" hreflang="en">English</a>' in spanish
    assert '<span lang="es" aria-current="true">Español</span>' in spanish


def test_an_unknown_address_gets_the_sites_own_page_in_its_language(client):
    english = client.get("/no-such-page/")
    spanish = client.get("/es/no-such-page/")
    assert english.status_code == spanish.status_code == 404
    assert "<h1>Page not found</h1>" in english.content.decode()
    assert "<h1>Página no encontrada</h1>" in spanish.content.decode()
    assert 'href="/es/clusters/"' in spanish.content.decode()
