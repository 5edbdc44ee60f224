"""GET /api/v1/clusters over the real data: the full frameworks and a real New Mexico figure.
The answers' shape, order and errors are checked on the tiny labour market in test_clusters.py."""

import pytest

from pathways.occupations.models import WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_the_2024_framework_has_14_clusters_each_with_occupations(client, real_data):
    clusters = client.get("/api/v1/clusters").json()

    assert len(clusters) == 14
    assert {c["framework"] for c in clusters} == {"2024"}
    assert all(c["occupation_count"] > 0 for c in clusters)


def test_the_legacy_framework_has_16_clusters(client, real_data):
    clusters = client.get("/api/v1/clusters?framework=legacy").json()

    assert len(clusters) == 16
    assert "health-science" in {c["code"] for c in clusters}


def test_registered_nurses_statewide_median_in_their_cluster(client, real_data):
    cluster = client.get("/api/v1/clusters/healthcare-human-services").json()

    nurses = next(r for r in cluster["occupations"] if r["soc"] == "29-1141")
    expected = WageEstimate.objects.get(area_id="3500000", soc_code="29-1141").median_annual
    assert nurses["median_annual"] == expected == 94340


def test_cluster_answers_use_a_bounded_number_of_queries(
    client, real_data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        client.get("/api/v1/clusters?framework=legacy")
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(16):
        client.get("/api/v1/clusters/healthcare-human-services")
