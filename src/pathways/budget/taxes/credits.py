"""Tax credits for a household whose only income is wages, from `credits_<year>.toml`.

Federal: the Child Tax Credit (the part that reduces income tax, and the refundable
Additional Child Tax Credit), the Earned Income Tax Credit and the Child and Dependent Care
Credit. New Mexico: the Working Families Tax Credit and the child income tax credit. Wages are
the household's earned income and its adjusted gross income.

Assumptions, each of which a real return can change: every child is a qualifying child under
13 (so counts for every credit), the adults are 25 to 64 (the federal credit for workers
without children), and a married couple files jointly.
"""

import math
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from . import FilingStatus, cents

HERE = Path(__file__).parent
ZERO = Decimal(0)


@dataclass(frozen=True)
class Credits:
    child_tax_credit: Decimal  # the part that reduces federal income tax
    additional_child_tax_credit: Decimal  # the refundable part
    earned_income: Decimal
    child_care: Decimal  # reduces federal income tax only
    nm_working_families: Decimal
    nm_child: Decimal

    @property
    def federal(self) -> Decimal:
        return (
            self.child_tax_credit
            + self.additional_child_tax_credit
            + self.earned_income
            + self.child_care
        )

    @property
    def state(self) -> Decimal:
        return self.nm_working_families + self.nm_child

    @property
    def total(self) -> Decimal:
        return self.federal + self.state


NO_CREDITS = Credits(ZERO, ZERO, ZERO, ZERO, ZERO, ZERO)


@cache
def credit_rules(year: int) -> dict[str, Any]:
    path = HERE / f"credits_{year}.toml"
    if not path.exists():
        raise ValueError(f"tax credits for {year} are not available")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def earned_income_credit(wages: Decimal, status: FilingStatus, children: int, year: int) -> Decimal:
    """26 U.S.C. 32 by its formula (the IRS table rounds income to $50 bands)."""
    row = credit_rules(year)["earned_income_credit"]["rows"][min(children, 3)]
    rate, earned_amount, maximum, phaseout_rate = (Decimal(row[0]), row[1], row[2], Decimal(row[3]))
    threshold = row[5] if status == FilingStatus.MARRIED_JOINT else row[4]
    credit = min(rate * min(wages, Decimal(earned_amount)), Decimal(maximum))
    credit -= phaseout_rate * max(ZERO, wages - threshold)
    return cents(max(ZERO, credit))


def child_care_credit(
    wages: Decimal, status: FilingStatus, workers: int, children: int, care: Decimal, year: int
) -> Decimal:
    """26 U.S.C. 21 before the limit of the tax owed: rate x care counted."""
    if children == 0 or care <= 0:
        return ZERO
    rules = credit_rules(year)["child_care_credit"]
    limit = Decimal(rules["limit_one"] if children == 1 else rules["limit_more"])
    # Care counts up to each spouse's earnings: a spouse without wages leaves nothing.
    lowest_earnings = wages / workers if status != FilingStatus.MARRIED_JOINT or workers >= 2 else 0
    counted = min(care, limit, Decimal(lowest_earnings))
    steps = max(0, math.ceil((wages - rules["step_start"]) / rules["step"]))
    rate = max(
        Decimal(rules["bottom_rate"]),
        Decimal(rules["top_rate"]) - steps * Decimal(rules["rate_step"]),
    )
    return cents(counted * rate)


def child_tax_credit(wages: Decimal, status: FilingStatus, children: int, year: int) -> Decimal:
    """26 U.S.C. 24 after its phase-out, before it is split into the two parts."""
    rules = credit_rules(year)["child_tax_credit"]
    over = wages - rules["phaseout_threshold"][FilingStatus(status).value]
    steps = max(0, math.ceil(over / rules["phaseout_step"]))
    return max(ZERO, Decimal(rules["per_child"] * children - steps * rules["phaseout_per_step"]))


