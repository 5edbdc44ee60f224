"""Lifestyle choices: a student picks how much to save and a phone plan instead of typing
amounts; each choice lives in the URL and sets its category's default."""

from decimal import Decimal

import pytest
from django.http import QueryDict
from django.utils import translation

from pathways.budget.calculation import build_budget
from pathways.budget.defaults import savings_choices
from pathways.budget.scenario import Household, Scenario, parse_scenario

PLACES = {"35001"}
RENT = Decimal("1009")  # any housing amount: these budgets have no place loaded


def budget(**choices):
    scenario = Scenario("35001", Household(1, 1, 0), entered={"housing": RENT}, **choices)
    return build_budget(scenario, None)


def line(built, category):
    return next(line for line in built.lines if line.category == category)


@pytest.mark.parametrize(("level", "share"), [("none", "0"), ("some", "0.05"), ("more", "0.10")])
def test_each_savings_level_puts_aside_its_share_of_the_other_costs(level, share):
    built = budget(savings_level=level)
    others = sum(
        (ln.amount or Decimal(0) for ln in built.lines if ln.category != "savings"), Decimal(0)
    )
    saved = line(built, "savings")
    assert saved.amount == (others * Decimal(share)).quantize(Decimal("0.01"))
    assert saved.uses_default and saved.default.citation is not None


def test_saving_more_raises_the_wage_needed_and_saving_nothing_lowers_it():
    hourly = {
        level: budget(savings_level=level).requirement().hourly
        for level in ("none", "some", "more")
    }
    assert hourly["none"] < hourly["some"] < hourly["more"]


def test_no_phone_plan_costs_nothing_and_a_cell_plan_costs_bls_average():
    assert line(budget(phone_plan="none"), "phone_internet").amount == 0
    assert line(budget(), "phone_internet").amount == Decimal("53.38")  # $1,281 / 2 / 12


def test_the_savings_choices_name_their_share():
    with translation.override("en"):
        labels = dict(savings_choices())
    assert labels["none"] == "Save nothing (0%)"
    assert labels["more"] == "Save more (10%)"


def test_choices_travel_in_the_url_only_when_they_differ_from_the_defaults():
    plain = Scenario("35001", Household(1, 1, 0))
    assert "save=" not in plain.query() and "phone=" not in plain.query()
    chosen = Scenario("35001", Household(1, 1, 0), savings_level="more", phone_plan="none")
    assert chosen.query().endswith("save=more&phone=none")
    again, errors = parse_scenario(QueryDict(chosen.query()), PLACES)
    assert errors == {} and again == chosen


def test_an_unknown_choice_is_named_with_a_message():
    with translation.override("en"):
        scenario, errors = parse_scenario(QueryDict("place=35001&save=all&phone=tin-can"), PLACES)
    assert errors == {"save": "Choose how much you would save.", "phone": "Choose a phone plan."}
    assert scenario.savings_level == "some" and scenario.phone_plan == "cell"
