"""Tax year 2025 against the published figures.

Federal: the 2025 Tax Rate Schedules (IRS Rev. Proc. 2024-40, Tables 1-3; printed in the 2025
Form 1040 instructions) state each bracket as "$X plus R% of the excess over T"; the $X are
the tax at each threshold, so computing the tax at every threshold must reproduce them.
New Mexico: NMSA 1978 § 7-2-7 (from tax year 2025, Laws 2024 ch. 67) prints its table the same
way ("$1,165.50 plus 4.7% of excess over $33,500"). Payroll: 6.2% to the $176,100 wage base
($10,918.20 at most), 1.45% Medicare, 0.9% more above $200,000 ($250,000 joint).
"""

from decimal import Decimal

import pytest

from pathways.budget.taxes import (
    FilingStatus,
    available_years,
    federal_income_tax,
    filing_status,
    payroll_taxes,
    state_income_tax,
    tax_year,
    taxes_on,
)

SINGLE = FilingStatus.SINGLE
JOINT = FilingStatus.MARRIED_JOINT
HEAD = FilingStatus.HEAD_OF_HOUSEHOLD
D = Decimal

# 2025 Tax Rate Schedules X, Y-1 and Z: (over, tax at that amount).
FEDERAL_SCHEDULES = {
    SINGLE: [
        (0, "0"),
        (11925, "1192.50"),
        (48475, "5578.50"),
        (103350, "17651.00"),
        (197300, "40199.00"),
        (250525, "57231.00"),
        (626350, "188769.75"),
    ],
    JOINT: [
        (0, "0"),
        (23850, "2385.00"),
        (96950, "11157.00"),
        (206700, "35302.00"),
        (394600, "80398.00"),
        (501050, "114462.00"),
        (751600, "202154.50"),
    ],
    HEAD: [
        (0, "0"),
        (17000, "1700.00"),
        (64850, "7442.00"),
        (103350, "15912.00"),
        (197300, "38460.00"),
        (250500, "55484.00"),
        (626350, "187031.50"),
    ],
}
# NMSA 1978 § 7-2-7 A (joint, heads of household, surviving spouses) and B (single).
NEW_MEXICO_TABLES = {
    JOINT: [
        (0, "0"),
        (8000, "120"),
        (25000, "664"),
        (50000, "1739"),
        (100000, "4089"),
        (315000, "14624"),
    ],
    SINGLE: [
        (0, "0"),
        (5500, "82.50"),
        (16500, "434.50"),
        (33500, "1165.50"),
        (66500, "2716.50"),
        (210000, "9748"),
    ],
}
NEW_MEXICO_RATES = ["0.015", "0.032", "0.043", "0.047", "0.049", "0.059"]


def test_tax_year_2025_is_the_one_implemented():
    assert 2025 in available_years()
    with pytest.raises(ValueError, match="not available"):
        tax_year(1999)


def test_standard_deductions_after_public_law_119_21():
    assert tax_year(2025).standard_deduction == {SINGLE: 15750, JOINT: 31500, HEAD: 23625}


@pytest.mark.parametrize("status", list(FEDERAL_SCHEDULES))
def test_federal_schedule_reproduces_the_published_base_amounts(status):
    schedule = tax_year(2025).federal[status]
    assert [(int(over), tax) for over, tax in schedule.base_amounts()] == [
        (over, D(tax)) for over, tax in FEDERAL_SCHEDULES[status]
    ]
    assert [b.rate for b in schedule.brackets] == [
        D(r) for r in ("0.10", "0.12", "0.22", "0.24", "0.32", "0.35", "0.37")
    ]


@pytest.mark.parametrize(
    ("wages", "status", "expected"),
    [
        # taxable = wages - standard deduction, then "$X plus R% of the excess over T"
        (15750, SINGLE, "0.00"),  # exactly the standard deduction
        (40000, SINGLE, "2671.50"),  # 24,250: 1,192.50 + 12% x 12,325
        (64225, SINGLE, "5578.50"),  # 48,475: the top of the 12% bracket
        (100000, SINGLE, "13449.00"),  # 84,250: 5,578.50 + 22% x 35,775
        (80000, JOINT, "5343.00"),  # 48,500: 2,385 + 12% x 24,650
        (161317, JOINT, "18387.74"),  # 129,817: 11,157 + 22% x 32,867
        (50000, HEAD, "2825.00"),  # 26,375: 1,700 + 12% x 9,375
        (250000, HEAD, "47764.00"),  # 226,375: 38,460 + 32% x 29,075
    ],
)
def test_federal_income_tax_worked_examples(wages, status, expected):
    assert federal_income_tax(wages, status) == D(expected)


