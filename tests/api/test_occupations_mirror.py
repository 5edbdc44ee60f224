"""GET /api/v1/occupations and /api/v1/occupations/{soc} over the real data: real New Mexico
figures, full-size lists and query bounds. The answers' shape, flags and errors are
checked on the tiny labour market in test_occupations.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.datasets.registry import get_source
from pathways.occupations.models import NationalProjection, StateProjectionEstimate, WageEstimate
from tests.api.occupation_rows import row, rows

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
STATE = "3500000"
ALBUQUERQUE = "0010740"


def test_registered_nurses_new_mexico_median_is_the_oews_value(client, real_data):
    nurses = row(client, "29-1141", "?q=nurse")
    published = WageEstimate.objects.get(area_id=STATE, soc_code="29-1141")

    assert nurses["median_annual"] == published.median_annual == 94340
    assert nurses["median_hourly"] == float(published.median_hourly)
    assert (nurses["area_code"], nurses["area_name"]) == (STATE, "New Mexico")
    assert nurses["area_fallback"] is False
    assert nurses["top_coded"] is False
    expected = StateProjectionEstimate.objects.get(soc_code="29-1141").annual_openings
    assert nurses["annual_openings"] == expected
    assert nurses["openings_is_estimate"] is True
    assert nurses["growth_percent"] == 4.9
    assert nurses["typical_education"] == "Bachelor's degree"
    assert nurses["job_zone"] == 4
    assert (nurses["wage_source"], nurses["wage_period"]) == ("BLS OEWS", "May 2025")
    assert nurses["projections_source"] == "BLS Employment Projections"


def test_hourly_only_median_is_null_annual_with_a_flag(client, real_data):
    musicians = row(client, "27-2042", "?q=musician")
    published = WageEstimate.objects.get(area_id=STATE, soc_code="27-2042")

    assert musicians["median_annual"] is None
    assert musicians["median_hourly"] == float(published.median_hourly)
    assert musicians["hourly_only"] is True
    assert musicians["top_coded"] is False


def test_search_nurse_finds_registered_nurses_first_by_relevance(client, real_data):
    assert "29-1141" in {r["soc"] for r in rows(client, "?q=nurse")}
    assert rows(client, "?q=nurse&sort=relevance")[0]["soc"] == "29-1141"
    assert rows(client, "?q=enfermera&sort=relevance")[0]["soc"] == "29-1141"


def test_default_is_50_rows_by_openings_largest_first(client, real_data):
    found = rows(client)

    assert len(found) == 50
    openings = [r["annual_openings"] for r in found]
    assert None not in openings
    assert openings == sorted(openings, reverse=True)


def test_sort_by_median_wage_and_growth(client, real_data):
    by_wage = rows(client, "?sort=median_wage&limit=20")
    wages = [r["median_annual"] for r in by_wage if r["median_annual"] is not None]
    assert wages == sorted(wages, reverse=True)

    by_growth = rows(client, "?sort=growth&limit=500")
    growth = [r["growth_percent"] for r in by_growth if r["growth_percent"] is not None]
    assert growth == sorted(growth, reverse=True)
    assert len(by_growth) == 500


def test_cluster_filter_gives_the_cluster_occupations(client, real_data):
    clusters = {c["code"]: c for c in client.get("/api/v1/clusters?framework=legacy").json()}
    found = rows(client, "?cluster=health-science&limit=500")

    assert len(found) == clusters["health-science"]["occupation_count"]
    assert "29-1141" in {r["soc"] for r in found}
    assert "41-2031" not in {r["soc"] for r in found}  # retail salespersons


def test_region_without_an_estimate_falls_back_to_statewide_visibly(client, real_data):
    assert not WageEstimate.objects.filter(area_id="3500007", soc_code="27-2042").exists()
    musicians = row(client, "27-2042", "?q=musician&region=eastern")

    assert musicians["area_code"] == STATE
    assert musicians["area_fallback"] is True


def test_occupation_profile(client, real_data):
    answer = client.get("/api/v1/occupations/29-1141")

    assert answer.status_code == 200
    profile = answer.json()
    assert profile["title"] == "Registered Nurses"
    assert profile["description"].startswith("Assess patient health problems")
    assert profile["job_zone"] == 4
    ratings = {k: v for k, v in profile["riasec"].items() if k not in ("source", "vintage")}
    assert set(ratings) == set("RIASEC")
    assert all(isinstance(v, float) for v in ratings.values())
    assert profile["riasec"]["source"] == get_source("onet").title
    assert profile["attribution"] == get_source("onet").attribution
    assert "CC BY 4.0" in profile["attribution"]
    education = profile["education"]
    assert education["typical_entry"] == "Bachelor's degree"
    shares = education["required_level_shares"]
    assert {"label", "percent", "less_reliable"} == set(shares[0])
    # Every category O*NET publishes, its flagged largest one marked rather than dropped.
    assert len(shares) == 12
    assert shares[0] == {"label": "Bachelor's degree", "percent": 55.92, "less_reliable": True}
    assert education["required_level_source"] == get_source("onet").title
    assert education["typical_entry_source"] == get_source("bls_ep").title
    assert "healthcare-human-services" in {c["code"] for c in profile["clusters"]["2024"]}
    assert "health-science" in {c["code"] for c in profile["clusters"]["legacy"]}


def test_occupation_profile_wages_are_numbers_with_source(client, real_data):
    wages = client.get("/api/v1/occupations/29-1141").json()["wages"]
    state = next(w for w in wages if w["area_code"] == STATE)
    published = WageEstimate.objects.get(area_id=STATE, soc_code="29-1141")

    assert state["median_annual"] == published.median_annual == 94340
    assert state["median_hourly"] == float(published.median_hourly)
    assert state["pct90_annual"] == published.pct90_annual
    assert state["employment"] == published.employment
    assert state["area_type"] == "state"
    assert (state["source"], state["period"]) == ("BLS OEWS", "May 2025")
    assert {w["area_code"] for w in wages} >= {STATE, ALBUQUERQUE, "0000000"}


def test_occupation_profile_projections_name_their_source(client, real_data):
    projections = client.get("/api/v1/occupations/29-1141").json()["projections"]
    published = NationalProjection.objects.get(soc_code="29-1141")
    estimate = StateProjectionEstimate.objects.get(soc_code="29-1141")

    national = projections["national"]
    assert national["annual_openings_thousands"] == float(published.annual_openings) == 189.1
    assert national["employment_2024"] == published.employment_2024 * 1000
    assert national["change_percent"] == 4.9
    assert (national["source"], national["period"]) == ("BLS Employment Projections", "2024-34")
    state = projections["state_estimate"]
    assert state["annual_openings"] == estimate.annual_openings
    assert state["is_estimate"] is True
    assert "share of national employment" in state["method"]


def test_occupation_published_under_a_merged_oews_code(client, real_data):
    profile = client.get("/api/v1/occupations/13-1021").json()

    assert profile["wages_merged_code"] == "13-1020"
    assert {w["oews_code"] for w in profile["wages"]} == {"13-1020"}


def test_list_queries_do_not_grow_with_rows(client, real_data, django_assert_max_num_queries):
    counts = []
    for query in ("?limit=5", "?limit=500", "?region=central&limit=500&sort=median_wage"):
        client.get(f"/api/v1/occupations{query}")  # the search index and caches are warm
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/api/v1/occupations{query}")
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(13):
        client.get("/api/v1/occupations?limit=500")
    with django_assert_max_num_queries(18):
        client.get("/api/v1/occupations?q=tech&cluster=health-science&region=northern")
    with django_assert_max_num_queries(23):
        client.get("/api/v1/occupations/29-1141")
