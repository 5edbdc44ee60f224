"""Tax credits for 2025 on worked examples, computed by hand from the published rules.

EITC: Rev. Proc. 2024-40 § 3.06 (the maximum credits and the incomes where each credit ends).
Child Tax Credit: $2,200 a child (Public Law 119-21), refundable up to $1,700 a child at 15% of
earnings above $2,500, less $50 per $1,000 above $200,000 ($400,000 joint). Child and
Dependent Care Credit: 35% less a point per $2,000 above $15,000, at least 20%, of up to
$3,000 / $6,000 of care. New Mexico: Working Families Tax Credit 25% of the EITC; child income
tax credit $600 a child up to $25,000 of income, $400 up to $50,000, and so on.
"""

from decimal import Decimal

import pytest

from pathways.budget.taxes import FilingStatus, taxes_on
from pathways.budget.taxes.credits import (
    child_care_credit,
    child_tax_credit,
    earned_income_credit,
    nm_child_credit,
)

SINGLE = FilingStatus.SINGLE
JOINT = FilingStatus.MARRIED_JOINT
HEAD = FilingStatus.HEAD_OF_HOUSEHOLD
D = Decimal
YEAR = 2025


@pytest.mark.parametrize(
    ("children", "wages", "credit"),
    [
        (1, 10000, "3400.00"),  # phase-in: 34% x 10,000
        (1, 12730, "4328.00"),  # the maximum from the earned income amount on
        (1, 23350, "4328.00"),  # ... to the start of the phase-out
        (1, 30000, "3265.33"),  # 4,328 - 15.98% x 6,650
        (2, 10000, "4000.00"),  # 40%
        (3, 10000, "4500.00"),  # 45%
        (0, 8490, "649.00"),  # 7.65% x 8,490 = 649.49, capped at $649
        (0, 15000, "313.93"),  # 649 - 7.65% x 4,380 = 313.93
    ],
)
def test_earned_income_credit_phases_in_and_out(children, wages, credit):
    assert earned_income_credit(D(wages), HEAD if children else SINGLE, children, YEAR) == D(credit)


# IRS Publication 596 (2025), Table 1, rule 1: the income under which each household can get
# the credit (https://www.irs.gov/publications/p596/ch01.html), official, as published.
@pytest.mark.parametrize(
    ("children", "ends_single", "ends_joint"),
    [(0, 19104, 26214), (1, 50434, 57554), (2, 57310, 64430), (3, 61555, 68675)],
)
def test_earned_income_credit_ends_where_the_irs_says(children, ends_single, ends_joint):
    for status, ends in ((SINGLE, ends_single), (JOINT, ends_joint)):
        assert D(0) < earned_income_credit(D(ends - 100), status, children, YEAR) < 30
        assert earned_income_credit(D(ends), status, children, YEAR) < 1
        assert earned_income_credit(D(ends + 1), status, children, YEAR) == 0


def test_joint_filers_start_losing_the_earned_income_credit_later():
    # 2 children, $40,000: joint phase-out from $30,470: 7,152 - 21.06% x 9,530 = 5,144.98
    assert earned_income_credit(D(40000), JOINT, 2, YEAR) == D("5144.98")
    assert earned_income_credit(D(40000), HEAD, 2, YEAR) == D("3645.51")  # from 23,350


@pytest.mark.parametrize(
    ("status", "children", "wages", "credit"),
    [
        (HEAD, 1, 100000, 2200),
        (JOINT, 2, 400000, 4400),  # at the threshold: nothing lost
        (JOINT, 2, 400001, 4350),  # $50 for the first $1,000 or part of it
        (JOINT, 2, 410000, 3900),  # ten steps
        (HEAD, 1, 243000, 50),  # 43 steps of $50 leave $50
        (HEAD, 1, 244001, 0),
    ],
)
def test_child_tax_credit_phases_out_above_the_threshold(status, children, wages, credit):
    assert child_tax_credit(D(wages), status, children, YEAR) == credit


