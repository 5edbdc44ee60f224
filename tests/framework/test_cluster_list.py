"""The Career Clusters list on the tiny labour market: both frameworks, their parts, counts
and the derived bridge. The real frameworks' 14 and 16 clusters are in
test_cluster_list_mirror.py."""

import re

import pytest

from tests.factories.framework import SubClusterFactory, SubClusterOccupationFactory
from tests.html import visible_text

pytestmark = pytest.mark.django_db


def cluster_cards(html: str) -> list[str]:
    return re.findall(r'<li class="cluster-card">(.*?)\n  </li>', html, re.S)


def test_the_2024_framework_is_the_default_with_one_card_a_cluster(client, labour_market):
    html = client.get("/clusters/").content.decode()
    cards = cluster_cards(html)
    assert [visible_text(card).split(" ", 1)[0] for card in cards] == [
        "Arts,",
        "Construction",
        "Education",
        "Healthcare",
        "Hospitality,",
    ]
    assert '<a href="?framework=2024" aria-current="page">' in html
    assert "The clusters of the 2024 framework" in html
    assert 'href="/clusters/healthcare-human-services/"' in html
    # A sub-cluster links to its own page.
    assert (
        'href="/clusters/healthcare-human-services/healthcare-human-services--physical-health/">'
        "Physical Health</a>" in html
    )
    assert "Sub-clusters:" in html


def test_the_legacy_framework_lists_its_clusters_with_pathways(client, labour_market):
    html = client.get("/clusters/?framework=legacy").content.decode()
    assert len(cluster_cards(html)) == 3
    assert '<a href="?framework=legacy" aria-current="page">' in html
    assert html.count('class="parts-label"') == 3
    assert "Pathways:" in html and "Sub-clusters:" not in html


def test_each_cluster_shows_its_distinct_occupation_count(client, labour_market):
    # A second sub-cluster naming Registered Nurses again does not count them twice.
    nursing = SubClusterFactory(
        code="healthcare-human-services--nursing", cluster_id="healthcare-human-services"
    )
    SubClusterOccupationFactory(subcluster=nursing, soc_code="29-1141")
    cards = cluster_cards(client.get("/clusters/").content.decode())
    health = next(c for c in cards if 'id="cluster-healthcare-human-services"' in c)
    assert '<p class="count">3 occupations</p>' in health
    construction = next(c for c in cards if 'id="cluster-construction"' in c)
    assert '<p class="count">1 occupation</p>' in construction


def test_legacy_clusters_name_the_2024_clusters_they_mostly_map_to(client, labour_market):
    html = client.get("/clusters/?framework=legacy").content.decode()
    assert "derived from shared occupations" in html
    card = next(c for c in cluster_cards(html) if 'id="cluster-education-training"' in c)
    # Education & Training holds 25-2031 and 25-9042; only 25-2031 is in the 2024 Education.
    assert '<a href="/clusters/education/">' in card
    assert "1 shared occupation, 50% of this cluster's" in visible_text(card)
    words = visible_text(html)
    assert "Healthcare & Human Services 3 shared occupations, 100% of this cluster's" in words
    assert "Legacy to 2024 Career Clusters bridge, derived" in words  # the source is named
    assert 'href="/data/#source-framework_bridge"' in html


def test_the_2024_list_names_its_source_and_has_no_bridge(client, labour_market):
    html = client.get("/clusters/").content.decode()
    assert 'href="/data/#source-advance_cte"' in html
    assert "Mostly maps to" not in html


@pytest.mark.parametrize("framework", ["1999", "modern", "%3Cb%3E"])
def test_an_unknown_framework_is_a_bad_request_with_a_message(client, labour_market, framework):
    response = client.get(f"/clusters/?framework={framework}")
    assert response.status_code == 400
    assert "is not a framework" in response.content.decode()


def test_the_list_in_spanish(client, labour_market):
    response = client.get("/es/clusters/?framework=legacy")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert len(cluster_cards(html)) == 3
    assert 'href="/es/clusters/health-science/"' in html
