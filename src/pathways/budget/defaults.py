"""Where a budget is, and the amount each category starts from, with its source.

Housing starts from HUD's Fair Market Rent for the county and apartment size (FY2026, loaded by
the data pipeline); for a workforce region, from the median of its counties' rents. Food,
transportation (by the way the student gets around), health care, child care (New Mexico's
no-cost child care) and savings (the share the student chooses) start from the public figures
in `defaults.toml`, and so does phone (a cell plan per adult, or none); debt payments start at
none.
Clothing and personal care and entertainment have no default yet: the student enters them.
"""

import statistics
import tomllib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pathways.geography.models import County, FairMarketRent, OewsArea, WorkforceRegion
from pathways.geography.services import AreaBasis, place_area

from .scenario import (
    CATEGORIES,
    DEFAULT_PHONE,
    DEFAULT_SAVINGS,
    SAVINGS_LEVELS,
    Household,
    Scenario,
    TransportMode,
)

CENT = Decimal("0.01")
DEFAULTS_PATH = Path(__file__).with_name("defaults.toml")
BEDROOM_LABELS: dict[int, Promise] = {
    0: _("Studio (no separate bedroom)"),
    1: _("1 bedroom"),
    2: _("2 bedrooms"),
    3: _("3 bedrooms"),
    4: _("4 bedrooms"),
}
# Why a category starts empty: shown beside the field.
NO_DEFAULT_HINTS: dict[str, Promise] = {
    "transportation": _(
        "No default for transit here: enter what a monthly bus pass costs where you live."
    ),
    "clothing_personal_care": _(
        "No default: enter what you expect to spend a month on clothes, haircuts and toiletries."
    ),
    "entertainment": _("No default: enter what you want to spend a month on fun."),
}


@dataclass(frozen=True)
class Citation:
    title: str
    publisher: str
    url: str
    vintage: str


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(DEFAULTS_PATH.read_text(encoding="utf-8"))


def citation(key: str) -> Citation:
    entry = _data()[key]
    return Citation(entry["title"], entry["publisher"], entry["url"], entry["vintage"])


# Places --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    code: str  # county FIPS or region slug
    name: str
    is_region: bool
    counties: tuple[County, ...]  # the county itself, or the region's counties
    area: OewsArea  # the OEWS area whose wages describe the place
    area_is_state_fallback: bool  # True when statewide wages stand in


# (regions, counties), each a list of (code, name).
PlaceChoices = tuple[list[tuple[str, str]], list[tuple[str, str]]]


def place_choices() -> PlaceChoices:
    """(regions, counties) as (code, name) pairs for the form, each A-Z."""
    regions = [(r.slug, r.local_name) for r in WorkforceRegion.objects.order_by("name")]
    counties = [(c.fips, c.name) for c in County.objects.order_by("name")]
    return regions, counties


def resolve_place(code: str) -> Place | None:
    """A county by FIPS or a region by slug, with the OEWS area that describes it."""
    county = County.objects.select_related("oews_area").filter(fips=code).first()
    if county is not None:
        chosen = place_area(county)  # the one rule pages and the API use too
        fallback = chosen.basis == AreaBasis.STATE
        return Place(county.fips, county.name, False, (county,), chosen.area, fallback)
    region = WorkforceRegion.objects.select_related("primary_oews_area").filter(slug=code).first()
    if region is None:
        return None
    counties = tuple(region.counties.order_by("name"))
    return Place(region.slug, region.local_name, True, counties, place_area(region).area, False)


# Defaults ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Default:
    """A category's starting amount (None: no default) and where it comes from."""

    category: str
    amount: Decimal | None
    citation: Citation | None = None
    # How the amount was worked out from the source, in the page's language.
    method: str = ""
    hint: str = ""  # shown when there is no amount


def default_bedrooms(household: Household) -> int:
    """EPI's sizes: studio for one person, 1 bedroom for two adults, 2 for one or two children,
    3 for three or four; a bedroom more per adult beyond two; 4 (HUD's largest) at most."""
    if household.children == 0:
        base = 0 if household.adults == 1 else 1
    elif household.children <= 2:
        base = 2
    elif household.children <= 4:
        base = 3
    else:
        base = 4
    return min(4, base + max(0, household.adults - 2))


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def shared_housing_default(place: Place) -> Default:
    """Half the two-bedroom Fair Market Rent: one of two roommates."""
    whole = housing_default(place, 2)
    if whole.amount is None:
        return whole
    method = _("Sharing a two-bedroom apartment with a roommate: half of %(rent)s. %(how)s") % {
        "rent": f"${whole.amount:,.0f}",
        "how": whole.method,
    }
    return Default("housing", _money(whole.amount / 2), whole.citation, str(method))


