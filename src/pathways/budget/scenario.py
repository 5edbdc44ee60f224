"""A budget scenario: where, who, and what each month costs; read from a query string or JSON.

A scenario is small and lives in the URL (`?place=35001&adults=1&working=1&children=0&food=400`),
so it can be bookmarked, shared, saved and compared. Amounts the student leaves empty take the
category's default, where the category has one (see `defaults.py`).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .taxes import FilingStatus, filing_status

MAX_ADULTS = 4
MAX_CHILDREN = 6
MAX_BEDROOMS = 4
SHARE = "share"  # the `bedrooms` choice of sharing a two-bedroom apartment
MAX_MILES = 10000
MAX_MONTHLY = Decimal(100000)
CENT = Decimal("0.01")

# The categories, in the order the form shows them; the keys are the API's too.
CATEGORIES: dict[str, Promise] = {
    "housing": _("Housing (rent and utilities)"),
    "food": _("Food"),
    "transportation": _("Transportation"),
    "health_care": _("Health care"),
    "child_care": _("Child care"),
    "phone_internet": _("Phone and internet"),
    "clothing_personal_care": _("Clothing and personal care"),
    "entertainment": _("Entertainment"),
    "savings": _("Savings"),
    "debt_payments": _("Debt payments"),
}


class TransportMode:
    USED_CAR = "used_car"
    NEW_CAR = "new_car"
    CAR = "car"  # by the mile, at the IRS rate
    TRANSIT = "transit"
    NONE = "none"


# The choices a student makes for getting around, cheapest last; each has its cited cost.
TRANSPORT_MODES: dict[str, Promise] = {
    TransportMode.USED_CAR: _("An older car that is paid off"),
    TransportMode.NEW_CAR: _("A new car"),
    TransportMode.CAR: _("A car, costed by the miles I drive"),
    TransportMode.TRANSIT: _("Public transit"),
    TransportMode.NONE: _("Walk or bike"),
}
DEFAULT_TRANSPORT = TransportMode.USED_CAR

# Lifestyle choices for the categories a student picks a level of rather than typing an amount:
# each level's cost is worked out in `defaults.py` from the cited figures in `defaults.toml`.
SAVINGS_LEVELS: dict[str, Promise] = {
    "none": _("Save nothing"),
    "some": _("Save a little, about what Americans save"),
    "more": _("Save more"),
}
DEFAULT_SAVINGS = "some"
PHONE_PLANS: dict[str, Promise] = {
    "cell": _("A cell phone plan for each adult"),
    "none": _("No phone plan of my own (someone else pays, or I go without)"),
}
DEFAULT_PHONE = "cell"


class ScenarioError(ValueError):
    """Input that does not describe a budget; `errors` maps each field to its problem."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


@dataclass(frozen=True)
class Household:
    adults: int
    working: int  # working adults
    children: int

    @property
    def size(self) -> int:
        return self.adults + self.children

    @property
    def filing_status(self) -> FilingStatus:
        return filing_status(self.adults, self.children)


@dataclass
class Scenario:
    place: str  # a county FIPS code or a workforce region slug
    household: Household
    bedrooms: int | None = None  # None: the default size for the household
    transport: str = DEFAULT_TRANSPORT
    miles: int | None = None  # miles driven a month, for the car default
    entered: dict[str, Decimal] = field(default_factory=dict)  # the student's own amounts
    share_home: bool = False  # share a two-bedroom apartment with a roommate, half the rent
    savings_level: str = DEFAULT_SAVINGS  # a key of SAVINGS_LEVELS
    phone_plan: str = DEFAULT_PHONE  # a key of PHONE_PLANS

    def params(self) -> dict[str, str]:
        """The scenario as query parameters: only what differs from the defaults, in order."""
        values: dict[str, str] = {
            "place": self.place,
            "adults": str(self.household.adults),
            "working": str(self.household.working),
            "children": str(self.household.children),
        }
        if self.share_home:
            values["bedrooms"] = SHARE
        elif self.bedrooms is not None:
            values["bedrooms"] = str(self.bedrooms)
        if self.transport != DEFAULT_TRANSPORT:
            values["transport"] = self.transport
        if self.miles is not None:
            values["miles"] = str(self.miles)
        if self.savings_level != DEFAULT_SAVINGS:
            values["save"] = self.savings_level
        if self.phone_plan != DEFAULT_PHONE:
            values["phone"] = self.phone_plan
        for key in CATEGORIES:
            if key in self.entered:
                values[key] = format_amount(self.entered[key])
        return values

    def query(self) -> str:
        return urlencode(self.params())


def format_amount(value: Decimal) -> str:
    """1200 or 1200.5 -> "1200" / "1200.50": what a form field shows and a URL carries."""
    value = value.quantize(CENT)
    return str(value.to_integral_value()) if value == value.to_integral_value() else str(value)


_COMMA_DECIMAL = re.compile(r"^\d+,\d{1,2}$")
_NUMBER = re.compile(r"^\d+(\.\d*)?$|^\.\d+$")


