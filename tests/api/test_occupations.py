"""GET /api/v1/occupations and /api/v1/occupations/{soc} on the tiny labour market. Real New
Mexico figures and full-size lists are checked in test_occupations_mirror.py."""

import pytest

from pathways.datasets.registry import get_source
from tests.api.occupation_rows import ROW_FIELDS, row, rows

pytestmark = pytest.mark.django_db
STATE = "3500000"
ALBUQUERQUE = "0010740"


def test_registered_nurses_row_carries_the_fixtures_figures(client, labour_market):
    nurses = row(client, "29-1141", "?q=nurse")

    assert set(nurses) >= ROW_FIELDS
    assert (nurses["median_annual"], nurses["median_hourly"]) == (88400, 42.5)
    assert isinstance(nurses["median_hourly"], float)  # a JSON number, not a string
    assert (nurses["area_code"], nurses["area_name"]) == (STATE, "New Mexico")
    assert nurses["area_fallback"] is False
    assert nurses["top_coded"] is False
    # 190.0 thousand national openings x 17,500 / 3,300,000 workers
    assert nurses["annual_openings"] == 1008
    assert nurses["openings_is_estimate"] is True
    assert nurses["growth_percent"] == 5.2
    assert isinstance(nurses["growth_percent"], float)
    assert nurses["typical_education"] == "Bachelor's degree"
    assert nurses["job_zone"] == 3
    assert (nurses["wage_source"], nurses["wage_period"]) == ("BLS OEWS", "May 2025")
    assert nurses["projections_source"] == "BLS Employment Projections"


def test_top_coded_median_is_null_with_a_flag(client, labour_market):
    cardiologists = row(client, "29-1212", "?q=cardiologist")

    assert cardiologists["median_annual"] is None
    assert cardiologists["median_hourly"] is None
    assert cardiologists["top_coded"] is True


def test_hourly_only_median_is_null_annual_with_a_flag(client, labour_market):
    actors = row(client, "27-2011", "?q=actor")

    assert actors["median_annual"] is None
    assert actors["median_hourly"] == 23.75
    assert actors["hourly_only"] is True
    assert actors["top_coded"] is False


def test_search_finds_registered_nurses_first_by_relevance(client, labour_market):
    assert {r["soc"] for r in rows(client, "?q=nurse")} == {"29-1141", "29-1171"}
    assert rows(client, "?q=registered+nurse&sort=relevance")[0]["soc"] == "29-1141"
    # Spanish: Registered Nurses' O*NET title "Enfermera", both occupations' Spanish titles.
    assert {r["soc"] for r in rows(client, "?q=enfermera")} == {"29-1141", "29-1171"}


def test_default_is_by_openings_largest_first(client, labour_market):
    assert [(r["soc"], r["annual_openings"]) for r in rows(client)] == [
        ("35-2014", 1400),
        ("25-9045", 1095),
        ("29-1141", 1008),
        ("47-2111", 425),
        ("29-1171", 196),
        ("25-2031", 67),
        ("27-2011", 53),
        ("29-1212", 5),
    ]
    assert len(rows(client, "?limit=3")) == 3


def test_sort_by_median_wage_and_growth(client, labour_market):
    by_wage = [r["soc"] for r in rows(client, "?sort=median_wage")]
    # The top-coded cardiologists rank at the cap; the hourly-only actors at 2,080 hours.
    assert by_wage == ["29-1212", "29-1171", "29-1141", "25-2031", "47-2111", "27-2011",
                       "25-9045", "35-2014"]  # fmt: skip
    by_growth = [(r["soc"], r["growth_percent"]) for r in rows(client, "?sort=growth&limit=3")]
    assert by_growth == [("29-1171", 40.1), ("47-2111", 9.0), ("35-2014", 6.8)]


def test_cluster_filter_gives_the_cluster_occupations(client, labour_market):
    found = rows(client, "?cluster=health-science&limit=500")

    assert {r["soc"] for r in found} == {"29-1141", "29-1171", "29-1212"}


def test_cluster_and_search_combine(client, labour_market):
    found = rows(client, "?cluster=healthcare-human-services&q=registered")

    assert [r["soc"] for r in found] == ["29-1141"]
    assert rows(client, "?cluster=construction&q=nurse") == []


def test_region_wages_come_from_its_primary_oews_area(client, labour_market):
    nurses = row(client, "29-1141", "?q=nurse&region=central")

    assert (nurses["area_code"], nurses["area_name"]) == (ALBUQUERQUE, "Albuquerque, NM")
    assert nurses["median_annual"] == 91520
    assert nurses["area_fallback"] is False
    assert nurses["openings_scaled_to_area"] is True
    assert nurses["annual_openings"] == 524  # 1,008 x 9,100 / 17,500


