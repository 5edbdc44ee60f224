"""The wage a budget needs: POST a household and its monthly costs, get taxes, the required
income and the occupations that pay it.

To be mounted at /api/v1/budget. The same functions serve the /budget/ pages. Amounts are
computed as exact decimals (to the cent) and written as JSON numbers only in the answer.
"""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from pathways.budget.calculation import Line, build_budget
from pathways.budget.defaults import resolve_place
from pathways.budget.matches import find_matches
from pathways.budget.scenario import (
    CATEGORIES,
    DEFAULT_PHONE,
    DEFAULT_SAVINGS,
    DEFAULT_TRANSPORT,
    MAX_BEDROOMS,
    MAX_MILES,
    PHONE_PLANS,
    SAVINGS_LEVELS,
    SHARE,
    TRANSPORT_MODES,
    Scenario,
    parse_amount,
    validate_household,
)
from pathways.budget.taxes.credits import CREDIT_SOURCES, Credits, credit_rules

router = Router(tags=["budget"])
CATEGORY_LIST = ", ".join(CATEGORIES)


class Error(Schema):
    detail: str = Field(description="What was wrong, naming the bad value.")


class BudgetIn(Schema):
    # Loosely typed on purpose: every problem is answered with one plain message (422).
    county_fips: Any = Field(description="A New Mexico county's 5-digit FIPS code, e.g. 35001.")
    adults: Any = Field(1, description="Adults in the household, 1-4.")
    working_adults: Any = Field(1, description="Adults who work, 1 to `adults`.")
    children: Any = Field(0, description="Children in the household, 0-6.")
    bedrooms: Any = Field(
        None,
        description='Apartment size for the housing default, 0 (studio) to 4, or "share" '
        "(half a two-bedroom apartment, with a roommate); omit for the usual size for the "
        "household (Economic Policy Institute's family budget sizes).",
    )
    transport: Any = Field(
        DEFAULT_TRANSPORT,
        description=f"How the household gets around, for the transportation default: one of "
        f"{', '.join(TRANSPORT_MODES)} (car: costed by `miles` at the IRS rate).",
    )
    miles: Any = Field(None, description=f"Miles driven a month, 0-{MAX_MILES}, for transport car.")
    savings_level: Any = Field(
        DEFAULT_SAVINGS,
        description=f"How much the household saves, for the savings default: one of "
        f"{', '.join(SAVINGS_LEVELS)} (0%, 5% or 10% of the other monthly costs).",
    )
    phone_plan: Any = Field(
        DEFAULT_PHONE,
        description=f"The phone plan, for the phone_internet default: one of "
        f"{', '.join(PHONE_PLANS)} (cell: a cell phone plan per adult, from the BLS "
        "Consumer Expenditure Surveys).",
    )
    expenses: dict[str, Any] = Field(
        default_factory=dict,
        description=f"Monthly amounts in dollars by category ({CATEGORY_LIST}); a category "
        "left out takes its default where it has one (each answer's `categories` names the "
        "source), else counts as 0.",
        json_schema_extra={"example": {"child_care": 650, "phone_internet": 110}},
    )


class TaxesOut(Schema):
    federal: float = Field(description="Federal income tax, before credits, a year.")
    fica: float = Field(description="Social Security and Medicare, the employee's share.")
    state: float = Field(description="New Mexico personal income tax, before credits.")
    credits: float = Field(description="Every credit applied (see `credits`), a year.")
    total: float = Field(description="Taxes after credits; negative when refunds exceed them.")


class SourceOut(Schema):
    title: str
    publisher: str
    url: str
    vintage: str


class CategoryOut(Schema):
    category: str
    monthly: float = Field(description="The monthly amount counted.")
    origin: str = Field(description="entered, default, or missing (no amount, counts as 0).")
    method: str = Field(description="How the default was worked out, when it is used.")
    source: SourceOut | None = Field(description="Where the default comes from.")


class CreditOut(Schema):
    credit: str = Field(description=f"One of {', '.join(CREDIT_SOURCES)}.")
    amount: float = Field(description="A year, at the required income.")
    refundable: bool
    source: str
    url: str


