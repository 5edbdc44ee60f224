"""POST /api/v1/budget over the real data: the real HUD rents it starts from, and matches that
are real New Mexico wage estimates. Taxes, credits, sources, choices and errors are checked on
the tiny labour market in test_api.py."""

from decimal import Decimal

import pytest
from ninja.testing import TestClient

from pathways.api.v1.budget import router
from pathways.occupations.models import WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(router)


def housing(api: TestClient, **household: object) -> Decimal:
    body = api.post("", json=household).json()
    return Decimal(str(body["expenses"]["housing"]))


@pytest.mark.parametrize(
    ("household", "rent"),
    [
        ({"county_fips": "35001", "children": 1}, 1464),  # Bernalillo, 2 bedrooms (HUD FY2026)
        ({"county_fips": "35049"}, 1259),  # Santa Fe studio, one adult
        ({"county_fips": "35028", "bedrooms": 2}, 1740),  # Los Alamos, 2 bedrooms chosen
        ({"county_fips": "35001", "bedrooms": "share"}, 732),  # half of Bernalillo's $1,464
    ],
)
def test_housing_starts_from_the_real_fair_market_rent(api, real_data, household, rent):
    assert housing(api, **household) == rent


def test_matches_are_real_wage_estimates_that_pay_enough(api, real_data):
    body = api.post("", json={"county_fips": "35001", "children": 1}).json()
    required = body["required_annual"]
    assert body["area_code"] == "0010740" and not body["area_is_state_fallback"]
    assert len(body["matches"]) > 20
    for match in body["matches"]:
        estimate = WageEstimate.objects.get(area_id=match["area_code"], soc_code=match["soc"])
        assert match["top_coded"] or match["median_annual"] >= required
        assert match["median_annual"] == estimate.median_annual or estimate.median_annual is None
    assert 0 < Decimal(str(body["share_of_jobs_percent"])) < 100
