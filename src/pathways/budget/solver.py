"""The wage a budget needs: the smallest gross income whose after-tax amount covers it.

Taxes rise with income but never by a whole extra dollar for each dollar earned, so what is
left after taxes and credits rises with income, except where a credit drops by a step (New
Mexico's child credit at $25,000, for one). Between those steps a binary search over whole
dollars finds the smallest income G with G - taxes(G) >= annual expenses; the spans are tried
from the lowest, so the answer is the smallest income that covers the budget.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .scenario import Household
from .taxes import DEFAULT_YEAR, Taxes, taxes_on
from .taxes.credits import credit_steps

HOURS_PER_YEAR = 2080  # 40 hours a week, 52 weeks, per working adult
MONTHS = 12
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Requirement:
    annual_expenses: Decimal
    gross_annual: int  # whole dollars, household
    taxes: Taxes
    household: Household
    year: int
    child_care: Decimal = Decimal(0)  # a year, for the child care credit

    @property
    def gross_monthly(self) -> Decimal:
        return (Decimal(self.gross_annual) / MONTHS).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def per_worker_annual(self) -> Decimal:
        """What each working adult must earn a year (the household's wages split evenly)."""
        return (Decimal(self.gross_annual) / self.household.working).quantize(
            CENT, rounding=ROUND_HALF_UP
        )

    @property
    def hourly(self) -> Decimal:
        """Per working adult, at 2,080 hours a year."""
        return (Decimal(self.gross_annual) / self.household.working / HOURS_PER_YEAR).quantize(
            CENT, rounding=ROUND_HALF_UP
        )

    @property
    def after_tax(self) -> Decimal:
        return Decimal(self.gross_annual) - self.taxes.total


def _net(gross: int, household: Household, year: int, child_care: Decimal) -> Decimal:
    return Decimal(gross) - _taxes(gross, household, year, child_care).total


def _taxes(gross: int, household: Household, year: int, child_care: Decimal) -> Taxes:
    return taxes_on(
        gross, household.filing_status, household.working, year, household.children, child_care
    )


def _smallest(low: int, high: int, covers: Callable[[int], bool]) -> int:
    """The smallest g in [low, high] with covers(g), given covers(high) and that covers
    never turns false again once true within the span."""
    if covers(low):
        return low
    while high - low > 1:
        middle = (low + high) // 2
        if covers(middle):
            high = middle
        else:
            low = middle
    return high


def required_income(
    annual_expenses: Decimal,
    household: Household,
    year: int = DEFAULT_YEAR,
    child_care: Decimal = Decimal(0),
) -> Requirement:
    """The smallest whole-dollar gross income G with G - taxes(G) >= annual_expenses."""
    if annual_expenses < 0:
        raise ValueError("expenses cannot be negative")

    def covers(gross: int) -> bool:
        return _net(gross, household, year, child_care) >= annual_expenses

    # Far enough that taxes (at most about half of income) cannot leave less than the budget.
    ceiling = max(1, int(annual_expenses) * 3 + 10000)
    steps = credit_steps(
        household.filing_status, household.children, child_care, year, up_to=ceiling
    )
    start = 0
    for end in [*steps, ceiling]:
        if covers(end):
            gross = _smallest(start, end, covers)
            break
        start = end + 1
    else:
        high = ceiling
        while not covers(high):
            high *= 2
        gross = _smallest(start, high, covers)
    taxes = _taxes(gross, household, year, child_care)
    return Requirement(annual_expenses, gross, taxes, household, year, child_care)
