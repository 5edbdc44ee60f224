"""GET /api/v1/clusters and /api/v1/clusters/{code} over the real data."""

import pytest

from pathways.framework.models import SubClusterOccupation
from pathways.occupations.models import WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_the_2024_framework_is_the_default_and_has_14_clusters(client, real_data):
    answer = client.get("/api/v1/clusters")

    assert answer.status_code == 200
    clusters = answer.json()
    assert len(clusters) == 14
    assert {c["framework"] for c in clusters} == {"2024"}
    by_code = {c["code"]: c for c in clusters}
    assert by_code["healthcare-human-services"]["name"] == "Healthcare & Human Services"
    assert all(
        isinstance(c["occupation_count"], int) and c["occupation_count"] > 0 for c in clusters
    )
    assert [c["name"] for c in clusters] == sorted(c["name"] for c in clusters)


def test_the_legacy_framework_has_16_clusters(client, real_data):
    clusters = client.get("/api/v1/clusters?framework=legacy").json()

    assert len(clusters) == 16
    assert "health-science" in {c["code"] for c in clusters}
    assert {c["framework"] for c in clusters} == {"legacy"}


def test_occupation_count_counts_distinct_occupations(client, real_data):
    clusters = {c["code"]: c for c in client.get("/api/v1/clusters").json()}
    expected = (
        SubClusterOccupation.objects.filter(subcluster__cluster_id="healthcare-human-services")
        .values("soc_code")
        .distinct()
        .count()
    )

    assert clusters["healthcare-human-services"]["occupation_count"] == expected


def test_cluster_detail_lists_subclusters_and_statewide_rows(client, real_data):
    answer = client.get("/api/v1/clusters/healthcare-human-services")

    assert answer.status_code == 200
    cluster = answer.json()
    assert cluster["framework"] == "2024"
    physical = next(s for s in cluster["subclusters"] if s["name"] == "Physical Health")
    assert "29-1141" in physical["occupations"]
    nurses = next(r for r in cluster["occupations"] if r["soc"] == "29-1141")
    expected = WageEstimate.objects.get(area_id="3500000", soc_code="29-1141").median_annual
    assert nurses["median_annual"] == expected == 94340
    assert nurses["area_code"] == "3500000"
    assert nurses["wage_source"] == "BLS OEWS"
    assert nurses["wage_period"] == "May 2025"
    openings = [r["annual_openings"] for r in cluster["occupations"] if r["annual_openings"]]
    assert openings == sorted(openings, reverse=True)  # by openings, largest first


def test_legacy_cluster_detail(client, real_data):
    cluster = client.get("/api/v1/clusters/health-science").json()

    assert cluster["framework"] == "legacy"
    assert cluster["name"] == "Health Science"
    assert any("29-1141" in s["occupations"] for s in cluster["subclusters"])


def test_cluster_detail_can_sort_by_growth(client, real_data):
    rows = client.get("/api/v1/clusters/digital-technology?sort=growth").json()["occupations"]

    growth = [r["growth_percent"] for r in rows if r["growth_percent"] is not None]
    assert growth == sorted(growth, reverse=True)


def test_unknown_cluster_is_404_naming_it(client, real_data):
    answer = client.get("/api/v1/clusters/underwater-basket-weaving")

    assert answer.status_code == 404
    assert "underwater-basket-weaving" in answer.json()["detail"]


def test_unknown_framework_is_422(client):
    answer = client.get("/api/v1/clusters?framework=modern")

    assert answer.status_code == 422
    assert "framework" in answer.json()["detail"]
    assert "modern" in answer.json()["detail"]


def test_cluster_answers_use_a_bounded_number_of_queries(
    client, real_data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        client.get("/api/v1/clusters?framework=legacy")
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(16):
        client.get("/api/v1/clusters/healthcare-human-services")
