"""Which OEWS area describes a place, and that area's labour market, on the tiny labour
market. Full top-ten lists, fourteen clusters and real rents are in test_services_mirror.py."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from pathways.geography import services
from pathways.geography.charts import VALUE_SPACE, horizontal_bars
from pathways.geography.models import County, FairMarketRent, OewsArea
from pathways.geography.services import AreaBasis
from pathways.occupations import markets
from pathways.occupations.models import StateProjectionEstimate, WageEstimate

pytestmark = pytest.mark.django_db


def test_regions_come_with_counties_and_areas_in_three_queries(
    labour_market, django_assert_num_queries
):
    with django_assert_num_queries(3):
        found = services.regions()
        counties = {r.slug: [c.name for c in r.counties.all()] for r in found}
        areas = {r.slug: sorted(a.code for a in r.oews_areas.all()) for r in found}
        [c.oews_area for r in found for c in r.counties.all()]
    assert counties["central"] == ["Bernalillo", "Sandoval", "Torrance", "Valencia"]
    assert sum(len(names) for names in counties.values()) == 33
    assert areas["northern"] == ["0022140", "0042140", "3500006"]
    assert services.region("atlantis") is None


def test_coverage_names_the_counties_each_area_describes(labour_market):
    northern = services.region("northern")
    assert northern is not None
    areas, unmatched = services.coverage(northern)
    assert [a.area.code for a in areas] == ["3500006", "0022140", "0042140"]  # primary first
    assert [a.is_primary for a in areas] == [True, False, False]
    assert [c.name for c in areas[1].counties] == ["San Juan"]
    assert [c.name for c in areas[2].counties] == ["Santa Fe"]
    assert unmatched == []
    southwestern = services.region("southwestern")
    assert southwestern is not None
    areas, unmatched = services.coverage(southwestern)
    assert [c.name for c in areas[0].counties] == ["Doña Ana"]
    assert [c.name for c in unmatched] == [
        "Catron",
        "Grant",
        "Hidalgo",
        "Luna",
        "Sierra",
        "Socorro",
    ]


def test_statewide_labour_market_when_there_is_no_area(labour_market):
    market = markets.labour_market(None)
    assert market.is_state_fallback
    assert market.area.code == "3500000"
    # All eight occupations with a state estimate (fewer than the top ten), largest first.
    openings = [(r.soc, r.annual_openings) for r in market.top_by_openings]
    assert openings == [("35-2014", 1400), ("25-9045", 1095), ("29-1141", 1008),
                        ("47-2111", 425), ("29-1171", 196), ("25-2031", 67), ("27-2011", 53),
                        ("29-1212", 5)]  # fmt: skip
    state = dict(StateProjectionEstimate.objects.values_list("soc_code", "annual_openings"))
    assert all(r.annual_openings == state[r.soc] for r in market.top_by_openings)
    assert market.total_employment == 850000  # the fixture's all-occupations row


def test_area_openings_are_the_state_estimate_scaled_by_employment_share(labour_market):
    market = markets.labour_market(OewsArea.objects.get(code="0010740"))
    assert not market.is_state_fallback
    row = market.top_by_openings[0]
    assert row.openings_scaled_to_area
    local = WageEstimate.objects.get(area_id="0010740", soc_code=row.soc).employment
    statewide = WageEstimate.objects.get(area_id="3500000", soc_code=row.soc).employment
    state_openings = StateProjectionEstimate.objects.get(soc_code=row.soc).annual_openings
    assert row.annual_openings == round(Decimal(state_openings) * local / statewide)
    assert all(r.wage and r.wage.area.code == "0010740" for r in market.top_by_wage)
    for r in market.top_by_growth:
        assert (r.wage.estimate.employment or 0) >= markets.GROWTH_MIN_EMPLOYMENT


def test_cluster_mix_shares_of_the_areas_jobs(labour_market):
    market = markets.labour_market(None)
    # Healthcare: 17,500 nurses, 1,900 practitioners and 90 cardiologists of 850,000 jobs.
    assert [(s.code, s.employment, s.percent_of_area) for s in market.cluster_mix] == [
        ("healthcare-human-services", 19490, Decimal("2.3")),
        ("education", 15900, Decimal("1.9")),
        ("hospitality-events-tourism", 9800, Decimal("1.2")),
        ("construction", 4200, Decimal("0.5")),
        ("arts-entertainment-design", 400, Decimal("0.0")),
    ]
    # Albuquerque publishes no all-occupations total: no share is made up.
    albuquerque = markets.labour_market(OewsArea.objects.get(code="0010740"))
    assert albuquerque.cluster_mix[0].employment == 10100
    assert {s.percent_of_area for s in albuquerque.cluster_mix} == {None}


def test_which_area_describes_a_district(labour_market):
    albuquerque = services.district_with_place("3500060")
    assert albuquerque is not None
    chosen = services.place_area(albuquerque)
    assert (chosen.area.code, chosen.basis, chosen.confirmed) == ("0010740", AreaBasis.OWN, True)
    cobre = services.district_with_place("3500600")  # Grant County: area not confirmed
    assert cobre is not None
    chosen = services.place_area(cobre)
    assert (chosen.area.code, chosen.basis, chosen.confirmed) == ("3500000", AreaBasis.STATE, False)
    assert markets.district_market(cobre).market.area.code == "3500000"
    assert chosen == services.place_area(cobre.county)  # the county's own answer
    assert services.district_with_place("0000000") is None


def test_county_market_falls_back_to_statewide(labour_market):
    grant = services.county("35017")
    assert grant is not None
    found = markets.county_market(grant)
    assert found.basis == AreaBasis.STATE
    assert found.market.is_state_fallback
    bernalillo = services.county("35001")
    assert bernalillo is not None
    assert markets.county_market(bernalillo).market.area.code == "0010740"


def test_region_market_by_area_code(labour_market):
    northern = services.region("northern")
    assert northern is not None
    primary = markets.region_market(northern)
    assert primary is not None and primary.market.area.code == "3500006"
    santa_fe = markets.region_market(northern, "0042140")
    assert santa_fe is not None and santa_fe.market.area.code == "0042140"
    assert markets.region_market(northern, "0010740") is None


def test_cached_labour_market_is_the_same_and_costs_one_query(
    labour_market, django_assert_num_queries
):
    cache.clear()
    area = OewsArea.objects.get(code="0042140")
    fresh = markets.cached_labour_market(area)
    with django_assert_num_queries(1):
        again = markets.cached_labour_market(area)
    assert [r.soc for r in again.top_by_openings] == [r.soc for r in fresh.top_by_openings]
    assert again.cluster_mix == markets.labour_market(area).cluster_mix


def test_districts_filter_by_region_and_county(labour_market):
    assert len(services.districts()) == 89
    central = services.districts(region_slug="central")
    assert {d.county.region_id for d in central} == {"central"}
    assert [d.name for d in services.districts(county_fips="35017")] == [
        "Cobre Consolidated Schools",
        "Silver City Consolidated Schools",
    ]
    assert services.districts(region_slug="central", county_fips="35017") == []


def test_rents_are_the_latest_fiscal_year_by_bedrooms(labour_market):
    bernalillo = County.objects.get(fips="35001")
    FairMarketRent.objects.create(
        county=bernalillo, fiscal_year=2025, bedrooms=2, monthly_rent=1100
    )
    rents = services.rents(bernalillo)
    assert [(r.fiscal_year, r.bedrooms) for r in rents] == [(2026, n) for n in range(5)]
    assert [r.monthly_rent for r in rents] == [900, 1000, 1240, 1700, 2000]
    assert services.rents(County(fips="35999")) == []


def test_bar_chart_geometry():
    chart = horizontal_bars([("A", 200), ("B", 100), ("C", 0)])
    lengths = [bar.length for bar in chart.bars]
    assert lengths[0] == chart.width - VALUE_SPACE
    assert lengths[1] == lengths[0] // 2
    assert lengths[2] == 1  # a zero stays visible as a sliver
    assert all(
        isinstance(v, int) for bar in chart.bars for v in vars(bar).values() if v != bar.label
    )
    assert chart.bars[1].bar_y > chart.bars[0].bar_y + chart.bar_height
    assert horizontal_bars([]).height == 0


@pytest.mark.django_db
def test_one_rule_gives_a_county_and_its_districts_the_same_area():
    from tests.factories import load_state_profile

    load_state_profile()
    for county in County.objects.select_related("oews_area", "region"):
        chosen = services.place_area(county)
        for district in county.districts.select_related("county__oews_area"):
            assert services.place_area(district) == chosen
        if county.oews_area is None:
            assert (chosen.area.code, chosen.basis, chosen.confirmed) == (
                "3500000",
                AreaBasis.STATE,
                False,
            )
        else:
            assert chosen.area == county.oews_area
