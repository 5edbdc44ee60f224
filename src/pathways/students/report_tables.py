"""The shape of the student reports' tables: groupings, breakdowns and their subgroups, cells,
and the state > district > school geography whose sums suppression must keep consistent.

Shared by the status report (`reports`) and the Perkins V indicators (`indicators`); the
rules of who counts and what is hidden are in the status report's docstring.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from pathways.geography.models import District, School, State

from .models import SPECIAL_POPULATIONS, RaceEthnicity, Sex
from .scope import ReportScope
from .suppression import Suppression

GROUP_BY = ("state", "district", "school", "cluster", "legacy_cluster", "program")
GEOGRAPHIC = ("state", "district", "school")
BREAKDOWNS = ("all", "sex", "race_ethnicity", *SPECIAL_POPULATIONS)
ALL = "all"
STATUSES = ("participants", "concentrators", "completers")  # the status report's counts

Key = tuple[str, str, str, str]  # (level, group key, subgroup, measure): one cell


@dataclass(frozen=True)
class Cell:
    count: int | None  # None when suppressed (or not available)
    suppressed: bool
    reason: str | None  # "small" | "complementary"

    @classmethod
    def of(cls, count: int, suppression: Suppression | None) -> "Cell":
        if suppression is None:
            return cls(count, False, None)
        return cls(None, True, suppression.reason)


class BadReportRequest(ValueError):
    """A grouping or breakdown that does not exist; the message is for the reader."""


def check_request(group_by: str, breakdown: str) -> None:
    """Raise BadReportRequest unless both the grouping and the breakdown exist."""
    if group_by not in GROUP_BY:
        raise BadReportRequest(_("Unknown grouping '%(value)s'.") % {"value": group_by})
    if breakdown not in BREAKDOWNS:
        raise BadReportRequest(_("Unknown breakdown '%(value)s'.") % {"value": breakdown})


# --- Subgroups ----------------------------------------------------------------------------


def subgroups(breakdown: str) -> list[tuple[str, str]]:
    """(code, label) of "all" and then each category of the breakdown."""
    everyone = (ALL, _("All students"))
    if breakdown == ALL:
        return [everyone]
    if breakdown == "sex":
        return [everyone, *((code, str(label)) for code, label in Sex.choices)]
    if breakdown == "race_ethnicity":
        return [everyone, *((code, str(label)) for code, label in RaceEthnicity.choices)]
    return [everyone, ("yes", str(SPECIAL_POPULATIONS[breakdown])), ("no", _("All others"))]


def category_equations(
    cells: Iterable[tuple[str, str]], categories: Sequence[str], measures: Sequence[str]
) -> list[tuple[Key, list[Key]]]:
    """For each (level, key) and measure: all students = the sum of the categories."""
    if not categories:
        return []
    return [
        ((level, key, ALL, measure), [(level, key, c, measure) for c in categories])
        for level, key in cells
        for measure in measures
    ]


# --- Geography ----------------------------------------------------------------------------


@dataclass
class Geography:
    """The districts and schools with students in a report, and their counts by school and
    category; every coarser count is a sum of these (each student is in one school)."""

    state_key: str
    state_label: str
    by_school: dict[tuple[str, int, str], tuple[int, ...]]  # (district, school, category)
    district_labels: dict[str, str]
    school_labels: dict[int, str]

    def places(self) -> list[tuple[str, str, str | None]]:
        """(level, key, parent key), state first, then each district followed by its schools."""
        schools: dict[str, set[int]] = defaultdict(set)
        for district, school, _category in self.by_school:
            schools[district].add(school)
        places: list[tuple[str, str, str | None]] = [("state", self.state_key, None)]
        for district in sorted(schools, key=lambda d: (self.district_labels[d], d)):
            places.append(("district", district, self.state_key))
            for school in sorted(schools[district], key=lambda s: (self.school_labels[s], s)):
                places.append(("school", str(school), district))
        return places

    def label(self, level: str, key: str) -> str:
        if level == "state":
            return self.state_label
        if level == "district":
            return self.district_labels[key]
        return self.school_labels[int(key)]

    def counts(self, categories: Sequence[str], measures: Sequence[str]) -> dict[Key, int]:
        """Every place × (all and each category) × measure, zeros included."""
        counts: dict[Key, int] = {}
        for level, key, _parent in self.places():
            for category in [ALL, *categories]:
                for measure in measures:
                    counts[(level, key, category, measure)] = 0
        for (district, school, category), values in self.by_school.items():
            places = [("state", self.state_key), ("district", district), ("school", str(school))]
            for level, key in places:
                for measure, value in zip(measures, values, strict=True):
                    counts[(level, key, ALL, measure)] += value
                    if category != ALL:
                        counts[(level, key, category, measure)] += value
        return counts

    def equations(
        self, categories: Sequence[str], measures: Sequence[str], levels: Sequence[str]
    ) -> list[tuple[Key, list[Key]]]:
        """Subgroups add up to all students; children add up to their parent."""
        places = [p for p in self.places() if p[0] in levels]
        equations = category_equations([(lvl, key) for lvl, key, _ in places], categories, measures)
        children: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        shown = {(level, key) for level, key, _ in places}
        for level, key, parent in places:
            parent_level = {"district": "state", "school": "district"}.get(level)
            if parent is not None and parent_level and (parent_level, parent) in shown:
                children[(parent_level, parent)].append((level, key))
        for (level, key), kids in children.items():
            for category in [ALL, *categories]:
                for measure in measures:
                    equations.append(
                        (
                            (level, key, category, measure),
                            [(kl, kk, category, measure) for kl, kk in kids],
                        )
                    )
        return equations


def load_geography(rows: Iterable[Sequence[Any]]) -> Geography:
    """Geography from query rows (district_id, school_id, category, *counts)."""
    by_school = {(row[0], int(row[1]), row[2]): tuple(int(v or 0) for v in row[3:]) for row in rows}
    district_ids = {district for district, _s, _c in by_school}
    school_ids = {school for _d, school, _c in by_school}
    state = State.objects.first()
    return Geography(
        state_key=state.fips if state else "state",
        state_label=state.name if state else _("The state"),
        by_school=by_school,
        district_labels=dict(
            District.objects.filter(nces_id__in=district_ids).values_list("nces_id", "name")
        ),
        school_labels={
            pk: name or code
            for pk, name, code in School.objects.filter(pk__in=school_ids).values_list(
                "pk", "name", "code"
            )
        },
    )


def visible_places(
    geography: Geography, scope: ReportScope, group_by: str
) -> list[tuple[str, str, str | None]]:
    """The rows a report shows: levels down to `group_by`, within the scope. A grouping
    coarser than the scope shows the scope's own row (a district's coordinator asking for
    the state sees their district)."""
    levels = GEOGRAPHIC[: GEOGRAPHIC.index(group_by) + 1]
    places = geography.places()
    if scope.school_id:
        return [p for p in places if p[0] == "school" and p[1] == str(scope.school_id)]
    if scope.district_id:
        return [
            p
            for p in places
            if (p[0] == "district" and p[1] == scope.district_id)
            or (p[0] == "school" and p[2] == scope.district_id and "school" in levels)
        ]
    return [p for p in places if p[0] in levels]


def agreeing(
    counts: dict[Key, int], *published: dict[Key, Suppression | None]
) -> dict[str, set[Key]]:
    """suppress()'s arguments that keep a table's cells as another published table has them:
    a figure shown in one and hidden in the other could be worked out from the two."""
    shown: set[Key] = set()
    hidden: set[Key] = set()
    for result in published:
        for key, suppression in result.items():
            if key in counts:
                (shown if suppression is None else hidden).add(key)
    return {"shown_elsewhere": shown - hidden, "hidden_elsewhere": hidden}
