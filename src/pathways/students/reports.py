"""CTE status counts (participants, concentrators, completers), with small cells suppressed.

Who counts, for report year Y (a school year, named by the year it ends in):

- The students are those enrolled in year Y (a StudentYear for Y). A student counts once in
  each group, whatever the number of programs. A student with records in more than one
  district for Y counts in the district of the record loaded last, so that districts add up
  to the state. Sex, race and ethnicity, special populations, district and school are those
  of that year-Y record.
- Participant: reached participant status in any program of study in Y or earlier; likewise
  concentrator and completer (ProgramStatus, rebuilt by `pathways students recompute`).
- By career cluster (either framework) or program of study, a student counts in every
  cluster or program they have that status in, so those rows do not add up to a total.
- Each breakdown lists all students and then every category; for a special population,
  the students in it and all others.
- Suppression: counts from 1 to minimum - 1 are hidden, and other cells are hidden where the
  shown ones would reveal a hidden count (subgroups add up to all students; schools to
  their district; districts to the state). For the state, district and school groupings it
  is decided on the whole state's table, so every view of the same figure hides the same
  cells; a user sees only the rows of their scope.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Max, Min
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pathways.framework.models import Cluster
from pathways.geography.models import District
from pathways.programs.models import ProgramOfStudy

from .models import RecordUpload, StudentYear
from .program_tables import place_of, program_table
from .progress import school_year_label
from .report_cache import cached_table
from .report_sql import NO_CLUSTER, status_by_school
from .report_tables import (
    ALL,
    GEOGRAPHIC,
    STATUSES,
    Cell,
    Geography,
    Key,
    agreeing,
    check_request,
    load_geography,
    subgroups,
    visible_places,
)
from .scope import ReportScope
from .suppression import Suppression, suppress


@dataclass(frozen=True)
class ReportRow:
    group_by: str  # this row's level: "state", "district", "school", "cluster", ...
    group_key: str
    group_label: str
    breakdown: str
    subgroup: str  # a category code, or "all"
    subgroup_label: str
    participants: Cell
    concentrators: Cell
    completers: Cell
    parent_key: str | None = None  # a school's district; a district's state


@dataclass
class StatusReport:
    year: int
    scope: ReportScope
    group_by: str
    breakdown: str
    minimum: int
    rows: list[ReportRow]
    source: str


def available_years(scope: ReportScope) -> list[int]:
    """School years with enrolment records in the scope, latest first."""
    years = _scoped(StudentYear.objects.all(), scope).values_list("school_year", flat=True)
    return sorted(set(years.distinct()), reverse=True)


def status_report(
    year: int,
    scope: ReportScope,
    *,
    group_by: str = "district",
    breakdown: str = "all",
    minimum: int | None = None,
) -> StatusReport:
    """Participants, concentrators and completers in year `year`, by group and subgroup,
    with small counts and their complements suppressed (see the module's docstring)."""
    check_request(group_by, breakdown)
    minimum = settings.PATHWAYS_MIN_CELL if minimum is None else minimum
    if group_by in GEOGRAPHIC:
        rows = _geographic_status_rows(year, scope, group_by, breakdown, minimum)
    else:
        rows = _program_status_rows(year, scope, group_by, breakdown, minimum)
    return StatusReport(
        year=year,
        scope=scope,
        group_by=group_by,
        breakdown=breakdown,
        minimum=minimum,
        rows=rows,
        source=source_note(year, scope),
    )


def _scoped(queryset: Any, scope: ReportScope) -> Any:
    if scope.district_id:
        queryset = queryset.filter(district_id=scope.district_id)
    if scope.school_id:
        queryset = queryset.filter(school_id=scope.school_id)
    return queryset


# --- Geography ----------------------------------------------------------------------------


def status_suppression(
    year: int,
    breakdown: str,
    minimum: int,
    *,
    everyone: dict[Key, Suppression | None] | None = None,
) -> tuple[Geography, dict[Key, int], dict[Key, Suppression | None]]:
    """The statewide status table by school, district and state, and what it hides. Its
    all-students cells are hidden exactly as in the table without a breakdown (`everyone`:
    what that table hides, when the caller already has it). Cached per data version."""
    return cached_table(
        "status",
        (year, breakdown),
        minimum,
        lambda: _status_suppression(year, breakdown, minimum, everyone),
    )


def _status_suppression(
    year: int, breakdown: str, minimum: int, everyone: dict[Key, Suppression | None] | None
) -> tuple[Geography, dict[Key, int], dict[Key, Suppression | None]]:
    geography = load_geography(status_by_school(year, breakdown, minimum))
    categories = [code for code, _label in subgroups(breakdown)[1:]]
    counts = geography.counts(categories, STATUSES)
    equations = geography.equations(categories, STATUSES, GEOGRAPHIC)
    published = []
    if breakdown != ALL:
        published.append(everyone if everyone is not None else status_everyone(year, minimum))
    return geography, counts, suppress(counts, equations, minimum, **agreeing(counts, *published))


def status_everyone(year: int, minimum: int) -> dict[Key, Suppression | None]:
    """What the statewide status table without a breakdown hides."""
    return status_suppression(year, ALL, minimum)[2]


def _geographic_status_rows(
    year: int, scope: ReportScope, group_by: str, breakdown: str, minimum: int
) -> list[ReportRow]:
    geography, counts, hidden = status_suppression(year, breakdown, minimum)
    rows = []
    for level, key, parent in visible_places(geography, scope, group_by):
        for subgroup, subgroup_label in subgroups(breakdown):
            label = geography.label(level, key)
            place = (level, key, label, parent)
            rows.append(_status_row(place, breakdown, (subgroup, subgroup_label), counts, hidden))
    return rows


def _status_row(
    place: tuple[str, str, str, str | None],
    breakdown: str,
    subgroup: tuple[str, str],
    counts: dict[Key, int],
    hidden: dict[Key, Suppression | None],
) -> ReportRow:
    level, key, label, parent = place
    participants, concentrators, completers = (
        Cell.of(counts[(level, key, subgroup[0], s)], hidden[(level, key, subgroup[0], s)])
        for s in STATUSES
    )
    return ReportRow(
        group_by=level,
        group_key=key,
        group_label=label,
        breakdown=breakdown,
        subgroup=subgroup[0],
        subgroup_label=subgroup[1],
        participants=participants,
        concentrators=concentrators,
        completers=completers,
        parent_key=parent,
    )


# --- Clusters and programs ----------------------------------------------------------------


def _program_status_rows(
    year: int, scope: ReportScope, group_by: str, breakdown: str, minimum: int
) -> list[ReportRow]:
    """Rows by cluster or program, for the scope's students: its place's rows of the table
    suppressed jointly for every place (see `program_tables`)."""
    place = place_of(scope)
    table = program_table(year, group_by, breakdown, minimum, place)
    labels = _program_group_labels(group_by, table.groups(place))
    counts: dict[Key, int] = {}
    hidden: dict[Key, Suppression | None] = {}
    for cell, count in table.counts.items():
        if cell[:2] == place:
            key = (group_by, *cell[2:])
            counts[key], hidden[key] = count, table.hidden[cell]
    rows = []
    for group in sorted(labels, key=lambda g: (labels[g], g)):
        for subgroup, subgroup_label in subgroups(breakdown):
            row_place = (group_by, group, labels[group], None)
            rows.append(
                _status_row(row_place, breakdown, (subgroup, subgroup_label), counts, hidden)
            )
    return rows


def _program_group_labels(group_by: str, keys: set[str]) -> dict[str, str]:
    if group_by == "program":
        programs = ProgramOfStudy.objects.filter(pk__in=[int(k) for k in keys])
        return {
            str(pk): f"{title} ({district})"
            for pk, title, district in programs.values_list("pk", "title", "district__name")
        }
    names = dict(Cluster.objects.filter(code__in=keys).values_list("code", "name"))
    labels = {key: names.get(key, key) for key in keys}
    if NO_CLUSTER in labels:
        labels[NO_CLUSTER] = _("No legacy pathway given")
    return labels


# --- Provenance ---------------------------------------------------------------------------


def source_note(year: int, scope: ReportScope) -> str:
    """One sentence naming the data: whose course records, which years, when loaded."""
    uploads = RecordUpload.objects.filter(kind=RecordUpload.Kind.COURSES, school_year__lte=year)
    if scope.district_id:
        uploads = uploads.filter(district_id=scope.district_id)
    found = uploads.aggregate(
        districts=Count("district", distinct=True),
        first=Min("school_year"),
        last=Max("school_year"),
        latest=Max("uploaded_at"),
    )
    if not found["districts"]:
        return _("No course records have been uploaded for %(year)s or earlier.") % {
            "year": school_year_label(year)
        }
    if scope.district_id:
        who = District.objects.get(nces_id=scope.district_id).name
    else:
        who = ngettext(
            "%(count)s school district", "%(count)s school districts", found["districts"]
        ) % {"count": found["districts"]}
    return _(
        "Course completion records uploaded by %(who)s for school years %(first)s to "
        "%(last)s (latest upload %(date)s); CTE status is computed from them."
    ) % {
        "who": who,
        "first": school_year_label(found["first"]),
        "last": school_year_label(found["last"]),
        "date": found["latest"].date().isoformat(),
    }