def parse_amount(raw: Any) -> Decimal | None:
    """A monthly amount as typed: "1,200", "$1200.50", "12,5" (comma decimals); "" is None.

    Raises ValueError with a message for anything else, negative amounts included."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(_("Enter an amount in dollars, like 450 or 450.50."))
    if isinstance(raw, int | Decimal):
        text = str(raw)
    elif isinstance(raw, float):
        text = repr(raw)
    else:
        text = str(raw).strip().replace("$", "").replace(" ", "").replace("\u00a0", "")
    if text == "":
        return None
    if text.startswith("-"):
        raise ValueError(_("Amounts cannot be negative."))
    # "12,5" is twelve and a half; in "1,200" the comma separates thousands.
    text = text.replace(",", ".") if _COMMA_DECIMAL.match(text) else text.replace(",", "")
    if not _NUMBER.match(text):
        raise ValueError(_("Enter an amount in dollars, like 450 or 450.50."))
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(_("Enter an amount in dollars, like 450 or 450.50.")) from error
    # The bound first: quantizing a number of more than 26 digits is itself an error.
    if value > MAX_MONTHLY:
        raise ValueError(_("That is more than $100,000 a month; check the amount."))
    if value != value.quantize(CENT):
        raise ValueError(_("Use at most two decimal places (cents)."))
    return value.quantize(CENT)


def _whole(raw: Any, low: int, high: int, default: int | None = None) -> int | None:
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return default
    if isinstance(raw, bool | float):
        raise ValueError
    value = int(str(raw).strip()) if not isinstance(raw, int) else raw
    if not low <= value <= high:
        raise ValueError
    return value


def validate_household(adults: Any, working: Any, children: Any) -> tuple[Household, dict]:
    """The household, or the problems with it (field -> message) and a best-effort household."""
    errors: dict[str, str] = {}
    try:
        n_adults = _whole(adults, 1, MAX_ADULTS, 1)
    except ValueError:
        errors["adults"] = str(
            _("Adults must be a whole number from 1 to %(max)s.") % {"max": MAX_ADULTS}
        )
        n_adults = 1
    assert n_adults is not None
    try:
        n_working = _whole(working, 1, MAX_ADULTS, 1)
        assert n_working is not None
        if n_working > n_adults:
            errors["working"] = str(_("Working adults cannot be more than the adults."))
            n_working = n_adults
    except ValueError:
        errors["working"] = str(
            _("Working adults must be a whole number from 1 to the number of adults.")
        )
        n_working = 1
    try:
        n_children = _whole(children, 0, MAX_CHILDREN, 0)
    except ValueError:
        errors["children"] = str(
            _("Children must be a whole number from 0 to %(max)s.") % {"max": MAX_CHILDREN}
        )
        n_children = 0
    assert n_children is not None
    return Household(n_adults, n_working, n_children), errors


def parse_scenario(data: Mapping[str, Any], known_places: set[str]) -> tuple[Scenario, dict]:
    """A scenario from query parameters (or saved JSON) and the problems found, field -> message.

    The scenario is always returned, with unusable values left out, so a form can show
    what was typed beside its error."""
    errors: dict[str, str] = {}
    place = str(data.get("place") or "").strip()
    if place not in known_places:
        errors["place"] = str(_("Choose a county or a workforce region."))
    household, household_errors = validate_household(
        data.get("adults"), data.get("working"), data.get("children")
    )
    errors.update(household_errors)
    bedrooms = None
    share_home = str(data.get("bedrooms") or "").strip() == SHARE
    try:
        bedrooms = None if share_home else _whole(data.get("bedrooms"), 0, MAX_BEDROOMS)
    except ValueError:
        errors["bedrooms"] = str(_("Choose a number of bedrooms from 0 (studio) to 4."))
    transport = str(data.get("transport") or DEFAULT_TRANSPORT)
    if transport not in TRANSPORT_MODES:
        errors["transport"] = str(_("Choose a car, public transit, or walk or bike."))
        transport = DEFAULT_TRANSPORT
    miles = None
    try:
        miles = _whole(data.get("miles"), 0, MAX_MILES)
    except ValueError:
        errors["miles"] = str(
            _("Miles must be a whole number from 0 to %(max)s.") % {"max": MAX_MILES}
        )
    savings_level = str(data.get("save") or DEFAULT_SAVINGS)
    if savings_level not in SAVINGS_LEVELS:
        errors["save"] = str(_("Choose how much you would save."))
        savings_level = DEFAULT_SAVINGS
    phone_plan = str(data.get("phone") or DEFAULT_PHONE)
    if phone_plan not in PHONE_PLANS:
        errors["phone"] = str(_("Choose a phone plan."))
        phone_plan = DEFAULT_PHONE
    entered = {}
    for key in CATEGORIES:
        try:
            amount = parse_amount(data.get(key))
        except ValueError as error:
            errors[key] = str(error.args[0]) if error.args else str(error)
            continue
        if amount is not None:
            entered[key] = amount
    scenario = Scenario(
        place, household, bedrooms, transport, miles, entered, share_home, savings_level, phone_plan
    )
    return scenario, errors
