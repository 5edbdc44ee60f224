"""Reading a scenario from a query string: amounts as typed, household limits, the URL form."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation

from pathways.budget.scenario import (
    Household,
    Scenario,
    TransportMode,
    parse_amount,
    parse_scenario,
)

PLACES = {"35001", "central"}


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("", None),
        ("  ", None),
        (None, None),
        ("450", "450.00"),
        ("$1,200", "1200.00"),
        ("1,200.50", "1200.50"),
        ("12,5", "12.50"),
        (".75", "0.75"),
        ("0", "0.00"),
        (350, "350.00"),
        (Decimal("19.99"), "19.99"),
    ],
)
def test_amounts_as_typed(typed, amount):
    assert parse_amount(typed) == (None if amount is None else Decimal(amount))


@pytest.mark.parametrize("typed", ["-5", "abc", "12.345", "1e3", "200000", True, "1.2.3"])
def test_unusable_amounts_say_why(typed):
    with pytest.raises(ValueError) as error:
        parse_amount(typed)
    assert str(error.value.args[0])


def test_a_full_query_string():
    data = QueryDict(
        "place=35001&adults=2&working=1&children=2&bedrooms=3&transport=transit&food=800"
    )
    scenario, errors = parse_scenario(data, PLACES)
    assert errors == {}
    assert scenario.household == Household(2, 1, 2)
    assert scenario.bedrooms == 3
    assert scenario.transport == TransportMode.TRANSIT
    assert scenario.entered == {"food": Decimal("800.00")}


def test_the_url_keeps_only_what_was_chosen():
    scenario = Scenario(
        "35001", Household(1, 1, 0), entered={"savings": Decimal("50"), "food": Decimal("1.5")}
    )
    assert scenario.query() == "place=35001&adults=1&working=1&children=0&food=1.50&savings=50"
    again, errors = parse_scenario(QueryDict(scenario.query()), PLACES)
    assert errors == {} and again == scenario


def test_household_limits():
    with translation.override("en"):
        _s, errors = parse_scenario(QueryDict("place=x&adults=0&working=2&children=9"), PLACES)
    assert set(errors) == {"place", "adults", "working", "children"}
    _s, errors = parse_scenario(QueryDict("place=35001&adults=1&working=2"), PLACES)
    assert errors == {"working": "Working adults cannot be more than the adults."}


def test_bad_amounts_are_named_by_category():
    scenario, errors = parse_scenario(
        QueryDict("place=35001&food=lots&savings=-3&housing=900"), PLACES
    )
    assert set(errors) == {"food", "savings"}
    assert scenario.entered == {"housing": Decimal("900.00")}
