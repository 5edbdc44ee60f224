"""GET /api/v1/regions, /api/v1/regions/{slug} and /api/v1/districts/{nces_id}."""

import pytest

from pathways.occupations.models import WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
ALBUQUERQUE = "0010740"


def test_regions_are_the_four_workforce_regions(client, real_data):
    answer = client.get("/api/v1/regions")

    assert answer.status_code == 200
    regions = {r["slug"]: r for r in answer.json()}
    assert set(regions) == {"central", "eastern", "northern", "southwestern"}
    central = regions["central"]
    assert central["name"] == "Central"
    assert central["name_es"] == "Central"
    assert {"fips": "35001", "name": "Bernalillo"} in central["counties"]
    assert central["primary_oews_area"] == {"code": ALBUQUERQUE, "name": "Albuquerque, NM"}
    assert regions["eastern"]["name_es"] == "Este"
    assert sum(len(r["counties"]) for r in regions.values()) == 33
    for region in regions.values():
        assert region["primary_oews_area"] in region["oews_areas"]


def test_region_detail_has_local_top_lists_and_cluster_mix(client, real_data):
    answer = client.get("/api/v1/regions/central")

    assert answer.status_code == 200
    region = answer.json()
    assert region["slug"] == "central"
    for key in ("top_by_openings", "top_by_wage", "top_by_growth"):
        assert len(region[key]) == 10
        assert {r["area_code"] for r in region[key]} == {ALBUQUERQUE}
        assert not any(r["area_fallback"] for r in region[key])
    openings = [r["annual_openings"] for r in region["top_by_openings"]]
    assert openings == sorted(openings, reverse=True)
    top_wage = region["top_by_wage"][0]
    published = WageEstimate.objects.get(area_id=ALBUQUERQUE, soc_code=top_wage["soc"])
    assert top_wage["median_annual"] == published.median_annual
    mix = region["cluster_mix"]
    assert len(mix) == 14
    assert {"code", "name", "employment", "source", "period"} <= set(mix[0])
    assert [m["employment"] for m in mix] == sorted((m["employment"] for m in mix), reverse=True)


def test_unknown_region_is_404_naming_it(client, real_data):
    answer = client.get("/api/v1/regions/atlantis")

    assert answer.status_code == 404
    assert "atlantis" in answer.json()["detail"]


def test_albuquerque_public_schools(client, real_data):
    answer = client.get("/api/v1/districts/3500060")

    assert answer.status_code == 200
    district = answer.json()
    assert district["name"] == "Albuquerque Public Schools"
    assert district["county"] == {"fips": "35001", "name": "Bernalillo"}
    assert district["region"] == {"slug": "central", "name": "Central"}
    assert district["oews_area"] == {"code": ALBUQUERQUE, "name": "Albuquerque, NM"}
    assert district["area_basis"] == "own"
    market = district["labour_market"]
    assert market["area"]["code"] == ALBUQUERQUE
    assert market["is_state_fallback"] is False
    assert len(market["top_by_openings"]) == 10
    assert market["cluster_mix"]


def test_unknown_district_is_404_and_a_malformed_id_422(client, real_data):
    unknown = client.get("/api/v1/districts/3599999")
    assert unknown.status_code == 404
    assert "3599999" in unknown.json()["detail"]

    malformed = client.get("/api/v1/districts/APS")
    assert malformed.status_code == 422
    assert "nces_id" in malformed.json()["detail"]


def test_place_answers_use_a_bounded_number_of_queries(
    client, real_data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        client.get("/api/v1/regions")
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(20):
        client.get("/api/v1/regions/northern")
    with django_assert_max_num_queries(20):
        client.get("/api/v1/districts/3500060")
