"""New Mexico school years, named by the calendar year they end in (2026-27 is 2027)."""

from datetime import date

from django.utils import timezone


def current_school_year(today: date | None = None) -> int:
    """The school year `today` (default: the local date) falls in; a new one starts in July."""
    today = today or timezone.localdate()
    return today.year + 1 if today.month >= 7 else today.year
