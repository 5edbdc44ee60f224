"""GET /api/v1/clusters and /api/v1/clusters/{code} on the tiny labour market. The real
frameworks (14 and 16 clusters) and a real New Mexico figure are in test_clusters_mirror.py."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_2024_framework_is_the_default_sorted_by_name(client, labour_market):
    answer = client.get("/api/v1/clusters")

    assert answer.status_code == 200
    clusters = answer.json()
    assert [(c["code"], c["occupation_count"]) for c in clusters] == [
        ("arts-entertainment-design", 1),
        ("construction", 1),
        ("education", 2),
        ("healthcare-human-services", 3),
        ("hospitality-events-tourism", 1),
    ]
    assert {c["framework"] for c in clusters} == {"2024"}
    by_code = {c["code"]: c for c in clusters}
    assert by_code["healthcare-human-services"]["name"] == "Healthcare & Human Services"


def test_the_legacy_framework_on_request(client, labour_market):
    clusters = client.get("/api/v1/clusters?framework=legacy").json()

    assert [c["code"] for c in clusters] == [
        "architecture-construction",
        "education-training",
        "health-science",
    ]
    assert {c["framework"] for c in clusters} == {"legacy"}


def test_occupation_count_counts_distinct_occupations(client, labour_market):
    from tests.factories.framework import SubClusterFactory, SubClusterOccupationFactory

    # A second sub-cluster naming Registered Nurses again does not count them twice.
    other = SubClusterFactory(
        code="healthcare-human-services--nursing", cluster_id="healthcare-human-services"
    )
    SubClusterOccupationFactory(subcluster=other, soc_code="29-1141")
    clusters = {c["code"]: c for c in client.get("/api/v1/clusters").json()}

    assert clusters["healthcare-human-services"]["occupation_count"] == 3


def test_cluster_detail_lists_subclusters_and_statewide_rows(client, labour_market):
    answer = client.get("/api/v1/clusters/healthcare-human-services")

    assert answer.status_code == 200
    cluster = answer.json()
    assert cluster["framework"] == "2024"
    assert cluster["subclusters"] == [
        {
            "code": "healthcare-human-services--physical-health",
            "name": "Physical Health",
            "occupations": ["29-1141", "29-1171", "29-1212"],
        }
    ]
    # By openings, largest first: the fixture's state estimates 1,008, 196 and 5 a year.
    rows = cluster["occupations"]
    assert [(r["soc"], r["annual_openings"]) for r in rows] == [
        ("29-1141", 1008),
        ("29-1171", 196),
        ("29-1212", 5),
    ]
    nurses = rows[0]
    assert (nurses["median_annual"], nurses["median_hourly"]) == (88400, 42.5)
    assert nurses["area_code"] == "3500000"
    assert (nurses["wage_source"], nurses["wage_period"]) == ("BLS OEWS", "May 2025")
    assert nurses["openings_is_estimate"] is True
    assert nurses["projections_period"] == "2024-34"
    cardiologists = rows[2]
    assert cardiologists["median_annual"] is None and cardiologists["top_coded"] is True


def test_legacy_cluster_detail(client, labour_market):
    cluster = client.get("/api/v1/clusters/health-science").json()

    assert cluster["framework"] == "legacy"
    assert cluster["name"] == "Health Science"
    assert cluster["subclusters"][0]["occupations"] == ["29-1141", "29-1171", "29-1212"]


def test_cluster_detail_can_sort_by_growth(client, labour_market):
    rows = client.get("/api/v1/clusters/healthcare-human-services?sort=growth").json()

    growth = [(r["soc"], r["growth_percent"]) for r in rows["occupations"]]
    assert growth == [("29-1171", 40.1), ("29-1141", 5.2), ("29-1212", 3.0)]
    assert rows["occupations"][0]["bright_outlook"] is True


def test_unknown_cluster_is_404_naming_it(client, labour_market):
    answer = client.get("/api/v1/clusters/underwater-basket-weaving")

    assert answer.status_code == 404
    assert "underwater-basket-weaving" in answer.json()["detail"]


def test_unknown_framework_is_422(client):
    answer = client.get("/api/v1/clusters?framework=modern")

    assert answer.status_code == 422
    assert "framework" in answer.json()["detail"]
    assert "modern" in answer.json()["detail"]
