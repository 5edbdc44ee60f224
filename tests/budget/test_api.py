"""POST /api/v1/budget (tested on its router until it is mounted) on the tiny labour market.
Real HUD rents are checked in test_api_mirror.py."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from ninja.testing import TestClient

from pathways.api.v1.budget import router
from pathways.budget.taxes import taxes_on
from pathways.budget.taxes.credits import nm_child_credit
from pathways.occupations.models import WageEstimate

pytestmark = pytest.mark.django_db


def money(value: float) -> Decimal:
    """A JSON number back to the exact amount it was written from."""
    return Decimal(str(value))


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(router)


def test_a_budget_with_defaults(api, labour_market):
    response = api.post(
        "",
        json={
            "county_fips": "35001",
            "adults": 1,
            "working_adults": 1,
            "children": 1,
            "expenses": {"child_care": 650, "phone_internet": "110.50", "transportation": 300},
        },
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    expenses = {k: money(v) for k, v in body["expenses"].items()}
    assert expenses["housing"] == 1240  # the fixture's 2 bedrooms for one adult and a child
    assert expenses["food"] == Decimal("551.21")
    assert expenses["health_care"] == Decimal("570.83")
    assert expenses["child_care"] == 650 and expenses["phone_internet"] == Decimal("110.50")
    assert set(body["defaulted"]) == {"housing", "food", "health_care", "savings", "debt_payments"}
    assert money(body["monthly_total"]) == sum(expenses.values())
    assert money(body["annual_expenses"]) == money(body["monthly_total"]) * 12
    assert body["filing_status"] == "head_of_household" and body["tax_year"] == 2025
    taxes = {k: money(v) for k, v in body["taxes"].items()}
    required = body["required_annual"]
    expected = taxes_on(required, "head_of_household", children=1, child_care=650 * 12)
    assert 0 <= required - taxes["total"] - money(body["annual_expenses"]) < 2
    assert taxes == {
        "federal": expected.federal,
        "fica": expected.fica.total,
        "state": expected.state,
        "credits": expected.credits.total,
        "total": expected.total,
    }
    credits = {c["credit"]: money(c["amount"]) for c in body["credits"]}
    assert sum(credits.values()) == taxes["credits"]
    assert credits["nm_child"] == nm_child_credit(Decimal(required), 1, 2025) > 0
    assert "child_tax_credit" in credits
    assert money(body["required_hourly"]) == (Decimal(required) / 2080).quantize(Decimal("0.01"))
    assert body["area_code"] == "0010740" and not body["area_is_state_fallback"]
    assert body["matches"]
    for match in body["matches"]:
        estimate = WageEstimate.objects.get(area_id=match["area_code"], soc_code=match["soc"])
        assert match["top_coded"] or match["median_annual"] >= required
        if estimate.median_annual is not None:
            assert match["median_annual"] == estimate.median_annual
    assert 0 < money(body["share_of_jobs_percent"]) < 100


def test_missing_categories_take_defaults_or_count_as_zero(api, labour_market):
    body = api.post("", json={"county_fips": "35009"}).json()
    assert money(body["expenses"]["housing"]) == 650  # the fixture's Curry studio, one adult
    assert money(body["expenses"]["child_care"]) == 0
    assert money(body["expenses"]["transportation"]) == Decimal("509.33")
    assert set(body["missing"]) == {"clothing_personal_care", "entertainment"}
    assert money(body["expenses"]["phone_internet"]) == Decimal("53.38")  # 1,281 / 2 / 12


def test_every_category_comes_with_its_source(api, labour_market):
    body = api.post("", json={"county_fips": "35001", "expenses": {"entertainment": 60}}).json()
    categories = {c["category"]: c for c in body["categories"]}
    assert list(categories) == list(body["expenses"])
    assert categories["entertainment"]["origin"] == "entered"
    assert categories["clothing_personal_care"]["origin"] == "missing"
    for key in (
        "housing",
        "food",
        "transportation",
        "health_care",
        "child_care",
        "savings",
        "phone_internet",
    ):
        assert categories[key]["origin"] == "default"
        assert categories[key]["source"]["url"].startswith("http"), key
        assert categories[key]["source"]["vintage"], key
        assert categories[key]["method"], key


def test_a_low_wage_single_worker_gets_the_earned_income_credits(api, labour_market):
    payload = {"county_fips": "35029", "transport": "none", "expenses": {"housing": 300}}
    body = api.post("", json=payload).json()
    assert body["required_annual"] < 19104  # where the credit for workers without children ends
    credits = {c["credit"]: c for c in body["credits"]}
    assert credits["earned_income"]["refundable"] is True
    assert money(credits["nm_working_families"]["amount"]) == (
        money(credits["earned_income"]["amount"]) * Decimal("0.25")
    ).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_transport_by_transit_in_albuquerque_is_free(api, labour_market):
    body = api.post("", json={"county_fips": "35001", "transport": "transit"}).json()
    assert money(body["expenses"]["transportation"]) == 0
    categories = {c["category"]: c for c in body["categories"]}
    assert "ABQ RIDE" in categories["transportation"]["source"]["title"]


def test_a_county_without_a_wage_area_is_compared_with_statewide_wages(api, labour_market):
    body = api.post("", json={"county_fips": "35003", "expenses": {"housing": 700}}).json()
    assert body["area_code"] == "3500000" and body["area_is_state_fallback"] is True
    assert {m["area_code"] for m in body["matches"]} == {"3500000"}


def test_bedrooms_choose_the_rent(api, labour_market):
    body = api.post("", json={"county_fips": "35009", "bedrooms": 2}).json()
    assert money(body["expenses"]["housing"]) == 900
    body = api.post("", json={"county_fips": "35009", "bedrooms": 4}).json()
    assert money(body["expenses"]["housing"]) == 1400


def test_lifestyle_choices_set_their_categories(api, labour_market):
    plain = api.post("", json={"county_fips": "35001"}).json()
    chosen = api.post(
        "",
        json={
            "county_fips": "35001",
            "bedrooms": "share",
            "savings_level": "none",
            "phone_plan": "none",
        },
    ).json()
    expenses = {k: money(v) for k, v in chosen["expenses"].items()}
    assert expenses["housing"] == 620  # half of the fixture's Bernalillo two bedrooms, $1,240
    assert expenses["savings"] == 0 and expenses["phone_internet"] == 0
    assert money(plain["expenses"]["savings"]) > 0
    assert chosen["required_hourly"] < plain["required_hourly"]
    assert chosen["choices"] == {
        "bedrooms": "share",
        "transport": "used_car",
        "miles": None,
        "savings_level": "none",
        "phone_plan": "none",
    }
    methods = {c["category"]: c["method"] for c in chosen["categories"]}
    assert "Sharing a two-bedroom apartment" in methods["housing"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"county_fips": "99999"}, "Unknown county_fips"),
        ({"county_fips": "35001", "adults": 0}, "adults"),
        ({"county_fips": "35001", "adults": 1, "working_adults": 2}, "working_adults"),
        ({"county_fips": "35001", "working_adults": 0}, "working_adults"),
        ({"county_fips": "35001", "expenses": {"food": -10}}, "negative"),
        ({"county_fips": "35001", "expenses": {"yachts": 10}}, "Unknown categories yachts"),
        ({"county_fips": "35001", "expenses": {"food": "lots"}}, "expenses.food"),
        ({"county_fips": "35001", "bedrooms": 7}, "bedrooms"),
        ({"county_fips": "35001", "children": 2.5}, "children"),
        ({"county_fips": "35001", "expenses": {"food": "9" * 27}}, "more than $100,000"),
        ({"county_fips": "35001", "expenses": {"food": 1e300}}, "expenses.food"),
        ({"county_fips": "35001", "transport": "rocket"}, "transport"),
        ({"county_fips": "35001", "transport": "car", "miles": 10**30}, "miles"),
        ({"county_fips": "35001", "savings_level": "all"}, "savings_level"),
        ({"county_fips": "35001", "savings_level": ["more"]}, "savings_level"),
        ({"county_fips": "35001", "phone_plan": "tin-can"}, "phone_plan"),
        ({"county_fips": "35001", "bedrooms": "half"}, "bedrooms"),
    ],
)
def test_invalid_input_gets_a_422_with_a_message(api, labour_market, payload, message):
    response = api.post("", json=payload)
    assert response.status_code == 422
    assert message in response.json()["detail"]