class MatchOut(Schema):
    soc: str
    title: str
    median_annual: int | None = Field(
        description="Median annual wage; the hourly median x 2080 where BLS published only "
        "that; null where BLS publishes the median only as at or above its cap."
    )
    top_coded: bool = Field(description="The median is at or above BLS's cap ($239,200).")
    area_code: str = Field(description="The OEWS area the wage is for.")


class BudgetOut(Schema):
    county_fips: str
    area_code: str = Field(description="The OEWS area whose wages were compared.")
    area_is_state_fallback: bool
    filing_status: str
    tax_year: int
    choices: dict[str, str | int | None] = Field(
        description='The lifestyle choices the defaults follow: bedrooms (a size, "share", or '
        "null for the usual size for the household), transport, miles, savings_level, "
        "phone_plan."
    )
    categories: list[CategoryOut] = Field(description="Every category, with its source.")
    expenses: dict[str, float] = Field(description="The monthly amount counted per category.")
    defaulted: list[str] = Field(description="Categories that took their default.")
    missing: list[str] = Field(description="Categories with no amount and no default (0).")
    monthly_total: float
    annual_expenses: float
    taxes: TaxesOut
    credits: list[CreditOut] = Field(description="Each credit the household gets, nonzero.")
    required_annual: int = Field(description="Household gross income needed, whole dollars.")
    required_per_worker_annual: float
    required_hourly: float = Field(description="Per working adult, at 2,080 hours a year.")
    matches: list[MatchOut] = Field(description="Occupations whose median meets the need.")
    share_of_jobs_percent: float | None = Field(
        description="Employment of the matches over the employment of all occupations with "
        "an estimate in the area, percent."
    )
    notes: str


def _number(value: Decimal) -> float:
    """A cent-exact amount as a JSON number (its two decimals survive the conversion)."""
    return float(value)


def _fail(message: str) -> HttpError:
    return HttpError(422, message)


def _category(line: Line) -> dict[str, Any]:
    cite = line.default.citation if line.uses_default else None
    return {
        "category": line.category,
        "monthly": _number(line.amount or Decimal(0)),
        "origin": "entered"
        if line.entered is not None
        else "missing"
        if line.missing
        else "default",
        "method": line.default.method if line.uses_default else "",
        "source": None if cite is None else vars(cite),
    }


