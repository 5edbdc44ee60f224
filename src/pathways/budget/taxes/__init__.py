"""Taxes on wages: federal income tax, Social Security and Medicare, New Mexico income tax.

The parameters of each tax year are data, one TOML file per jurisdiction and year beside this
module (`federal_2025.toml`, `nm_2025.toml`), each naming its legal source. Money is Decimal
dollars, exact to the cent; nothing here uses floats.

What is modelled, for a household whose only income is wages:

- federal: taxable income = wages - standard deduction (by filing status), taxed with the
  rate schedule;
- FICA: Social Security 6.2% of each worker's wages up to the wage base (the household's wages
  are split evenly among its working adults), Medicare 1.45% of all wages, and the Additional
  Medicare Tax of 0.9% above the filing status's threshold;
- New Mexico: taxable income = wages - the federal standard deduction, taxed with the state's
  rate table; no exemptions beyond that (the low- and middle-income exemption is left out);
- credits (`credits.py`, `credits_<year>.toml`): the federal Child Tax Credit and its refundable
  part, the Earned Income Tax Credit and the Child and Dependent Care Credit; New Mexico's
  Working Families Tax Credit and child income tax credit. Refundable credits can make the
  household's taxes negative (a refund larger than what was withheld).
"""

import tomllib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
CENT = Decimal("0.01")
DEFAULT_YEAR = 2025


class FilingStatus(StrEnum):
    SINGLE = "single"
    MARRIED_JOINT = "married_joint"
    HEAD_OF_HOUSEHOLD = "head_of_household"


def filing_status(adults: int, children: int) -> FilingStatus:
    """Two adults file jointly; one adult with children files as head of household; else single.

    Households of three or more adults are taxed as one single filer, which overstates taxes."""
    if adults == 2:
        return FilingStatus.MARRIED_JOINT
    if adults == 1 and children > 0:
        return FilingStatus.HEAD_OF_HOUSEHOLD
    return FilingStatus.SINGLE


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Bracket:
    over: Decimal  # the rate applies to income above this ...
    rate: Decimal  # ... up to the next bracket's `over`


@dataclass(frozen=True)
class Schedule:
    brackets: tuple[Bracket, ...]

    def tax(self, taxable: Decimal) -> Decimal:
        """Tax on `taxable` dollars, exact (not rounded)."""
        total = Decimal(0)
        for bracket, following in zip(self.brackets, (*self.brackets[1:], None), strict=True):
            if taxable <= bracket.over:
                break
            top = taxable if following is None else min(taxable, following.over)
            total += (top - bracket.over) * bracket.rate
        return total

    def base_amounts(self) -> list[tuple[Decimal, Decimal]]:
        """(threshold, tax at threshold) for each bracket: the "$X plus R% over T" table form."""
        return [(b.over, self.tax(b.over)) for b in self.brackets]


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class TaxYear:
    year: int
    standard_deduction: dict[FilingStatus, Decimal]
    federal: dict[FilingStatus, Schedule]
    state: dict[FilingStatus, Schedule]
    social_security_rate: Decimal
    social_security_wage_base: Decimal
    medicare_rate: Decimal
    additional_medicare_rate: Decimal
    additional_medicare_threshold: dict[FilingStatus, Decimal]
    federal_source: Source
    payroll_source: Source
    state_source: Source


def _schedules(table: dict[str, Any]) -> dict[FilingStatus, Schedule]:
    schedules = {}
    for status in FilingStatus:
        rows = table[status.value]
        brackets = tuple(Bracket(Decimal(over), Decimal(rate)) for over, rate in rows)
        if brackets[0].over != 0 or list(brackets) != sorted(brackets, key=lambda b: b.over):
            raise ValueError(f"{status} brackets must start at 0 and rise")
        schedules[status] = Schedule(brackets)
    return schedules


def _amounts(table: dict[str, Any]) -> dict[FilingStatus, Decimal]:
    return {status: Decimal(table[status.value]) for status in FilingStatus}


