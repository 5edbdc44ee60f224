"""The required income: taxes on it plus the budget equal it, to the dollar."""

from decimal import Decimal

import pytest

from pathways.budget.scenario import Household
from pathways.budget.solver import required_income
from pathways.budget.taxes import taxes_on

HOUSEHOLDS = [
    Household(1, 1, 0),  # single
    Household(1, 1, 2),  # head of household
    Household(2, 1, 2),  # joint, one earner
    Household(2, 2, 3),  # joint, two earners
    Household(3, 2, 0),  # three adults: one single filer
]
# Monthly budgets from very small to past the Social Security wage base and the
# Additional Medicare Tax threshold.
MONTHLY = ["0", "0.01", "850", "1234.56", "2500", "3999.99", "6000", "11000", "16500", "40000"]


def _left(gross: int, household: Household) -> Decimal:
    taxes = taxes_on(gross, household.filing_status, household.working, children=household.children)
    return gross - taxes.total


@pytest.mark.parametrize("household", HOUSEHOLDS)
@pytest.mark.parametrize("monthly", MONTHLY)
def test_taxes_plus_budget_equal_the_income_to_the_dollar(household, monthly):
    expenses = Decimal(monthly) * 12
    need = required_income(expenses, household)
    gross = need.gross_annual
    assert isinstance(gross, int)
    # Enough: what is left after taxes covers the budget ...
    assert _left(gross, household) >= expenses
    # ... closely: taxes(G) + budget is within $2 of G (while refundable credits phase in, a
    # dollar more of wages leaves up to about $1.65 more; the first dollar of wages brings New
    # Mexico's whole child credit) ...
    if gross > 1:
        assert 0 <= gross - (need.taxes.total + expenses) < 2
    # ... and one dollar less falls short.
    if gross > 0:
        assert _left(gross - 1, household) < expenses


def test_no_budget_needs_no_income():
    need = required_income(Decimal(0), Household(1, 1, 0))
    assert need.gross_annual == 0
    assert need.taxes.total == 0


def test_a_worked_example():
    # $2,500 a month for one adult: $30,000 a year after taxes. In the 12% federal bracket and
    # New Mexico's 4.3% bracket, with taxable income T = G - 15,750 for both:
    #   federal 1,192.50 + 12% (T - 11,925); FICA 7.65% G; New Mexico 434.50 + 4.3% (T - 16,500)
    # so G - taxes = 0.7605 G + 3,080.75, which reaches 30,000 at G = 35,396.78: $35,397.
    need = required_income(Decimal(30000), Household(1, 1, 0))
    assert need.gross_annual == 35397
    # T = 19,647
    assert need.taxes.federal == Decimal("2119.14")  # 1,192.50 + 12% x 7,722
    assert need.taxes.state == Decimal("569.82")  # 434.50 + 4.3% x 3,147 = 569.821
    assert need.taxes.fica.social_security == Decimal("2194.61")  # 6.2% x 35,397
    assert need.taxes.fica.medicare == Decimal("513.26")  # 1.45% x 35,397
    assert need.after_tax == Decimal("30000.17")


def test_figures_per_worker_and_per_hour():
    need = required_income(Decimal(60000), Household(2, 2, 1))
    assert need.per_worker_annual == (Decimal(need.gross_annual) / 2).quantize(Decimal("0.01"))
    assert need.hourly == (Decimal(need.gross_annual) / 2 / 2080).quantize(Decimal("0.01"))
    assert need.gross_monthly == (Decimal(need.gross_annual) / 12).quantize(Decimal("0.01"))


def test_negative_expenses_are_refused():
    with pytest.raises(ValueError):
        required_income(Decimal(-1), Household(1, 1, 0))


@pytest.mark.parametrize("monthly", ["1800", "1850", "1900", "2000", "2100", "3500"])
def test_the_smallest_income_even_where_a_credit_steps_down(monthly):
    # New Mexico's child credit drops $200 a child just above $25,000 and $50,000: what is left
    # after taxes falls there, so no smaller income anywhere may cover the budget.
    household = Household(1, 1, 2)
    expenses = Decimal(monthly) * 12
    gross = required_income(expenses, household).gross_annual
    for smaller in [25000, 50000, gross - 1]:
        if smaller < gross:
            assert _left(smaller, household) < expenses


def test_child_care_paid_earns_the_credit_and_lowers_the_income_needed():
    household = Household(1, 1, 1)
    without = required_income(Decimal(40000), household)
    with_credit = required_income(Decimal(40000), household, child_care=Decimal(3000))
    assert with_credit.taxes.credits.child_care > 0
    assert with_credit.gross_annual < without.gross_annual
