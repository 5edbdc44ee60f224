"""The Career Clusters list over the real data: all 14 and 16 clusters, every one linked,
and the query bound on a full load. The page's figures, bridge and errors are checked on
the tiny labour market in test_cluster_list.py."""

import re

import pytest

from pathways.framework.models import Cluster, Framework

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def cluster_cards(html: str) -> list[str]:
    return re.findall(r'<li class="cluster-card">(.*?)\n  </li>', html, re.S)


def test_the_2024_framework_lists_all_14_clusters(client, real_data):
    html = client.get("/clusters/").content.decode()
    assert len(cluster_cards(html)) == 14
    for cluster in Cluster.objects.filter(framework=Framework.MODERN):
        assert f'href="/clusters/{cluster.code}/"' in html


def test_the_legacy_framework_lists_all_16_clusters_with_pathways(client, real_data):
    html = client.get("/clusters/?framework=legacy").content.decode()
    assert len(cluster_cards(html)) == 16
    assert html.count('class="parts-label"') == 16
    assert len(cluster_cards(client.get("/es/clusters/?framework=legacy").content.decode())) == 16


def test_the_list_takes_few_queries(client, real_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        client.get("/clusters/?framework=legacy")