@cache
def tax_year(year: int = DEFAULT_YEAR) -> TaxYear:
    """The parameters of one tax year, read from its TOML files."""
    federal_path, state_path = HERE / f"federal_{year}.toml", HERE / f"nm_{year}.toml"
    if not federal_path.exists() or not state_path.exists():
        raise ValueError(f"tax year {year} is not available (have: {available_years()})")
    federal = tomllib.loads(federal_path.read_text(encoding="utf-8"))
    state = tomllib.loads(state_path.read_text(encoding="utf-8"))
    payroll = federal["payroll"]
    return TaxYear(
        year=year,
        standard_deduction=_amounts(federal["standard_deduction"]),
        federal=_schedules(federal["brackets"]),
        state=_schedules(state["brackets"]),
        social_security_rate=Decimal(payroll["social_security_rate"]),
        social_security_wage_base=Decimal(payroll["social_security_wage_base"]),
        medicare_rate=Decimal(payroll["medicare_rate"]),
        additional_medicare_rate=Decimal(payroll["additional_medicare_rate"]),
        additional_medicare_threshold=_amounts(payroll["additional_medicare_threshold"]),
        federal_source=Source(federal["source"]["title"], federal["source"]["url"]),
        payroll_source=Source(payroll["title"], payroll["url"]),
        state_source=Source(state["source"]["title"], state["source"]["url"]),
    )


def available_years() -> list[int]:
    return sorted(int(p.stem.split("_")[1]) for p in HERE.glob("federal_*.toml"))


def _taxable(wages: Decimal, status: FilingStatus, params: TaxYear) -> Decimal:
    return max(Decimal(0), wages - params.standard_deduction[status])


def federal_income_tax(
    wages: Decimal | int, status: FilingStatus, year: int = DEFAULT_YEAR
) -> Decimal:
    """Federal income tax on wages, before credits, to the cent."""
    params = tax_year(year)
    return cents(params.federal[status].tax(_taxable(Decimal(wages), status, params)))


def state_income_tax(
    wages: Decimal | int, status: FilingStatus, year: int = DEFAULT_YEAR
) -> Decimal:
    """New Mexico personal income tax on wages, before credits, to the cent."""
    params = tax_year(year)
    return cents(params.state[status].tax(_taxable(Decimal(wages), status, params)))


@dataclass(frozen=True)
class Payroll:
    social_security: Decimal
    medicare: Decimal
    additional_medicare: Decimal

    @property
    def total(self) -> Decimal:
        return self.social_security + self.medicare + self.additional_medicare


def payroll_taxes(
    wages: Decimal | int, status: FilingStatus, workers: int = 1, year: int = DEFAULT_YEAR
) -> Payroll:
    """The employee's Social Security and Medicare taxes on the household's wages.

    The wages are split evenly among `workers` for the Social Security wage base; the
    Additional Medicare Tax applies to the household's wages above its threshold."""
    if workers < 1:
        raise ValueError("a household with wages has at least one worker")
    params = tax_year(year)
    wages = Decimal(wages)
    each = wages / workers
    social_security = min(each, params.social_security_wage_base) * workers
    over_threshold = max(Decimal(0), wages - params.additional_medicare_threshold[status])
    return Payroll(
        social_security=cents(social_security * params.social_security_rate),
        medicare=cents(wages * params.medicare_rate),
        additional_medicare=cents(over_threshold * params.additional_medicare_rate),
    )


from .credits import NO_CREDITS, Credits, credits_on  # noqa: E402 (they use FilingStatus)


@dataclass(frozen=True)
class Taxes:
    federal: Decimal  # before credits
    fica: Payroll
    state: Decimal  # before credits
    credits: Credits = NO_CREDITS

    @property
    def before_credits(self) -> Decimal:
        return self.federal + self.fica.total + self.state

    @property
    def total(self) -> Decimal:
        """What the household pays after every credit; negative when refunds exceed taxes."""
        return self.before_credits - self.credits.total


def taxes_on(
    wages: Decimal | int,
    status: FilingStatus,
    workers: int = 1,
    year: int = DEFAULT_YEAR,
    children: int = 0,
    child_care: Decimal | int = 0,
) -> Taxes:
    """Taxes and credits on the household's wages; `child_care` is what it pays a year."""
    federal = federal_income_tax(wages, status, year)
    fica = payroll_taxes(wages, status, workers, year)
    found = credits_on(
        Decimal(wages),
        status,
        workers,
        children,
        Decimal(child_care),
        federal,
        fica.social_security + fica.medicare,
        year,
    )
    return Taxes(federal, fica, state_income_tax(wages, status, year), found)