def housing_default(place: Place, bedrooms: int) -> Default:
    rents = list(
        FairMarketRent.objects.filter(
            county__in=[c.fips for c in place.counties], bedrooms=bedrooms
        )
        .order_by("county_id", "-fiscal_year")
        .values_list("county_id", "fiscal_year", "monthly_rent", "hud_area_name")
    )
    latest: dict[str, tuple[int, int, str]] = {}
    for county, year, rent, area in rents:
        latest.setdefault(county, (year, rent, area))
    if not latest:
        return Default("housing", None, hint=str(_("No HUD rent is loaded for this place.")))
    years = sorted({year for year, _rent, _area in latest.values()})
    cite = Citation(
        title=str(_("HUD Fair Market Rents, FY%(year)s") % {"year": years[-1]}),
        publisher="U.S. Department of Housing and Urban Development",
        url="https://www.huduser.gov/portal/datasets/fmr.html",
        vintage=f"FY{years[-1]}",
    )
    size = BEDROOM_LABELS[bedrooms]
    if not place.is_region:
        year, rent, area = next(iter(latest.values()))
        method = _("%(size)s, %(county)s County (HUD area: %(area)s). Rent plus utilities.") % {
            "size": size,
            "county": place.name,
            "area": area,
        }
        return Default("housing", Decimal(rent), cite, str(method))
    values = [Decimal(rent) for _year, rent, _area in latest.values()]
    median = _money(Decimal(statistics.median(values)))
    method = _(
        "%(size)s: the median of the Fair Market Rents of the region's %(count)s counties "
        "(lowest %(low)s, highest %(high)s). Rent plus utilities."
    ) % {
        "size": size,
        "count": len(values),
        "low": f"${min(values):,.0f}",
        "high": f"${max(values):,.0f}",
    }
    return Default("housing", median, cite, str(method))


def food_default(household: Household) -> Default:
    food = _data()["food"]
    adult = (Decimal(food["female_20_50"]) + Decimal(food["male_20_50"])) / 2
    child = (Decimal(food["child_6_8"]) + Decimal(food["child_9_11"])) / 2
    adjustments = {int(size): Decimal(change) for size, change in food["size_adjustment"]}
    change = adjustments[min(household.size, max(adjustments))]
    amount = _money((adult * household.adults + child * household.children) * (1 + change))
    if change:
        adjusted = str(
            _("adjusted by %(change)s%% for a household of %(size)s, as USDA suggests")
            % {"change": f"{change * 100:+.0f}", "size": household.size}
        )
    else:
        adjusted = str(_("with no adjustment for a household of four, as USDA suggests"))
    method = _(
        "Each adult at the average of USDA's costs for a woman and a man aged 20 to 50 "
        "(%(adult)s), each child at the average for ages 6 to 8 and 9 to 11 (%(child)s), "
        "%(adjusted)s. Food bought at stores and cooked at home."
    ) % {
        "adult": f"${_money(adult):,.2f}",
        "child": f"${_money(child):,.2f}",
        "adjusted": adjusted,
    }
    return Default("food", amount, citation("food"), str(method))


def transportation_default(transport: str, miles: int | None, place: Place | None) -> Default:
    if transport == TransportMode.NONE:
        return Default(
            "transportation",
            Decimal(0),
            method=str(_("Walking or biking: no transportation cost unless you enter one.")),
        )
    if transport == TransportMode.TRANSIT:
        return transit_default(place)
    if transport in (TransportMode.USED_CAR, TransportMode.NEW_CAR):
        return car_default(transport)
    return car_by_the_mile_default(miles)


def car_default(transport: str) -> Default:
    car = _data()["car"]
    new = Decimal(car["new_annual"])
    if transport == TransportMode.NEW_CAR:
        method = _(
            "AAA's average cost of owning and running a new car, %(annual)s a year: loss of "
            "value, loan interest, fuel, repairs, tires, insurance, license and registration."
        ) % {"annual": f"${new:,.0f}"}
        return Default("transportation", _money(new / 12), citation("car"), str(method))
    running = new - Decimal(car["depreciation_annual"]) - Decimal(car["finance_annual"])
    method = _(
        "An older car that is paid off: AAA's yearly costs of a car (%(annual)s) without its "
        "loss of value and loan interest, leaving %(running)s a year for fuel, repairs, tires, "
        "insurance, license and registration."
    ) % {"annual": f"${new:,.0f}", "running": f"${running:,.0f}"}
    return Default("transportation", _money(running / 12), citation("car"), str(method))


def transit_default(place: Place | None) -> Default:
    """$0 where every county of the place has a fare-free system; else no default."""
    systems = _data()["transit"]
    counties = [c.fips for c in place.counties] if place else []
    if counties and all(fips in systems for fips in counties):
        entry = systems[counties[0]]
        cite = Citation(entry["title"], entry["publisher"], entry["url"], entry["vintage"])
        method = _("%(system)s charges no fare, so riding the bus costs nothing.") % {
            "system": entry["system"]
        }
        return Default("transportation", Decimal(0), cite, str(method))
    return Default("transportation", None, hint=str(NO_DEFAULT_HINTS["transportation"]))


