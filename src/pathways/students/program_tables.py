"""The status tables by cluster or program of study, suppressed jointly across geography.

Each student counts in one school, so for every cluster or program a school's counts add up
to its district's and the districts' to the state's. Suppressed one scope at a time, the 89
district tables and the state's table together would reveal cells each hides; so the table
is built and suppressed once for the whole state, every school, district and state cell in
one system of equations, and each viewer is shown the rows of their own place.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .report_cache import cached_table
from .report_sql import status_by_program_group
from .report_tables import ALL, STATUSES, agreeing, subgroups
from .scope import ReportScope
from .suppression import Suppression, suppress

STATE = ("state", "")
Place = tuple[str, str]  # ("state", ""), ("district", nces_id) or ("school", school id)
Cell = tuple[str, str, str, str, str]  # (place level, place key, group, subgroup, status)


@dataclass
class ProgramTable:
    """Counts by place, group, subgroup and status, and what the joint suppression hides."""

    counts: dict[Cell, int]
    hidden: dict[Cell, Suppression | None]

    def groups(self, place: Place) -> set[str]:
        """The clusters or programs with students at the place."""
        return {cell[2] for cell in self.counts if cell[:2] == place}


def place_of(scope: ReportScope) -> Place:
    """The place whose rows a scope sees."""
    if scope.school_id:
        return ("school", str(scope.school_id))
    if scope.district_id:
        return ("district", scope.district_id)
    return STATE


def program_table(
    year: int, group_by: str, breakdown: str, minimum: int, place: Place = STATE
) -> ProgramTable:
    """The table by cluster or program (`group_by`) with the cells `place` needs.

    The state's and the districts' cells are suppressed together, for the whole state. A
    school's cells are suppressed with its district's schools, their district's cells kept
    as the state-wide system has them, so no combination of the tables reveals a hidden
    count. Either way the all-students cells are hidden as in the table without a
    breakdown (worked out from the same rows, so no second query). Cached per data
    version: the state's table serves every district."""
    return cached_table(
        "programs",
        (year, group_by, breakdown, *(place if place[0] == "school" else STATE)),
        minimum,
        lambda: _program_table(year, group_by, breakdown, minimum, place),
    )


def _program_table(
    year: int, group_by: str, breakdown: str, minimum: int, place: Place
) -> ProgramTable:
    found = status_by_program_group(year, ReportScope(), group_by, breakdown, minimum)
    categories = [code for code, _label in subgroups(breakdown)[1:]]
    counts, parents = _counts(found, categories, school_of_district=None)
    hidden, everyone = _solve(counts, parents, categories, minimum, [])
    if place[0] != "school":
        return ProgramTable(counts, hidden)
    district = next((str(row[0]) for row in found if str(row[1]) == place[1]), None)
    if district is None:
        return ProgramTable({}, {})
    counts, parents = _counts(found, categories, school_of_district=district)
    hidden, _everyone = _solve(counts, parents, categories, minimum, [hidden, everyone])
    return ProgramTable(counts, hidden)


Hidden = dict[Cell, Suppression | None]


def _solve(
    counts: dict[Cell, int],
    parents: dict[Place, Place],
    categories: list[str],
    minimum: int,
    published: list[Hidden],
) -> tuple[Hidden, Hidden]:
    """What the table hides, and what its all-students cells alone hide, agreeing with
    the `published` results."""
    everyone_counts = {cell: count for cell, count in counts.items() if cell[3] == ALL}
    agreed: dict[str, Any] = agreeing(everyone_counts, *published)  # type: ignore[arg-type]
    everyone = suppress(
        everyone_counts, _equations(everyone_counts, parents, []), minimum, **agreed
    )
    if not categories:
        return everyone, everyone
    kept: dict[str, Any] = agreeing(counts, *published, everyone)  # type: ignore[arg-type]
    return suppress(counts, _equations(counts, parents, categories), minimum, **kept), everyone


def _counts(
    found: Sequence[Sequence[Any]], categories: list[str], *, school_of_district: str | None
) -> tuple[dict[Cell, int], dict[Place, Place]]:
    """The cells from the rows by (district, school, group, category), zeros included for
    the groups present at each place, and each place's parent: the state and its districts,
    or (`school_of_district`) that district and its schools."""
    counts: dict[Cell, int] = {}
    parents: dict[Place, Place] = {}
    for district, school, group, category, *values in found:
        district_place, school_place = ("district", str(district)), ("school", str(school))
        if school_of_district is None:
            places = (STATE, district_place)
            parents[district_place] = STATE
        elif str(district) == school_of_district:
            places = (district_place, school_place)
            parents[school_place] = district_place
        else:
            continue
        for level, key in places:
            for subgroup in [ALL, *categories]:
                for status in STATUSES:
                    counts.setdefault((level, key, str(group), subgroup, status), 0)
            for subgroup in {ALL, category}:
                for status, value in zip(STATUSES, values, strict=True):
                    counts[(level, key, str(group), subgroup, status)] += int(value or 0)
    return counts, parents


def _equations(
    counts: dict[Cell, int], parents: dict[Place, Place], categories: list[str]
) -> list[tuple[Cell, list[Cell]]]:
    """Subgroups add up to all students; children to their parent."""
    equations: list[tuple[Cell, list[Cell]]] = []
    children: dict[Cell, list[Cell]] = defaultdict(list)
    for cell in counts:
        level, key, group, subgroup, status = cell
        if categories and subgroup == ALL:
            equations.append((cell, [(level, key, group, c, status) for c in categories]))
        parent = parents.get((level, key))
        if parent is not None:
            children[(*parent, group, subgroup, status)].append(cell)
    return equations + list(children.items())
