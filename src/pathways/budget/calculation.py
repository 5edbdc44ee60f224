"""A scenario's monthly budget, line by line, and the income it requires: pages and API share it."""

from dataclasses import dataclass
from decimal import Decimal

from .defaults import Default, Place, defaults_for, savings_default
from .scenario import CATEGORIES, Scenario
from .solver import MONTHS, Requirement, required_income
from .taxes import DEFAULT_YEAR


@dataclass(frozen=True)
class Line:
    category: str
    label: str
    amount: Decimal | None  # what the budget counts; None: nothing entered and no default
    entered: Decimal | None  # what the student typed, if anything
    default: Default

    @property
    def uses_default(self) -> bool:
        return self.entered is None and self.default.amount is not None

    @property
    def missing(self) -> bool:
        return self.amount is None


@dataclass(frozen=True)
class Budget:
    scenario: Scenario
    place: Place | None
    lines: list[Line]

    @property
    def monthly_total(self) -> Decimal:
        return sum((line.amount or Decimal(0) for line in self.lines), Decimal(0))

    @property
    def annual_expenses(self) -> Decimal:
        return self.monthly_total * MONTHS

    @property
    def missing(self) -> list[Line]:
        """Categories counted as $0 because nothing was entered and none has a default."""
        skip = {"child_care"} if self.scenario.household.children == 0 else set()
        return [line for line in self.lines if line.missing and line.category not in skip]

    @property
    def annual_child_care(self) -> Decimal:
        line = next(line for line in self.lines if line.category == "child_care")
        return (line.amount or Decimal(0)) * MONTHS

    def requirement(self, year: int = DEFAULT_YEAR) -> Requirement:
        return required_income(
            self.annual_expenses, self.scenario.household, year, self.annual_child_care
        )


def build_budget(scenario: Scenario, place: Place | None) -> Budget:
    defaults = defaults_for(scenario, place)
    amounts = {
        key: scenario.entered.get(key, defaults[key].amount)
        for key in CATEGORIES
        if key != "savings"
    }
    defaults["savings"] = savings_default(
        sum((amount or Decimal(0) for amount in amounts.values()), Decimal(0)),
        scenario.savings_level,
    )
    lines = []
    for key, label in CATEGORIES.items():
        entered = scenario.entered.get(key)
        default = defaults[key]
        lines.append(
            Line(
                category=key,
                label=str(label),
                amount=entered if entered is not None else default.amount,
                entered=entered,
                default=default,
            )
        )
    return Budget(scenario, place, lines)
