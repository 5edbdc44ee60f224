"""Starting amounts: HUD rents for the county (checked against the HUD file itself), USDA food
costs, the IRS mileage rate and KFF premiums, and the categories that have no default."""

import statistics
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from pathways.budget.calculation import build_budget
from pathways.budget.defaults import (
    default_bedrooms,
    defaults_for,
    food_default,
    health_default,
    housing_default,
    resolve_place,
    transportation_default,
)
from pathways.budget.scenario import Household, Scenario, TransportMode, parse_scenario
from pathways.geography.models import FairMarketRent

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.fixture(scope="module")
def hud_file(mirror) -> dict[str, list[int]]:
    """FY2026 rents straight from HUD's spreadsheet: county FIPS -> [0..4 bedrooms]."""
    rows = CalamineWorkbook.from_path(mirror / "hud_fmr" / "FY26_FMRs.xlsx")
    sheet = rows.get_sheet_by_name("FY26_FMRs").to_python()
    header = sheet[0]
    column = {name: header.index(name) for name in header}
    found = {}
    for row in sheet[1:]:
        if row[column["stusps"]] == "NM":
            fips = str(row[column["fips"]])[:5]
            found[fips] = [int(row[column[f"fmr_{n}"]]) for n in range(5)]
    return found


@pytest.mark.parametrize(
    ("fips", "bedrooms", "rent"),
    [
        ("35001", 2, 1464),  # Bernalillo
        ("35049", 2, 1685),  # Santa Fe
        ("35028", 2, 1740),  # Los Alamos
        ("35001", 0, 1009),
        ("35049", 4, 2231),
        ("35028", 1, 1326),
    ],
)
def test_rent_default_is_hud_fair_market_rent(real_data, hud_file, fips, bedrooms, rent):
    default = housing_default(resolve_place(fips), bedrooms)
    assert default.amount == rent
    assert hud_file[fips][bedrooms] == rent
    assert default.citation.vintage == "FY2026"


@pytest.mark.parametrize("fips", ["35001", "35013", "35025", "35003", "35045", "35055"])
def test_every_size_matches_the_hud_file_and_the_loaded_table(real_data, hud_file, fips):
    place = resolve_place(fips)
    for bedrooms in range(5):
        loaded = FairMarketRent.objects.get(county_id=fips, fiscal_year=2026, bedrooms=bedrooms)
        assert housing_default(place, bedrooms).amount == loaded.monthly_rent
        assert loaded.monthly_rent == hud_file[fips][bedrooms]


def test_a_region_starts_from_the_median_of_its_counties(real_data, hud_file):
    place = resolve_place("northern")
    assert place.is_region and len(place.counties) == 10
    rents = [hud_file[c.fips][2] for c in place.counties]
    default = housing_default(place, 2)
    assert default.amount == Decimal(str(statistics.median(rents)))
    assert "median" in default.method


def test_default_apartment_sizes():
    assert default_bedrooms(Household(1, 1, 0)) == 0
    assert default_bedrooms(Household(2, 2, 0)) == 1
    assert default_bedrooms(Household(1, 1, 2)) == 2
    assert default_bedrooms(Household(2, 1, 4)) == 3
    assert default_bedrooms(Household(2, 1, 6)) == 4
    assert default_bedrooms(Household(4, 2, 0)) == 3


def test_food_from_usda_thrifty_food_plan_september_2025():
    # USDA's reference family (man and woman 20-50, children 6-8 and 9-11):
    # 312.20 + 248.90 + 204.60 + 236.50 = 1,002.20, no size adjustment for four.
    assert food_default(Household(2, 2, 2)).amount == Decimal("1002.20")
    # One adult: the average of woman and man, 280.55, plus USDA's 20% for one person.
    assert food_default(Household(1, 1, 0)).amount == Decimal("336.66")
    # One adult, one child: (280.55 + 220.55) x 1.10.
    assert food_default(Household(1, 1, 1)).amount == Decimal("551.21")
    # Five people: (2 x 280.55 + 3 x 220.55) = 1,222.75, less 5% = 1,161.6125.
    assert food_default(Household(2, 2, 3)).amount == Decimal("1161.61")
    assert food_default(Household(1, 1, 0)).citation.vintage == "September 2025"


def test_transportation_by_car_at_the_irs_rate():
    assert transportation_default(TransportMode.CAR, 1000, None).amount == Decimal("700.00")
    assert transportation_default(TransportMode.CAR, None, None).amount is None
    assert transportation_default(TransportMode.TRANSIT, 500, None).amount is None
    assert transportation_default(TransportMode.NONE, None, None).amount == 0


def test_a_car_costs_what_aaa_counts_for_2025():
    # AAA 2025: $11,577 a year for a new car; without depreciation ($4,334) and finance
    # charges ($1,131) an older, paid-off car costs $6,112 a year.
    assert transportation_default(TransportMode.NEW_CAR, None, None).amount == Decimal("964.75")
    assert transportation_default(TransportMode.USED_CAR, None, None).amount == Decimal("509.33")