def test_refundable_child_credit_phases_in_with_earnings():
    # No income tax below the $23,625 standard deduction: all of it must come from the refundable
    # part, 15% of earnings above $2,500, at most $1,700 a child.
    assert taxes_on(10000, HEAD, children=1).credits.additional_child_tax_credit == D("1125.00")
    assert taxes_on(15000, HEAD, children=1).credits.additional_child_tax_credit == D("1700.00")
    assert taxes_on(2500, HEAD, children=1).credits.additional_child_tax_credit == 0


def test_child_tax_credit_first_cancels_income_tax_then_is_refunded():
    # $30,000, head of household, 1 child: taxable 6,375, tax $637.50; the other $1,562.50 is
    # refundable (under $1,700 and 15% x 27,500).
    credits = taxes_on(30000, HEAD, children=1).credits
    assert credits.child_tax_credit == D("637.50")
    assert credits.additional_child_tax_credit == D("1562.50")


@pytest.mark.parametrize(
    ("wages", "rate"),
    [
        (15000, "0.35"),
        (15001, "0.34"),
        (17000, "0.34"),
        (17001, "0.33"),
        (43000, "0.21"),
        (43001, "0.20"),
        (90000, "0.20"),
    ],
)
def test_child_care_credit_rate_falls_a_point_per_2000(wages, rate):
    assert child_care_credit(D(wages), HEAD, 1, 1, D(3000), YEAR) == D(3000) * D(rate)


def test_child_care_credit_counts_care_up_to_the_limit():
    assert child_care_credit(D(90000), JOINT, 2, 1, D(8000), YEAR) == D("600.00")  # 20% x 3,000
    assert child_care_credit(D(90000), JOINT, 2, 2, D(8000), YEAR) == D("1200.00")  # x 6,000
    assert child_care_credit(D(90000), JOINT, 2, 2, D(2000), YEAR) == D("400.00")


def test_no_child_care_credit_when_a_spouse_has_no_earnings():
    assert child_care_credit(D(60000), JOINT, 1, 2, D(8000), YEAR) == 0


def test_child_care_credit_is_limited_by_the_income_tax():
    # $40,000 head of household: 22% x 3,000 = 660 against $1,637.50 of tax; the child tax
    # credit takes the rest of the tax and the remainder is refunded.
    credits = taxes_on(40000, HEAD, children=1, child_care=5000).credits
    assert credits.child_care == D("660.00")
    assert credits.child_tax_credit == D("977.50")
    assert credits.additional_child_tax_credit == D("1222.50")
    # Below the standard deduction there is no tax, so no child care credit.
    assert taxes_on(20000, HEAD, children=1, child_care=5000).credits.child_care == 0


@pytest.mark.parametrize(
    ("wages", "per_child"),
    [
        (1, 600),
        (25000, 600),
        (25001, 400),
        (50000, 400),
        (50001, 200),
        (75001, 100),
        (100001, 75),
        (200001, 50),
        (350001, 25),
    ],
)
def test_new_mexico_child_credit_steps_down_with_income(wages, per_child):
    assert nm_child_credit(D(wages), 2, YEAR) == 2 * per_child


def test_new_mexico_working_families_credit_is_a_quarter_of_the_eitc():
    credits = taxes_on(20000, HEAD, children=1).credits
    assert credits.earned_income == D("4328.00")
    assert credits.nm_working_families == D("1082.00")


def test_credits_make_taxes_negative_for_a_low_paid_parent():
    taxes = taxes_on(20000, HEAD, children=2)
    # EITC 7,152 + WFTC 1,788 + refundable CTC 2,625 (15% x 17,500) + NM child 1,200
    assert taxes.credits.total == D("12765.00")
    assert taxes.total == taxes.before_credits - D("12765.00") < 0


def test_no_wages_no_credits():
    assert taxes_on(0, HEAD, children=2).credits.total == 0
