"""Small-cell suppression: primary, complementary, and a randomized check that no hidden count
can be worked out from the shown ones (by linear algebra written here, independently)."""

import itertools
import random
from fractions import Fraction

import pytest

from pathways.students.suppression import COMPLEMENTARY, SMALL, format_rate, suppress


def hidden_of(result):  # type: ignore[no-untyped-def]
    return {key for key, suppression in result.items() if suppression is not None}


def test_counts_below_the_minimum_are_hidden_and_zero_is_shown():
    counts = {"total": 0, "zero": 0}
    result = suppress(counts, [("total", ["zero"])], minimum=10)
    assert hidden_of(result) == set()

    counts = {"a": 3, "b": 10, "c": 12}
    result = suppress(counts, [], minimum=10)
    assert result["a"] is not None and result["a"].reason == SMALL
    assert result["b"] is None and result["c"] is None


def test_the_minimum_is_configurable():
    counts = {"a": 3, "b": 7}
    assert hidden_of(suppress(counts, [], minimum=5)) == {"a"}
    assert hidden_of(suppress(counts, [], minimum=8)) == {"a", "b"}
    assert hidden_of(suppress(counts, [], minimum=1)) == set()


def test_one_hidden_part_gets_a_complement_so_the_total_does_not_reveal_it():
    counts = {"total": 40, "female": 3, "male": 25, "nonbinary": 12}
    result = suppress(counts, [("total", ["female", "male", "nonbinary"])], minimum=10)
    assert result["female"].reason == SMALL
    # The smallest other part is hidden, not the total.
    assert result["nonbinary"].reason == COMPLEMENTARY
    assert result["male"] is None and result["total"] is None


def test_complement_spreads_across_two_way_tables():
    # Districts × sex with a state row: hiding one district's small count must not be
    # undone by the state total or by the district's own total.
    counts = {
        ("nm", "all"): 100, ("nm", "F"): 45, ("nm", "M"): 55,
        ("d1", "all"): 30, ("d1", "F"): 3, ("d1", "M"): 27,
        ("d2", "all"): 70, ("d2", "F"): 42, ("d2", "M"): 28,
    }  # fmt: skip
    equations = [
        (("nm", "all"), [("nm", "F"), ("nm", "M")]),
        (("d1", "all"), [("d1", "F"), ("d1", "M")]),
        (("d2", "all"), [("d2", "F"), ("d2", "M")]),
        (("nm", "all"), [("d1", "all"), ("d2", "all")]),
        (("nm", "F"), [("d1", "F"), ("d2", "F")]),
        (("nm", "M"), [("d1", "M"), ("d2", "M")]),
    ]
    hidden = hidden_of(suppress(counts, equations, minimum=10))
    assert ("d1", "F") in hidden
    assert derivable_cells(counts, equations, hidden) == set()
    assert ("nm", "all") not in hidden  # the state total stays shown


def test_a_cell_another_table_shows_is_never_chosen_as_complement():
    counts = {"total": 40, "a": 3, "b": 12, "c": 25}
    result = suppress(counts, [("total", ["a", "b", "c"])], minimum=10, shown_elsewhere={"b"})
    assert hidden_of(result) == {"a", "c"}


def test_a_cell_another_table_hides_is_hidden_here_with_its_protection():
    counts = {"total": 40, "a": 15, "b": 12, "c": 13}
    result = suppress(counts, [("total", ["a", "b", "c"])], minimum=10, hidden_elsewhere={"a"})
    assert hidden_of(result) == {"a", "b"}


# --- An independent check: Fraction-based ranks -------------------------------------------


