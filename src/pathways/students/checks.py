"""Checks of the cells of student-record files: each turns a cell's text into a value, or
into `Invalid(message)`.

Checks remember the answer for each text they have seen: a million-row file repeats a few
hundred distinct values per column, so validating it is mostly dictionary look-ups.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from pathways.programs.models import WorkBasedLearning

from .models import RaceEthnicity, RecordUpload

STUDENT_ID = re.compile(r"[A-Za-z0-9-]{1,20}")
NCES_ID = re.compile(r"\d{7}")
YEAR = re.compile(r"(\d{4})(?:\s*[-–/]\s*(\d{2}|\d{4}))?")
SCHOOL_CODE = re.compile(r"[A-Za-z0-9]{1,20}")
TERM = re.compile(r"[A-Za-z0-9]{1,10}")
COURSE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,11}")
COLLEGE_COURSE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-]{0,19}")
WHOLE_NUMBER = re.compile(r"\d{1,6}")
FIRST_YEAR = 2000
MAX_NAME = 200
YES = frozenset({"y", "yes", "true", "1"})
NO = frozenset({"n", "no", "false", "0"})
# Short SIS codes that mean only one category; codes used for two (such as N) are refused.
RACE_CODES = {
    RaceEthnicity.HISPANIC: ("h", "hl"),
    RaceEthnicity.AMERICAN_INDIAN: ("i", "ai", "aian"),
    RaceEthnicity.ASIAN: ("a", "as"),
    RaceEthnicity.BLACK: ("b", "aa"),
    RaceEthnicity.PACIFIC_ISLANDER: ("p", "pi", "nhpi"),
    RaceEthnicity.WHITE: ("w",),
    RaceEthnicity.TWO_OR_MORE: ("m", "mr", "t"),
}
# Distinct texts a check remembers; beyond this it still checks, without remembering.
REMEMBERED = 50_000


@dataclass(frozen=True)
class Invalid:
    """A cell that failed its check, and why (the message never repeats a student ID)."""

    message: str


class Check:
    """Text to value (or Invalid), remembering the answer for texts seen before."""

    def __init__(self, convert: Callable[[str], Any], *, remember: bool = True):
        self.convert = convert
        self.remember = remember
        self.seen: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        found = self.seen.get(text, self)
        if found is not self:
            return found
        try:
            value = self.convert(text)
        except ValueError as exc:
            value = Invalid(str(exc))
        if self.remember and len(self.seen) < REMEMBERED:
            self.seen[text] = value
        return value


# --- Converters: text to value, or ValueError(message) ----------------------------------


def _required(text: str) -> str:
    if not text:
        raise ValueError(_("is empty"))
    return text


def student_id(text: str) -> str:
    if not STUDENT_ID.fullmatch(text):
        # Never echo the value: it may be a real student's ID with a typo.
        raise ValueError(
            _("is empty") if not text else _("is not a student ID (1-20 letters, digits or -)")
        )
    return text


def district(districts: set[str]) -> Callable[[str], str]:
    def convert(text: str) -> str:
        _required(text)
        if not NCES_ID.fullmatch(text):
            raise ValueError(
                _("'%(value)s' is not an NCES district ID (7 digits, e.g. 3500060)")
                % {"value": text}
            )
        if text not in districts:
            raise ValueError(_("'%(value)s' is not a New Mexico school district") % {"value": text})
        return text

    return convert


def school_year(text: str) -> int:
    """2025, 2024-25 or 2024-2025, all meaning the school year that ends in 2025."""
    match = YEAR.fullmatch(_required(text))
    if not match:
        raise ValueError(
            _("'%(value)s' is not a school year like 2025 or 2024-25") % {"value": text}
        )
    first, second = match.groups()
    year = int(first)
    if second is not None:
        if second != str(year + 1)[-len(second) :]:
            raise ValueError(
                _("'%(value)s' is not two consecutive years like 2024-25") % {"value": text}
            )
        year += 1
    return plausible_year(year, text)


def plausible_year(year: int, text: str) -> int:
    last = date.today().year + 1
    if not FIRST_YEAR <= year <= last:
        raise ValueError(
            _("'%(value)s' is not a year from %(first)d to %(last)d")
            % {"value": text, "first": FIRST_YEAR, "last": last}
        )
    return year


def year(text: str) -> int | None:
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(_("'%(value)s' is not a year like 2025") % {"value": text})
    return plausible_year(int(text), text)


US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def day() -> Callable[[str], date | None]:
    """A day (2025-03-14, or 3/14/2025 as US systems export it), from 2000 to today; blank
    is none."""

    def convert(text: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        found = US_DATE.fullmatch(text)
        value: date | None
        try:
            if found:
                month, day_of_month, year_number = map(int, found.groups())
                value = date(year_number, month, day_of_month)
            else:
                value = date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            value = None
        if value is None:
            raise ValueError(_("'%(value)s' is not a date like 2025-03-14") % {"value": text})
        if not date(FIRST_YEAR, 1, 1) <= value <= date.today():
            raise ValueError(
                _("'%(value)s' is not a date from %(first)d to today")
                % {"value": text, "first": FIRST_YEAR}
            )
        return value

    return convert


def pattern(
    regex: re.Pattern[str], description: str, *, upper: bool = False
) -> Callable[[str], str]:
    def convert(text: str) -> str:
        text = " ".join(_required(text).split())
        if not regex.fullmatch(text):
            raise ValueError(
                _("'%(value)s' is not %(description)s")
                % {"value": text, "description": description}
            )
        return text.upper() if upper else text

    return convert


def name(*, required: bool) -> Callable[[str], str]:
    def convert(text: str) -> str:
        text = " ".join(text.split())
        if required:
            _required(text)
        if len(text) > MAX_NAME:
            raise ValueError(
                _("is %(length)d characters long; at most %(limit)d are allowed")
                % {"length": len(text), "limit": MAX_NAME}
            )
        return text

    return convert


def number(low: Decimal, high: Decimal, places: int) -> Callable[[str], Decimal]:
    step = Decimal(1).scaleb(-places)

    def convert(text: str) -> Decimal:
        try:
            value = Decimal(_required(text).replace(",", ""))
        except InvalidOperation:
            raise ValueError(_("'%(value)s' is not a number") % {"value": text}) from None
        if not value.is_finite() or not low <= value <= high:
            raise ValueError(
                _("'%(value)s' is not a number from %(low)s to %(high)s")
                % {"value": text, "low": low, "high": high}
            )
        if value != value.quantize(step):
            raise ValueError(
                _("'%(value)s' has more than %(places)d decimal places")
                % {"value": text, "places": places}
            )
        return value.quantize(step)

    return convert


def whole_number(low: int, high: int, *, required: bool) -> Callable[[str], int | None]:
    def convert(text: str) -> int | None:
        if not text and not required:
            return None
        if not WHOLE_NUMBER.fullmatch(_required(text)) or not low <= int(text) <= high:
            raise ValueError(
                _("'%(value)s' is not a whole number from %(low)d to %(high)d")
                % {"value": text, "low": low, "high": high}
            )
        return int(text)

    return convert


def yes_no(*, required: bool = False, blank: bool | None = False) -> Callable[[str], bool | None]:
    """Y/N, yes/no, true/false, 1/0 in any case; a blank cell is `blank` unless required."""

    def convert(text: str) -> bool | None:
        lowered = text.lower()
        if lowered in YES:
            return True
        if lowered in NO:
            return False
        if not text:
            if required:
                raise ValueError(_("is empty"))
            return blank
        raise ValueError(_("'%(value)s' is not Y or N") % {"value": text})

    return convert


def choice(options: dict[str, str], shown: str) -> Callable[[str], str]:
    """One of `options` (lower-case text to stored value); `shown` lists them for people."""

    def convert(text: str) -> str:
        found = options.get(" ".join(_required(text).split()).lower())
        if found is None:
            raise ValueError(
                _("'%(value)s' is not one of %(shown)s") % {"value": text, "shown": shown}
            )
        return found

    return convert


def race_options() -> dict[str, str]:
    options: dict[str, str] = {}
    for value, label in RaceEthnicity.choices:
        options[value] = value
        options[str(label).lower()] = value
        for code in RACE_CODES[RaceEthnicity(value)]:
            options[code] = value
    return options


def wbl_options() -> dict[str, str]:
    options: dict[str, str] = {}
    for value, label in WorkBasedLearning.Kind.choices:
        options[value] = value
        options[str(label).lower()] = value
    return options


def cross_checks(kind: str, year: Any, values: list[Any]) -> list[tuple[str, str]]:
    """Rules between a row's values, as (column, message); fills in values they imply."""
    if kind == RecordUpload.Kind.COURSES:
        credit, passed = values[2], values[3]
        if passed is None and isinstance(credit, Decimal):
            values[3] = credit > 0  # a blank `passed` means passed if credit was earned
        return []
    if kind != RecordUpload.Kind.GRADUATION:
        return []
    graduated, graduation_year = values
    if graduated is True and graduation_year is None:
        return [("graduation_year", _("is required when graduated is Y"))]
    if graduated is False and isinstance(graduation_year, int):
        return [("graduation_year", _("must be blank when graduated is N"))]
    if (
        isinstance(graduation_year, int)
        and isinstance(year, int)
        and not year - 2 <= graduation_year <= year + 3
    ):
        message = _(
            "%(year)d is not from 2 years before to 3 years after the cohort year %(cohort)d"
        ) % {"year": graduation_year, "cohort": year}
        return [("graduation_year", message)]
    return []