def test_transit_is_free_only_where_the_county_system_charges_no_fare(real_data):
    for fips in ("35001", "35013"):  # ABQ RIDE, RoadRUNNER
        assert transportation_default(TransportMode.TRANSIT, None, resolve_place(fips)).amount == 0
    assert (
        transportation_default(TransportMode.TRANSIT, None, resolve_place("35029")).amount is None
    )


def test_health_care_is_the_average_worker_premium():
    assert health_default(Household(1, 1, 0)).amount == Decimal("120.00")  # 1,440 / 12
    assert health_default(Household(2, 1, 0)).amount == Decimal("570.83")  # 6,850 / 12


def test_categories_without_a_public_figure_start_empty(real_data):
    scenario = Scenario("35001", Household(1, 1, 1))
    defaults = defaults_for(scenario, resolve_place("35001"))
    empty = {key for key, d in defaults.items() if d.amount is None}
    assert empty == {"clothing_personal_care", "entertainment"}
    assert all(defaults[key].hint for key in empty)
    for key, d in defaults.items():
        if d.amount is not None and key != "debt_payments":  # no debt: a stated assumption
            assert d.citation.url.startswith("http") and d.citation.vintage, key


def test_child_care_starts_at_zero_with_new_mexicos_no_cost_child_care(real_data):
    default = defaults_for(Scenario("35001", Household(1, 1, 1)), resolve_place("35001"))
    assert default["child_care"].amount == 0
    assert default["child_care"].citation.url == "https://www.nmececd.org/universal"
    assert "November 2025" in default["child_care"].method


def test_savings_is_a_stated_share_of_the_other_costs(real_data):
    budget = build_budget(Scenario("35001", Household(1, 1, 0)), resolve_place("35001"))
    amounts = {line.category: line.amount for line in budget.lines}
    others = sum(v for k, v in amounts.items() if k != "savings" and v is not None)
    assert amounts["savings"] == (others * Decimal("0.05")).quantize(Decimal("0.01"))


def test_entered_amounts_replace_defaults_and_the_total_adds_up(real_data):
    scenario = Scenario(
        "35049",
        Household(1, 1, 0),
        entered={"housing": Decimal("1100"), "savings": Decimal("75.5")},
    )
    budget = build_budget(scenario, resolve_place("35049"))
    amounts = {line.category: line.amount for line in budget.lines}
    assert amounts["housing"] == Decimal("1100")
    assert amounts["food"] == Decimal("336.66")
    assert amounts["health_care"] == Decimal("120.00")
    car, phone = Decimal("509.33"), Decimal("53.38")  # an older, paid-off car; a cell plan
    assert budget.monthly_total == (
        Decimal("1100") + Decimal("336.66") + car + 120 + phone + Decimal("75.5")
    )
    assert budget.annual_expenses == budget.monthly_total * 12
    assert "child_care" not in {line.category for line in budget.missing}  # no children


def test_a_county_without_a_wage_area_uses_statewide_wages(real_data):
    catron = resolve_place("35003")
    assert catron.area.code == "3500000" and catron.area_is_state_fallback
    bernalillo = resolve_place("35001")
    assert bernalillo.area.code == "0010740" and not bernalillo.area_is_state_fallback
    assert resolve_place("99999") is None


def test_sharing_a_home_costs_half_a_two_bedroom(real_data):
    place = resolve_place("35001")
    scenario, errors = parse_scenario({"place": "35001", "bedrooms": "share"}, {"35001"})
    assert not errors and scenario.share_home and scenario.params()["bedrooms"] == "share"
    shared = defaults_for(scenario, place)["housing"]
    assert shared.amount == Decimal(1464) / 2  # HUD FY2026 two-bedroom, Bernalillo
    assert "roommate" in shared.method


def test_a_cell_phone_plan_for_each_adult(real_data):
    # BLS CE 2023: two-person households spent $1,281 a year on cell service; half, a month.
    one = defaults_for(Scenario("35001", Household(1, 1, 2)), resolve_place("35001"))
    two = defaults_for(Scenario("35001", Household(2, 1, 2)), resolve_place("35001"))
    assert one["phone_internet"].amount == Decimal("53.38")
    assert two["phone_internet"].amount == Decimal("106.75")
    assert one["phone_internet"].citation.vintage == "2023"


NM_MINIMUM_WAGE_2025 = Decimal("12.00")  # NMSA 1978 § 50-4-22, from 1 January 2023


def test_with_the_defaults_one_adult_in_bernalillo_needs_at_least_the_minimum_wage(real_data):
    budget = build_budget(Scenario("35001", Household(1, 1, 0)), resolve_place("35001"))
    assert budget.requirement().hourly >= NM_MINIMUM_WAGE_2025
    assert {line.category for line in budget.missing} == {
        "clothing_personal_care",
        "entertainment",
    }
