"""GET /api/v1/regions, /api/v1/regions/{slug} and /api/v1/districts/{nces_id} on the tiny
labour market. Full top-ten lists on the real data are in test_places_mirror.py."""

import pytest

pytestmark = pytest.mark.django_db
ALBUQUERQUE = "0010740"


def test_regions_are_the_four_workforce_regions(client, labour_market):
    answer = client.get("/api/v1/regions")

    assert answer.status_code == 200
    regions = {r["slug"]: r for r in answer.json()}
    assert set(regions) == {"central", "eastern", "northern", "southwestern"}
    central = regions["central"]
    assert (central["name"], central["name_es"]) == ("Central", "Central")
    assert {"fips": "35001", "name": "Bernalillo"} in central["counties"]
    assert central["primary_oews_area"] == {"code": ALBUQUERQUE, "name": "Albuquerque, NM"}
    assert regions["eastern"]["name_es"] == "Este"
    assert sum(len(r["counties"]) for r in regions.values()) == 33
    for region in regions.values():
        assert region["primary_oews_area"] in region["oews_areas"]


def test_region_detail_ranks_the_metro_occupations(client, labour_market):
    answer = client.get("/api/v1/regions/central")

    assert answer.status_code == 200
    region = answer.json()
    assert region["slug"] == "central"
    # The six occupations with an Albuquerque estimate, each list in its own order.
    by_openings = [(r["soc"], r["annual_openings"]) for r in region["top_by_openings"]]
    assert by_openings == [
        ("35-2014", 714),
        ("29-1141", 524),
        ("25-9045", 492),
        ("47-2111", 212),
        ("29-1171", 103),
        ("25-2031", 29),
    ]
    by_wage = [(r["soc"], r["median_annual"]) for r in region["top_by_wage"]]
    assert by_wage[:2] == [("29-1171", 133120), ("29-1141", 91520)]
    by_growth = [(r["soc"], r["growth_percent"]) for r in region["top_by_growth"]]
    assert by_growth[:3] == [("29-1171", 40.1), ("47-2111", 9.0), ("35-2014", 6.8)]
    for key in ("top_by_openings", "top_by_wage", "top_by_growth"):
        assert {r["area_code"] for r in region[key]} == {ALBUQUERQUE}
        assert not any(r["area_fallback"] for r in region[key])
        assert all(r["openings_scaled_to_area"] for r in region[key])


def test_region_cluster_mix_sums_metro_employment_and_names_its_source(client, labour_market):
    mix = client.get("/api/v1/regions/central").json()["cluster_mix"]

    # Healthcare: 9,100 Registered Nurses and 1,000 Nurse Practitioners in Albuquerque.
    assert [(m["code"], m["employment"]) for m in mix] == [
        ("healthcare-human-services", 10100),
        ("education", 7000),
        ("hospitality-events-tourism", 5000),
        ("construction", 2100),
    ]
    assert {(m["source"], m["period"]) for m in mix} == {("BLS OEWS", "May 2025")}


def test_unknown_region_is_404_naming_it(client, labour_market):
    answer = client.get("/api/v1/regions/atlantis")

    assert answer.status_code == 404
    assert "atlantis" in answer.json()["detail"]


def test_albuquerque_public_schools(client, labour_market):
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
    assert market["top_by_openings"][0]["soc"] == "35-2014"
    assert market["top_by_openings"][0]["median_annual"] == 33280
    assert market["cluster_mix"][0]["employment"] == 10100


def test_unknown_district_is_404_and_a_malformed_id_422(client, labour_market):
    unknown = client.get("/api/v1/districts/3599999")
    assert unknown.status_code == 404
    assert "3599999" in unknown.json()["detail"]

    malformed = client.get("/api/v1/districts/APS")
    assert malformed.status_code == 422
    assert "nces_id" in malformed.json()["detail"]