def _choice(name: str, value: Any, choices: dict[str, Any]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise _fail(f"{name} must be one of {', '.join(choices)}, got {value!r}.")
    return str(value)


REFUNDABLE = {"additional_child_tax_credit", "earned_income", "nm_working_families", "nm_child"}


def _credits(credits: Credits, year: int) -> list[dict[str, Any]]:
    rules = credit_rules(year)
    found = []
    for key, table in CREDIT_SOURCES.items():
        amount = getattr(credits, key)
        if amount:
            found.append(
                {
                    "credit": key,
                    "amount": _number(amount),
                    "refundable": key in REFUNDABLE,
                    "source": rules[table]["title"],
                    "url": rules[table]["url"],
                }
            )
    return found


@router.post(
    "",
    response={200: BudgetOut, 422: Error},
    summary="The wage a household budget needs, and the occupations that pay it",
)
def budget(request: HttpRequest, payload: BudgetIn) -> dict[str, Any]:
    fips = str(payload.county_fips or "").strip()
    place = resolve_place(fips)
    if place is None or place.is_region:
        raise _fail(f"Unknown county_fips {payload.county_fips!r}: give a New Mexico county code.")
    household, errors = validate_household(payload.adults, payload.working_adults, payload.children)
    if errors:
        names = {"working": "working_adults"}
        raise _fail(" ".join(f"{names.get(k, k)}: {v}" for k, v in errors.items()))
    bedrooms = payload.bedrooms
    share_home = isinstance(bedrooms, str) and bedrooms == SHARE
    bedrooms = None if share_home else bedrooms
    whole = isinstance(bedrooms, int) and not isinstance(bedrooms, bool)
    if bedrooms is not None and not (whole and 0 <= bedrooms <= MAX_BEDROOMS):
        raise _fail(
            f"bedrooms must be a whole number from 0 to {MAX_BEDROOMS} or {SHARE!r}, "
            f"got {bedrooms!r}."
        )
    if not isinstance(payload.expenses, dict):
        raise _fail("expenses must be an object of category: monthly amount.")
    unknown = sorted(set(payload.expenses) - set(CATEGORIES))
    if unknown:
        raise _fail(f"Unknown categories {', '.join(unknown)}; known: {CATEGORY_LIST}.")
    entered = {}
    for key, raw in payload.expenses.items():
        try:
            amount = parse_amount(raw)
        except ValueError as error:
            raise _fail(f"expenses.{key} ({raw!r}): {error.args[0]}") from error
        if amount is not None:
            entered[key] = amount
    transport = str(payload.transport or DEFAULT_TRANSPORT)
    if transport not in TRANSPORT_MODES:
        raise _fail(f"transport must be one of {', '.join(TRANSPORT_MODES)}, got {transport!r}.")
    miles = payload.miles
    whole = isinstance(miles, int) and not isinstance(miles, bool)
    if miles is not None and not (whole and 0 <= miles <= MAX_MILES):
        raise _fail(f"miles must be a whole number from 0 to {MAX_MILES}, got {miles!r}.")
    savings_level = _choice("savings_level", payload.savings_level, SAVINGS_LEVELS)
    phone_plan = _choice("phone_plan", payload.phone_plan, PHONE_PLANS)
    scenario = Scenario(
        place=fips,
        household=household,
        bedrooms=bedrooms,
        transport=transport,
        miles=miles,
        entered=entered,
        share_home=share_home,
        savings_level=savings_level,
        phone_plan=phone_plan,
    )
    built = build_budget(scenario, place)
    requirement = built.requirement()
    matches = find_matches(place.area.code, requirement.per_worker_annual)
    return {
        "county_fips": fips,
        "area_code": place.area.code,
        "area_is_state_fallback": place.area_is_state_fallback,
        "filing_status": household.filing_status.value,
        "choices": {
            "bedrooms": SHARE if share_home else bedrooms,
            "transport": transport,
            "miles": miles,
            "savings_level": savings_level,
            "phone_plan": phone_plan,
        },
        "tax_year": requirement.year,
        "categories": [_category(line) for line in built.lines],
        "expenses": {line.category: _number(line.amount or Decimal(0)) for line in built.lines},
        "defaulted": [line.category for line in built.lines if line.uses_default],
        "missing": [line.category for line in built.lines if line.missing],
        "monthly_total": _number(built.monthly_total),
        "annual_expenses": _number(built.annual_expenses),
        "taxes": {
            "federal": _number(requirement.taxes.federal),
            "fica": _number(requirement.taxes.fica.total),
            "state": _number(requirement.taxes.state),
            "credits": _number(requirement.taxes.credits.total),
            "total": _number(requirement.taxes.total),
        },
        "credits": _credits(requirement.taxes.credits, requirement.year),
        "required_annual": requirement.gross_annual,
        "required_per_worker_annual": _number(requirement.per_worker_annual),
        "required_hourly": _number(requirement.hourly),
        "matches": [
            {
                "soc": m.soc,
                "title": m.title,
                "median_annual": None if m.top_coded else m.annual_whole,
                "top_coded": m.top_coded,
                "area_code": m.area_code,
            }
            for m in matches.matching
        ],
        "share_of_jobs_percent": None if matches.share is None else _number(matches.share),
        "notes": "Tax year 2025: federal income tax (standard deduction), Social Security and "
        "Medicare, New Mexico income tax, less the federal Child Tax Credit (and its "
        "refundable part), Earned Income Tax Credit and Child and Dependent Care Credit and "
        "New Mexico's Working Families Tax Credit and child income tax credit (at the amounts "
        "enacted in 2023, not yet indexed for inflation). Children are "
        "taken as under 13, adults as 25 to 64. New Mexico's low- and middle-income exemption "
        "is not included.",
    }