def car_by_the_mile_default(miles: int | None) -> Default:
    rate = Decimal(_data()["transportation"]["per_mile"])
    if miles is None:
        return Default(
            "transportation",
            None,
            citation("transportation"),
            hint=str(
                _(
                    "Enter the miles you drive a month and we will estimate the cost at the "
                    "IRS rate of %(rate)s a mile, or enter your own amount."
                )
                % {"rate": f"${rate:.2f}"}
            ),
        )
    method = _(
        "%(miles)s miles a month at the IRS standard mileage rate of %(rate)s a mile, which "
        "covers owning and running a car (payments or depreciation, insurance, fuel, repairs)."
    ) % {"miles": f"{miles:,}", "rate": f"${rate:.2f}"}
    return Default("transportation", _money(rate * miles), citation("transportation"), str(method))


def child_care_default() -> Default:
    method = _(
        "New Mexico pays for child care at participating licensed and registered providers for "
        "families of any income since November 2025, when the adults work or study. If you "
        "would pay for care anyway, enter the monthly amount: it also counts for the federal "
        "child care credit."
    )
    return Default("child_care", Decimal(0), citation("child_care"), str(method))


def savings_share(level: str = DEFAULT_SAVINGS) -> Decimal:
    """The share of the other costs a savings level puts aside."""
    return Decimal(_data()["savings"]["levels"][level])


def savings_choices() -> list[tuple[str, str]]:
    """(level, label with its share) for the form, in order."""
    return [
        (level, f"{label} ({savings_share(level) * 100:.0f}%)")
        for level, label in SAVINGS_LEVELS.items()
    ]


def savings_default(other_costs: Decimal, level: str = DEFAULT_SAVINGS) -> Default:
    """The chosen share of the month's other costs."""
    share = savings_share(level)
    if not share:
        nothing = _("You chose to save nothing. Without savings, one surprise bill can mean debt.")
        return Default("savings", Decimal(0), citation("savings"), str(nothing))
    method = _(
        "%(share)s of your other monthly costs (%(costs)s). Americans save about 5%% of their "
        "income; saving builds a cushion for emergencies."
    ) % {"share": f"{share * 100:.0f}%", "costs": f"${other_costs:,.2f}"}
    return Default("savings", _money(other_costs * share), citation("savings"), str(method))


def phone_default(household: Household, plan: str = DEFAULT_PHONE) -> Default:
    """Half of a two-person household's cell phone service for each adult, or none."""
    if plan == "none":
        none = _("No phone plan of your own: add an amount if you will pay for internet.")
        return Default("phone_internet", Decimal(0), method=str(none))
    annual = Decimal(_data()["phone"]["two_person_annual"])
    per_adult = annual / 2 / 12
    method = _(
        "A cell phone plan for each adult: half of what two-person households spent a year on "
        "cell phone service (%(annual)s), %(each)s a month each. Add home internet if you "
        "will have it."
    ) % {"annual": f"${annual:,.0f}", "each": f"${_money(per_adult):,.2f}"}
    amount = _money(per_adult * household.adults)
    return Default("phone_internet", amount, citation("phone"), str(method))


def debt_default() -> Default:
    method = _(
        "Starts with no debt. If you will repay a student loan, car loan or credit card, "
        "enter the monthly payment."
    )
    return Default("debt_payments", Decimal(0), method=str(method))


def health_default(household: Household) -> Default:
    health = _data()["health_care"]
    if household.size == 1:
        annual, coverage = Decimal(health["single_annual"]), _("single coverage")
    else:
        annual, coverage = Decimal(health["family_annual"]), _("family coverage")
    method = _(
        "The average worker's share of the premium for employer %(coverage)s, %(annual)s a "
        "year. Premiums only: deductibles, copays and prescriptions are not included."
    ) % {"coverage": coverage, "annual": f"${annual:,.0f}"}
    return Default("health_care", _money(annual / 12), citation("health_care"), str(method))


def _housing(scenario: Scenario, place: Place | None, bedrooms: int) -> Default:
    if place is None:
        return Default("housing", None, hint=str(_("Choose a place to see HUD's rent.")))
    if scenario.share_home:
        return shared_housing_default(place)
    return housing_default(place, bedrooms)


def defaults_for(scenario: Scenario, place: Place | None) -> dict[str, Default]:
    """Every category's default for the scenario, in form order."""
    household = scenario.household
    bedrooms = scenario.bedrooms if scenario.bedrooms is not None else default_bedrooms(household)
    found = {
        "housing": _housing(scenario, place, bedrooms),
        "food": food_default(household),
        "transportation": transportation_default(scenario.transport, scenario.miles, place),
        "health_care": health_default(household),
        "child_care": child_care_default(),
        "phone_internet": phone_default(household, scenario.phone_plan),
        "debt_payments": debt_default(),
        # Worked out from the other lines by `build_budget`.
        "savings": savings_default(Decimal(0), scenario.savings_level),
    }
    return {
        key: found.get(key) or Default(key, None, hint=str(NO_DEFAULT_HINTS.get(key, "")))
        for key in CATEGORIES
    }
