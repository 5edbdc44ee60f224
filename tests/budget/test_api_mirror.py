"""POST /api/v1/budget over the real data: real HUD rents as defaults. The answer's
taxes, credits, sources and errors are checked on the tiny labour market in test_api.py."""

from decimal import Decimal

import pytest
from ninja.testing import TestClient

from pathways.api.v1.budget import router
from pathways.budget.taxes import taxes_on
from pathways.budget.taxes.credits import nm_child_credit
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


def test_missing_categories_take_defaults_or_count_as_zero(api, real_data):
    body = api.post("", json={"county_fips": "35049"}).json()
    assert money(body["expenses"]["housing"]) == 1259  # Santa Fe studio, one adult
    assert money(body["expenses"]["child_care"]) == 0
    assert money(body["expenses"]["transportation"]) == Decimal("509.33")
    assert set(body["missing"]) == {"clothing_personal_care", "entertainment"}
    assert money(body["expenses"]["phone_internet"]) == Decimal("53.38")  # 1,281 / 2 / 12


def test_bedrooms_choose_the_rent(api, real_data):
    body = api.post("", json={"county_fips": "35028", "bedrooms": 2}).json()
    assert money(body["expenses"]["housing"]) == 1740


def test_lifestyle_choices_set_their_categories(api, real_data):
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
    assert expenses["housing"] == 732  # half of Bernalillo's two-bedroom rent, $1,464
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