def test_independent_worked_examples_round_to_the_same_dollar():
    # 2025 returns worked by hand in a public data set (huggingface.co/datasets/
    # Manoj2142/taxops-traces): joint taxable income 129,817 -> tax 18,388; single
    # taxable income 119,151 -> tax 21,443 (both rounded to the dollar).
    assert round(federal_income_tax(129817 + 31500, JOINT)) == 18388
    assert round(federal_income_tax(119151 + 15750, SINGLE)) == 21443


@pytest.mark.parametrize("status", list(NEW_MEXICO_TABLES))
def test_new_mexico_table_reproduces_the_statute(status):
    schedule = tax_year(2025).state[status]
    assert [(int(over), tax) for over, tax in schedule.base_amounts()] == [
        (over, D(tax)) for over, tax in NEW_MEXICO_TABLES[status]
    ]
    assert [b.rate for b in schedule.brackets] == [D(r) for r in NEW_MEXICO_RATES]


def test_heads_of_household_use_the_joint_new_mexico_table():
    params = tax_year(2025)
    assert params.state[HEAD] == params.state[JOINT]


@pytest.mark.parametrize(
    ("wages", "status", "expected"),
    [
        (15750, SINGLE, "0.00"),
        (20000, SINGLE, "63.75"),  # 4,250 x 1.5%
        (40000, SINGLE, "767.75"),  # 24,250: 434.50 + 4.3% x 7,750
        (100000, SINGLE, "3586.25"),  # 84,250: 2,716.50 + 4.9% x 17,750
        (80000, JOINT, "1674.50"),  # 48,500: 664 + 4.3% x 23,500
        (50000, HEAD, "723.13"),  # 26,375: 664 + 4.3% x 1,375 = 723.125, to the cent
    ],
)
def test_new_mexico_income_tax_worked_examples(wages, status, expected):
    assert state_income_tax(wages, status) == D(expected)


def test_payroll_taxes_below_the_wage_base():
    payroll = payroll_taxes(40000, SINGLE)
    assert payroll.social_security == D("2480.00")
    assert payroll.medicare == D("580.00")
    assert payroll.additional_medicare == D("0.00")
    assert payroll.total == D("3060.00")  # 7.65%


def test_social_security_stops_at_the_wage_base():
    assert tax_year(2025).social_security_wage_base == 176100
    assert payroll_taxes(176100, SINGLE).social_security == D("10918.20")
    assert payroll_taxes(200000, SINGLE).social_security == D("10918.20")
    assert payroll_taxes(200000, SINGLE).medicare == D("2900.00")
    assert payroll_taxes(200000, SINGLE).additional_medicare == D("0.00")


def test_additional_medicare_tax_above_the_thresholds():
    assert payroll_taxes(250000, SINGLE).additional_medicare == D("450.00")
    assert payroll_taxes(250000, JOINT, workers=2).additional_medicare == D("0.00")
    assert payroll_taxes(300000, JOINT, workers=2).additional_medicare == D("450.00")


def test_two_workers_each_have_their_own_wage_base():
    two = payroll_taxes(300000, JOINT, workers=2)
    assert two.social_security == D("18600.00")  # 6.2% of 2 x 150,000, each under the base
    one = payroll_taxes(300000, JOINT, workers=1)
    assert one.social_security == D("10918.20")


def test_filing_status_from_the_household():
    assert filing_status(adults=2, children=0) == JOINT
    assert filing_status(adults=2, children=3) == JOINT
    assert filing_status(adults=1, children=1) == HEAD
    assert filing_status(adults=1, children=0) == SINGLE
    assert filing_status(adults=3, children=1) == SINGLE


def test_taxes_are_exact_decimals_to_the_cent():
    taxes = taxes_on(D("54321"), HEAD, 1)
    for value in (taxes.federal, taxes.state, taxes.fica.total, taxes.total):
        assert isinstance(value, Decimal)
        assert value == value.quantize(D("0.01"))


def test_taxes_before_credits_never_fall_as_wages_rise():
    for status in FilingStatus:
        previous = D(-1)
        for wages in range(0, 900001, 2500):
            total = taxes_on(wages, status, 1).before_credits
            assert total >= previous
            previous = total
