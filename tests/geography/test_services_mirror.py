"""Labour markets over the real data: full top-ten lists, all fourteen clusters' shares and
real HUD rents. The services' behaviour on the tiny labour market is in test_services.py."""

from decimal import Decimal

import pytest

from pathways.geography import services
from pathways.geography.models import County, OewsArea
from pathways.occupations import markets
from pathways.occupations.models import StateProjectionEstimate, WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_statewide_labour_market_when_there_is_no_area(real_data):
    market = markets.labour_market(None)
    assert market.is_state_fallback
    assert market.area.code == "3500000"
    assert len(market.top_by_openings) == markets.TOP_N
    openings = [r.annual_openings for r in market.top_by_openings]
    assert openings == sorted(openings, reverse=True)
    state = dict(StateProjectionEstimate.objects.values_list("soc_code", "annual_openings"))
    assert all(r.annual_openings == state[r.soc] for r in market.top_by_openings)
    assert market.total_employment == (
        WageEstimate.objects.get(area_id="3500000", soc_code="00-0000").employment
    )


def test_cluster_mix_shares_of_the_areas_jobs(real_data):
    market = markets.labour_market(OewsArea.objects.get(code="0010740"))
    mix = market.cluster_mix
    assert len(mix) == 14
    assert [s.employment for s in mix] == sorted((s.employment for s in mix), reverse=True)
    top = mix[0]
    assert market.total_employment
    assert top.percent_of_area == (
        Decimal(top.employment) * 100 / market.total_employment
    ).quantize(Decimal("0.1"))


def test_rents_are_the_latest_fiscal_year_by_bedrooms(real_data):
    bernalillo = County.objects.get(fips="35001")
    rents = services.rents(bernalillo)
    assert [(r.fiscal_year, r.bedrooms) for r in rents] == [(2026, n) for n in range(5)]
    assert rents[2].monthly_rent == 1464
    assert services.rents(County(fips="35999")) == []
