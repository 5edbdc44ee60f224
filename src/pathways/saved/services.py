"""A student's saved occupations: the list, saving and removing (plain functions the pages,
and the Next Step Plan's career goals, call)."""

import re
from typing import Any

from django.db import IntegrityError, transaction

from pathways.occupations.models import SocCode
from pathways.saved.models import MAX_SAVED_OCCUPATIONS, SavedOccupation, SavedOccupationQuerySet

SOC = re.compile(r"\d{2}-\d{4}")


class UnknownOccupation(LookupError):
    """No occupation page has this code (a forged or outdated form)."""


class TooManySaved(ValueError):
    """The student's list is full."""


def saved_occupations(user: Any) -> SavedOccupationQuerySet:
    """The user's saved occupations, newest first; empty for anyone not signed in.

    `occupation_id` is the detailed SOC code (only those can be saved; the comparison
    takes the same). A later data load that drops a code leaves the row, so prefer
    `occupation_id` with `occupations.tables.occupation_rows` over `.occupation`.
    """
    return SavedOccupation.objects.owned_by(user)


def saved_codes(user: Any) -> set[str]:
    return set(saved_occupations(user).values_list("occupation_id", flat=True))


def is_saveable(code: str) -> bool:
    """A detailed SOC occupation (what the comparison takes too); not a BLS combined code."""
    if not SOC.fullmatch(code):
        return False
    return SocCode.objects.filter(code=code, level=SocCode.Level.DETAILED).exists()


def save_occupation(user: Any, code: str) -> bool:
    """Add `code` to the user's list; False when it was there already."""
    if not is_saveable(code):
        raise UnknownOccupation(code)
    mine = saved_occupations(user)
    if mine.filter(occupation_id=code).exists():
        return False
    if mine.count() >= MAX_SAVED_OCCUPATIONS:
        raise TooManySaved(MAX_SAVED_OCCUPATIONS)
    try:
        with transaction.atomic():
            SavedOccupation.objects.create(owner=user, occupation_id=code)
    except IntegrityError:  # a double submit saved it a moment ago
        return False
    return True


def remove_occupation(user: Any, code: str) -> bool:
    """Remove `code` from the user's list; False when it was not in it."""
    deleted, _ = saved_occupations(user).filter(occupation_id=code).delete()
    return bool(deleted)
