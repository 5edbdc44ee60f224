"""POST /api/v1/budget (tested on its router until it is mounted)."""

from decimal import Decimal

import pytest
from ninja.testing import TestClient

from pathways.api.v1.budget import router
from pathways.budget.taxes import taxes_on
from pathways.occupations.models import WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def money(value: float) -> Decimal:
    """A JSON number back to the exact amount it was written from."""
    return Decimal(str(value))


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(router)


def test_a_budget_with_defaults(api, real_data):
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
    assert expenses["housing"] == 1464  # HUD FY2026, 2 bedrooms for one adult and a child
    assert expenses["food"] == Decimal("551.21")
    assert expenses["health_care"] == Decimal("570.83")
    assert expenses["child_care"] == 650 and expenses["phone_internet"] == Decimal("110.50")
    assert set(body["defaulted"]) == {"housing", "food", "health_care"}
    assert money(body["monthly_total"]) == sum(expenses.values())
    assert money(body["annual_expenses"]) == money(body["monthly_total"]) * 12
    assert body["filing_status"] == "head_of_household" and body["tax_year"] == 2025
    taxes = {k: money(v) for k, v in body["taxes"].items()}
    required = body["required_annual"]
    assert 0 <= required - sum(taxes.values()) - money(body["annual_expenses"]) < 1
    assert taxes == {
        "federal": taxes_on(required, "head_of_household").federal,
        "fica": taxes_on(required, "head_of_household").fica.total,
        "state": taxes_on(required, "head_of_household").state,
    }
    assert money(body["required_hourly"]) == (Decimal(required) / 2080).quantize(Decimal("0.01"))
    assert body["area_code"] == "0010740" and not body["area_is_state_fallback"]
    assert body["matches"]
    for match in body["matches"]:
        estimate = WageEstimate.objects.get(area_id=match["area_code"], soc_code=match["soc"])
        assert match["top_coded"] or match["median_annual"] >= required
        if estimate.median_annual is not None:
            assert match["median_annual"] == estimate.median_annual
    assert 0 < money(body["share_of_jobs_percent"]) < 100


def test_missing_categories_take_defaults_or_count_as_zero(api, real_data):
    body = api.post("", json={"county_fips": "35049"}).json()
    assert money(body["expenses"]["housing"]) == 1259  # Santa Fe studio, one adult
    assert money(body["expenses"]["child_care"]) == 0
    assert "transportation" in body["missing"] and "housing" not in body["missing"]


def test_a_county_without_a_wage_area_is_compared_with_statewide_wages(api, real_data):
    body = api.post("", json={"county_fips": "35003", "expenses": {"housing": 700}}).json()
    assert body["area_code"] == "3500000" and body["area_is_state_fallback"] is True
    assert {m["area_code"] for m in body["matches"]} == {"3500000"}


def test_bedrooms_choose_the_rent(api, real_data):
    body = api.post("", json={"county_fips": "35028", "bedrooms": 2}).json()
    assert money(body["expenses"]["housing"]) == 1740


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
    ],
)
def test_invalid_input_gets_a_422_with_a_message(api, real_data, payload, message):
    response = api.post("", json=payload)
    assert response.status_code == 422
    assert message in response.json()["detail"]
