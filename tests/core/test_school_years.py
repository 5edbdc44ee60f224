"""School years are named by the year they end in: class codes, plans and placements agree."""

from datetime import date

import pytest

from pathways.core.school_years import current_school_year


@pytest.mark.parametrize(
    ("day", "year"),
    [(date(2026, 6, 30), 2026), (date(2026, 7, 1), 2027), (date(2027, 1, 15), 2027)],
)
def test_a_new_school_year_starts_in_july(day, year):
    assert current_school_year(day) == year