def additional_child_tax_credit(
    wages: Decimal,
    children: int,
    unused: Decimal,
    social_security_medicare: Decimal,
    earned_income: Decimal,
    year: int,
) -> Decimal:
    """The refundable part: the credit left after income tax, up to $1,700 a child and 15% of
    earnings above $2,500 (with three or more children, payroll taxes less the EITC if more)."""
    rules = credit_rules(year)["child_tax_credit"]
    formula = Decimal(rules["refundable_rate"]) * max(
        ZERO, wages - rules["refundable_earned_income_floor"]
    )
    if children >= 3:
        formula = max(formula, social_security_medicare - earned_income)
    return cents(min(unused, Decimal(rules["refundable_per_child"] * children), formula))


def nm_child_credit(wages: Decimal, children: int, year: int) -> Decimal:
    rows = credit_rules(year)["nm_child"]["rows"]
    per_child = next(amount for over, amount in reversed(rows) if wages > over or over == 0)
    return Decimal(per_child * children)


def credits_on(
    wages: Decimal,
    status: FilingStatus,
    workers: int,
    children: int,
    care: Decimal,
    federal_tax: Decimal,
    social_security_medicare: Decimal,
    year: int,
) -> Credits:
    """Every credit the household claims, the non-refundable ones limited by the tax owed."""
    if wages <= 0:
        return NO_CREDITS
    eitc = earned_income_credit(wages, status, children, year)
    care_credit = min(child_care_credit(wages, status, workers, children, care, year), federal_tax)
    ctc_total = child_tax_credit(wages, status, children, year)
    ctc = min(ctc_total, federal_tax - care_credit)
    actc = additional_child_tax_credit(
        wages, children, ctc_total - ctc, social_security_medicare, eitc, year
    )
    share = Decimal(credit_rules(year)["nm_working_families"]["share"])
    return Credits(
        child_tax_credit=ctc,
        additional_child_tax_credit=actc,
        earned_income=eitc,
        child_care=care_credit,
        nm_working_families=cents(eitc * share),
        nm_child=nm_child_credit(wages, children, year),
    )


def credit_steps(
    status: FilingStatus, children: int, care: Decimal, year: int, up_to: int
) -> list[int]:
    """Incomes (whole dollars) after which a credit drops by a step, up to `up_to`: what is
    left after taxes falls there, so the wage search treats each span between them alone."""
    rules = credit_rules(year)
    steps: set[int] = set()
    if children:
        steps.update(over for over, _amount in rules["nm_child"]["rows"] if 0 < over <= up_to)
        ctc = rules["child_tax_credit"]
        start = ctc["phaseout_threshold"][FilingStatus(status).value]
        count = math.ceil(ctc["per_child"] * children / ctc["phaseout_per_step"])
        steps.update(
            start + n * ctc["phaseout_step"]
            for n in range(count)
            if start + n * ctc["phaseout_step"] <= up_to
        )
        if care > 0:
            cdcc = rules["child_care_credit"]
            count = int(
                (Decimal(cdcc["top_rate"]) - Decimal(cdcc["bottom_rate"]))
                / Decimal(cdcc["rate_step"])
            )
            steps.update(
                cdcc["step_start"] + n * cdcc["step"]
                for n in range(count)
                if cdcc["step_start"] + n * cdcc["step"] <= up_to
            )
    return sorted(steps)


# The credits in the order a return takes them: the field of `Credits` and its rule's table.
CREDIT_SOURCES = {
    "child_care": "child_care_credit",
    "child_tax_credit": "child_tax_credit",
    "additional_child_tax_credit": "child_tax_credit",
    "earned_income": "earned_income_credit",
    "nm_working_families": "nm_working_families",
    "nm_child": "nm_child",
}


def credit_sources(year: int) -> list[tuple[str, str]]:
    """(title, url) of each credit's rule, once each."""
    rules = credit_rules(year)
    tables = dict.fromkeys(CREDIT_SOURCES.values())
    return [(rules[table]["title"], rules[table]["url"]) for table in tables]
