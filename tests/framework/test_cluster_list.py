"""The Career Clusters list: both frameworks, their parts, counts and the derived bridge."""

import re

import pytest

from pathways.framework.models import Cluster, ClusterBridge, Framework, SubCluster

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def cluster_cards(html: str) -> list[str]:
    return re.findall(r'<li class="cluster-card">(.*?)\n  </li>', html, re.S)


def test_the_2024_framework_is_the_default_and_lists_14_clusters(client, real_data):
    html = client.get("/clusters/").content.decode()
    assert len(cluster_cards(html)) == 14
    assert '<a href="?framework=2024" aria-current="page">' in html
    assert "The clusters of the 2024 framework" in html
    for cluster in Cluster.objects.filter(framework=Framework.MODERN):
        assert f'href="/clusters/{cluster.code}/"' in html
    # A sub-cluster links to its own page.
    sub = SubCluster.objects.get(code="healthcare-human-services--physical-health")
    assert f'href="/clusters/healthcare-human-services/{sub.code}/">{sub.name}</a>' in html


def test_the_legacy_framework_lists_16_clusters_with_pathways(client, real_data):
    html = client.get("/clusters/?framework=legacy").content.decode()
    assert len(cluster_cards(html)) == 16
    assert '<a href="?framework=legacy" aria-current="page">' in html
    assert html.count('class="parts-label"') == 16
    assert "Pathways:" in html and "Sub-clusters:" not in html


def test_each_cluster_shows_its_distinct_occupation_count(client, real_data):
    html = client.get("/clusters/").content.decode()
    codes = (
        Cluster.objects.get(code="construction")
        .subclusters.values_list("occupations__soc_code", flat=True)
        .distinct()
    )
    card = next(c for c in cluster_cards(html) if 'id="cluster-construction"' in c)
    assert f'<p class="count">{len(set(codes))} occupations</p>' in card


def test_legacy_clusters_name_the_2024_clusters_they_mostly_map_to(client, real_data):
    html = client.get("/clusters/?framework=legacy").content.decode()
    assert "derived from shared occupations" in html
    card = next(c for c in cluster_cards(html) if 'id="cluster-architecture-construction"' in c)
    strongest = (
        ClusterBridge.objects.filter(legacy_id="architecture-construction")
        .order_by("-shared_occupations")
        .first()
    )
    assert strongest is not None
    percent = round(strongest.share * 100)
    assert f'<a href="/clusters/{strongest.modern_id}/">' in card
    assert (
        f"{strongest.shared_occupations} shared occupations, {percent}% of this cluster's" in card
    )
    assert "framework_bridge" in html  # the derived source is named


def test_the_2024_list_names_its_source_and_has_no_bridge(client, real_data):
    html = client.get("/clusters/").content.decode()
    assert 'href="/data/#source-advance_cte"' in html
    assert "Mostly maps to" not in html


def test_an_unknown_framework_is_a_bad_request_with_a_message(client, real_data):
    response = client.get("/clusters/?framework=1999")
    assert response.status_code == 400
    assert "“1999” is not a framework" in response.content.decode()


def test_the_list_in_spanish(client, real_data):
    response = client.get("/es/clusters/?framework=legacy")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert len(cluster_cards(html)) == 16
    assert 'href="/es/clusters/health-science/"' in html


def test_the_list_takes_few_queries(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        client.get("/clusters/?framework=legacy")