def test_region_without_an_estimate_falls_back_to_statewide_visibly(client, labour_market):
    electricians = row(client, "47-2111", "?q=electrician&region=eastern")

    assert electricians["area_code"] == STATE
    assert electricians["area_fallback"] is True
    assert electricians["median_annual"] == 58240


@pytest.mark.parametrize(
    "query",
    ["?sort=salary", "?region=atlantis", "?cluster=nope", "?limit=0", "?limit=many"],
)
def test_bad_list_parameters_are_4xx_with_a_message(client, labour_market, query):
    answer = client.get(f"/api/v1/occupations{query}")

    assert 400 <= answer.status_code < 500
    assert answer.json()["detail"]


def test_occupation_profile(client, labour_market):
    answer = client.get("/api/v1/occupations/29-1141")

    assert answer.status_code == 200
    profile = answer.json()
    assert profile["title"] == "Registered Nurses"
    assert profile["description"] == "Registered Nurses do the work of registered nurses."
    assert profile["job_zone"] == 3
    ratings = {k: v for k, v in profile["riasec"].items() if k not in ("source", "vintage")}
    assert ratings == {"R": 1.5, "I": 4.5, "A": 1.5, "S": 6.5, "E": 1.5, "C": 5.5}
    assert profile["riasec"]["source"] == get_source("onet").title
    assert profile["attribution"] == get_source("onet").attribution
    assert "CC BY 4.0" in profile["attribution"]
    education = profile["education"]
    assert education["typical_entry"] == "Bachelor's degree"
    # Every category O*NET publishes, a flagged one marked rather than dropped.
    assert education["required_level_shares"] == [
        {"label": "Bachelor's degree", "percent": 61.5, "less_reliable": False},
        {"label": "Associate's degree", "percent": 27.25, "less_reliable": False},
        {"label": "Postsecondary certificate", "percent": 11.25, "less_reliable": True},
    ]
    assert education["required_level_source"] == get_source("onet").title
    assert education["typical_entry_source"] == get_source("bls_ep").title
    assert [c["code"] for c in profile["clusters"]["2024"]] == ["healthcare-human-services"]
    assert [c["code"] for c in profile["clusters"]["legacy"]] == ["health-science"]


def test_occupation_profile_wages_are_numbers_with_source(client, labour_market):
    wages = client.get("/api/v1/occupations/29-1141").json()["wages"]
    state = next(w for w in wages if w["area_code"] == STATE)

    assert (state["median_annual"], state["median_hourly"]) == (88400, 42.5)
    assert state["pct90_annual"] == 128180
    assert state["employment"] == 17500
    assert state["area_type"] == "state"
    assert (state["source"], state["period"]) == ("BLS OEWS", "May 2025")
    assert {w["area_code"] for w in wages} == {STATE, ALBUQUERQUE, "3500007", "0000000"}


def test_occupation_profile_top_coded_and_hourly_only_wages(client, labour_market):
    cardiologists = client.get("/api/v1/occupations/29-1212").json()["wages"]
    state = next(w for w in cardiologists if w["area_code"] == STATE)
    assert state["median_annual"] is None
    assert "median_annual" in state["top_coded"]
    assert state["pct25_annual"] == 208000

    actors = client.get("/api/v1/occupations/27-2011").json()["wages"]
    state = next(w for w in actors if w["area_code"] == STATE)
    assert (state["median_annual"], state["median_hourly"]) == (None, 23.75)
    assert state["hourly_only"] is True
    assert state["top_coded"] == []


def test_occupation_profile_projections_name_their_source(client, labour_market):
    projections = client.get("/api/v1/occupations/29-1141").json()["projections"]

    national = projections["national"]
    assert national["annual_openings_thousands"] == 190.0
    assert national["employment_2024"] == 3391000
    assert national["change_percent"] == 5.2
    assert (national["source"], national["period"]) == ("BLS Employment Projections", "2024-34")
    state = projections["state_estimate"]
    assert state["annual_openings"] == 1008
    assert state["is_estimate"] is True
    assert "share of national employment" in state["method"]
    assert "17,500 of 3,300,000" in state["method"]


def test_a_member_of_a_combined_code_gets_the_combined_wages(client, labour_market):
    profile = client.get("/api/v1/occupations/25-9042").json()

    assert profile["wages_merged_code"] == "25-9045"
    assert {w["oews_code"] for w in profile["wages"]} == {"25-9045"}
    state = next(w for w in profile["wages"] if w["area_code"] == STATE)
    assert state["median_annual"] == 33280


@pytest.mark.parametrize("soc", ["99-9999", "29-0000", "nurse", "29-11411"])
def test_unknown_or_malformed_occupation_is_4xx_naming_it(client, labour_market, soc):
    answer = client.get(f"/api/v1/occupations/{soc}")

    assert answer.status_code in (404, 422)
    assert answer.json()["detail"]
