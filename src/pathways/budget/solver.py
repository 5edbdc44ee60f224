"""The wage a budget needs: the smallest gross income whose after-tax amount covers it.

Taxes rise with income but never by a whole extra dollar for each dollar earned, so what is
left after taxes rises with income too, and a binary search over whole dollars finds the
smallest income G with G - taxes(G) >= annual expenses.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .scenario import Household
from .taxes import DEFAULT_YEAR, Taxes, taxes_on

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


def _net(gross: int, household: Household, year: int) -> Decimal:
    taxes = taxes_on(gross, household.filing_status, household.working, year)
    return Decimal(gross) - taxes.total


def required_income(
    annual_expenses: Decimal, household: Household, year: int = DEFAULT_YEAR
) -> Requirement:
    """The smallest whole-dollar gross income G with G - taxes(G) >= annual_expenses."""
    if annual_expenses < 0:
        raise ValueError("expenses cannot be negative")
    low, high = 0, max(1, int(annual_expenses) * 2)
    while _net(high, household, year) < annual_expenses:
        low, high = high, high * 2
    # Invariant: net(high) >= expenses; net(low) < expenses unless low == 0.
    if _net(low, household, year) >= annual_expenses:
        high = low
    while high - low > 1:
        middle = (low + high) // 2
        if _net(middle, household, year) >= annual_expenses:
            high = middle
        else:
            low = middle
    taxes = taxes_on(high, household.filing_status, household.working, year)
    return Requirement(annual_expenses, high, taxes, household, year)