def rank(matrix: list[list[Fraction]]) -> int:
    rows = [row[:] for row in matrix]
    found = 0
    columns = len(rows[0]) if rows else 0
    for column in range(columns):
        pivot = next((r for r in range(found, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for r in range(len(rows)):
            if r != found and rows[r][column] != 0:
                factor = rows[r][column] / rows[found][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[found], strict=True)]
        found += 1
    return found


def derivable_cells(counts, equations, hidden):  # type: ignore[no-untyped-def]
    """A hidden cell x is determined by the shown cells iff dropping x's column from the
    equations (restricted to hidden cells) lowers their rank by one."""
    cells = sorted(hidden, key=str)
    matrix = []
    for total, parts in equations:
        row = [Fraction(0)] * len(cells)
        for index, cell in enumerate(cells):
            row[index] += (cell == total) - sum(1 for p in parts if p == cell)
        matrix.append(row)
    full = rank(matrix)
    found = set()
    for index, cell in enumerate(cells):
        without = [row[:index] + row[index + 1 :] for row in matrix]
        if rank(without) == full - 1:
            found.add(cell)
    return found


def random_table(rng: random.Random):  # type: ignore[no-untyped-def]
    """A state > districts > schools hierarchy × categories (with an all-students column),
    counts skewed small so that suppression has work to do."""
    categories = [f"c{i}" for i in range(rng.randint(2, 4))]
    districts = {f"d{d}": [f"d{d}s{s}" for s in range(rng.randint(1, 3))] for d in range(3)}
    counts: dict[tuple[str, str], int] = {}
    for schools in districts.values():
        for school in schools:
            for category in categories:
                counts[(school, category)] = rng.choice([0, 1, 2, 4, 7, 9, 12, 20, 35])
    geography = {"state": list(districts), **districts}
    for district, schools in districts.items():
        for category in categories:
            counts[(district, category)] = sum(counts[(s, category)] for s in schools)
    for category in categories:
        counts[("state", category)] = sum(counts[(d, category)] for d in districts)
    places = ["state", *districts, *(s for schools in districts.values() for s in schools)]
    for place in places:
        counts[(place, "all")] = sum(counts[(place, c)] for c in categories)
    equations = [((place, "all"), [(place, c) for c in categories]) for place in places]
    for parent, children in geography.items():
        for category in ["all", *categories]:
            equations.append(((parent, category), [(child, category) for child in children]))
    return counts, equations


@pytest.mark.parametrize("seed", range(60))
def test_no_hidden_cell_is_derivable_in_random_hierarchical_tables(seed):
    rng = random.Random(seed)
    counts, equations = random_table(rng)
    minimum = rng.choice([3, 5, 10])
    result = suppress(counts, equations, minimum)
    hidden = hidden_of(result)
    assert {k for k, v in counts.items() if 0 < v < minimum} <= hidden
    assert all(counts[k] != 0 or result[k].reason == COMPLEMENTARY for k in hidden)
    assert derivable_cells(counts, equations, hidden) == set()


# --- Brute force on tiny tables: two different fillings exist for every hidden cell -------


def fillings(counts, inner, hidden, limit):  # type: ignore[no-untyped-def]
    """Every table whose hidden inner cells take values 0..limit and whose row, column and
    grand totals, worked out from the inner cells, agree with every total shown."""
    free = sorted((cell for cell in inner if cell in hidden), key=str)
    for values in itertools.product(range(limit + 1), repeat=len(free)):
        trial = {**inner, **dict(zip(free, values, strict=True))}
        trial.update(margins(trial))
        if all(trial[cell] == counts[cell] for cell in trial if cell not in hidden):
            yield trial


def margins(inner):  # type: ignore[no-untyped-def]
    rows = {r for r, _ in inner}
    columns = {c for _, c in inner}
    totals = {(r, "t"): sum(inner[(r, c)] for c in columns) for r in rows}
    totals |= {("t", c): sum(inner[(r, c)] for r in rows) for c in columns}
    totals[("t", "t")] = sum(inner.values())
    return totals


@pytest.mark.parametrize("seed", range(25))
def test_every_hidden_cell_of_a_tiny_table_has_two_possible_values(seed):
    rng = random.Random(1000 + seed)
    rows, columns = rng.randint(1, 2), 2
    inner = {(r, c): rng.choice([0, 1, 2, 3, 6, 8]) for r in range(rows) for c in range(columns)}
    counts = {**inner, **margins(inner)}
    equations = [((r, "t"), [(r, c) for c in range(columns)]) for r in range(rows)]
    equations += [(("t", c), [(r, c) for r in range(rows)]) for c in range(columns)]
    equations.append((("t", "t"), [("t", c) for c in range(columns)]))
    hidden = hidden_of(suppress(counts, equations, minimum=4))
    # The inner cells decide the whole table, so enumerating them finds every filling.
    solutions = list(fillings(counts, inner, hidden, limit=counts[("t", "t")]))
    assert solutions  # the true table is one of them
    for cell in hidden:
        assert len({solution[cell] for solution in solutions}) >= 2, cell


# --- Rates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numerator", "denominator", "display", "value"),
    [
        (20, 50, "40.0%", 40.0),
        (49, 50, "more than 95%", None),
        (1, 50, "fewer than 5%", None),
        (None, 50, "*", None),
        (20, None, "*", None),
        (3, 8, "*", None),  # a denominator below the minimum hides the rate
        (0, 0, "no students", None),
    ],
)
def test_rates_are_hidden_or_bounded_when_they_would_reveal_few_students(
    numerator, denominator, display, value
):
    rate = format_rate(numerator, denominator, minimum=10)
    assert rate.display == display
    assert rate.value == value
    assert rate.suppressed == (display == "*")
