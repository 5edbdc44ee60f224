"""The Perkins V secondary indicators (1S1, 4S1, 5S1, 5S2, 5S3), with small cells suppressed.

The students counted are the status report's (see `reports`), and so is the suppression:
each indicator's concentrators agree with that report's, and the students not in a
numerator are counted too, so a rate near 100% cannot reveal a handful of students.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import RecordUpload, WorkBasedLearningRecord
from .progress import school_year_label
from .report_cache import cached_table
from .report_sql import indicator_counts
from .report_tables import (
    ALL,
    Cell,
    Geography,
    Key,
    agreeing,
    check_request,
    load_geography,
    subgroups,
    visible_places,
)
from .reports import source_note, status_everyone, status_suppression
from .scope import ReportScope
from .suppression import Rate, Suppression, format_rate, suppress


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    definition: str
    numerator: str  # the measure counted in the numerator
    denominator: str
    needs: tuple[str, ...]  # RecordUpload kinds that must be loaded for the year


def indicators() -> list[Indicator]:
    """The Perkins V secondary indicators these records support, with their definitions."""
    kind = RecordUpload.Kind
    return [
        Indicator(
            "1S1",
            _("Four-year graduation rate"),
            _(
                "Concentrators (by the year) in the four-year cohort expected to graduate in "
                "the year who graduated within four years, out of all concentrators in that "
                "cohort. Students who left are counted where they were last enrolled."
            ),
            "cohort_graduated",
            "cohort",
            (kind.GRADUATION,),
        ),
        Indicator(
            "4S1",
            _("Nontraditional program concentration"),
            _(
                "Concentrators enrolled in the year whose record for the year marks them as in a "
                "program nontraditional for their sex, out of all concentrators enrolled."
            ),
            "nontraditional",
            "concentrators",
            (),
        ),
        Indicator(
            "5S1",
            _("Recognized postsecondary credential"),
            _(
                "Concentrators who graduated in the year and earned an industry-recognized "
                "credential in any year up to it, out of all graduating concentrators."
            ),
            "credential",
            "graduating",
            (kind.GRADUATION, kind.CREDENTIALS),
        ),
        Indicator(
            "5S2",
            _("Postsecondary credits"),
            _(
                "Concentrators who graduated in the year and earned postsecondary (dual) credit "
                "in any year up to it, out of all graduating concentrators."
            ),
            "dual_credit",
            "graduating",
            (kind.GRADUATION, kind.DUAL_CREDIT),
        ),
        Indicator(
            "5S3",
            _("Work-based learning"),
            _(
                "Concentrators who graduated in the year and took part in work-based learning "
                "in any year up to it, out of all graduating concentrators."
            ),
            "wbl",
            "graduating",
            (kind.GRADUATION, kind.WORK_BASED_LEARNING),
        ),
    ]


INDICATOR_MEASURES = (
    "concentrators",
    "nontraditional",
    "graduating",
    "credential",
    "dual_credit",
    "wbl",
    "cohort",
    "cohort_graduated",
)
NEEDS_LABELS: dict[str, Promise] = {
    RecordUpload.Kind.GRADUATION: gettext_lazy("graduation records"),
    RecordUpload.Kind.CREDENTIALS: gettext_lazy("credential records"),
    RecordUpload.Kind.DUAL_CREDIT: gettext_lazy("dual credit records"),
    RecordUpload.Kind.WORK_BASED_LEARNING: gettext_lazy("work-based learning records"),
}


@dataclass(frozen=True)
class IndicatorRow:
    code: str  # "1S1", "4S1", "5S1", "5S2", "5S3"
    name: str
    group_by: str  # this row's level: "state", "district" (or "school" for a school's staff)
    group_key: str
    group_label: str
    breakdown: str
    subgroup: str
    subgroup_label: str
    numerator: Cell
    denominator: Cell
    rate: Rate
    available: bool
    note: str  # why it is not available, or what it leaves out; "" when complete


class IndicatorReport(list[IndicatorRow]):
    """The indicator rows, with what the export's notes need."""

    def __init__(
        self,
        rows: Iterable[IndicatorRow],
        *,
        year: int,
        scope: ReportScope,
        group_by: str,
        breakdown: str,
        minimum: int,
        source: str,
    ) -> None:
        super().__init__(rows)
        self.year = year
        self.scope = scope
        self.group_by = group_by
        self.breakdown = breakdown
        self.minimum = minimum
        self.source = source


def perkins_indicators(
    year: int,
    scope: ReportScope,
    *,
    group_by: str = "district",
    breakdown: str = "all",
    minimum: int | None = None,
) -> IndicatorReport:
    """Numerator, denominator and rate of each indicator for the state and its districts
    (`group_by` "state": the state only; any other grouping gives districts), by subgroup.

    An indicator whose files are not loaded for a district and year is marked unavailable,
    never shown as 0; the state needs them from every district. Counts are suppressed like
    the status report's, and consistently with it: its concentrator counts are the 4S1
    denominators."""
    check_request(group_by, breakdown)
    minimum = settings.PATHWAYS_MIN_CELL if minimum is None else minimum
    geography, counts, hidden = _indicator_suppression(year, scope, breakdown, minimum)
    table = _IndicatorTable(
        geography, counts, hidden, _Availability(year, geography), breakdown, minimum
    )
    places = visible_places(geography, scope, "state" if group_by == "state" else "district")
    return IndicatorReport(
        [
            table.row(indicator, place, subgroup)
            for indicator in indicators()
            for place in places
            for subgroup in subgroups(breakdown)
        ],
        year=year,
        scope=scope,
        group_by=group_by,
        breakdown=breakdown,
        minimum=minimum,
        source=source_note(year, scope),
    )


def _indicator_suppression(
    year: int,
    scope: ReportScope,
    breakdown: str,
    minimum: int,
    status_hidden: dict[Key, Suppression | None] | None = None,
) -> tuple[Geography, dict[Key, int], dict[Key, Suppression | None]]:
    """The indicators' table and what it hides, agreeing with the status report's
    concentrators and with the all-students cells of the table without a breakdown.
    `status_hidden`: what the status table without a breakdown hides, computed once.
    Cached per data version: only a school's staff see a table of their own."""
    return cached_table(
        "indicators",
        (year, scope.school_id or "", breakdown),
        minimum,
        lambda: _indicator_table(year, scope, breakdown, minimum, status_hidden),
    )


def _indicator_table(
    year: int,
    scope: ReportScope,
    breakdown: str,
    minimum: int,
    status_hidden: dict[Key, Suppression | None] | None,
) -> tuple[Geography, dict[Key, int], dict[Key, Suppression | None]]:
    # A school's staff see their school's row; everyone else the statewide table's rows.
    query_scope = scope if scope.school_id else ReportScope()
    geography = load_geography(indicator_counts(year, query_scope, breakdown, minimum))
    levels = ("school",) if scope.school_id else ("state", "district")
    categories = [code for code, _label in subgroups(breakdown)[1:]]
    counts = _with_complements(geography.counts(categories, INDICATOR_MEASURES), levels)
    equations = geography.equations(categories, _all_measures(), levels)
    equations += _complement_equations(counts)
    if status_hidden is None:
        status_hidden = status_everyone(year, minimum)
    if breakdown == ALL:
        published = [status_hidden]
    else:
        published = [
            status_suppression(year, breakdown, minimum, everyone=status_hidden)[2],
            _indicator_suppression(year, scope, ALL, minimum, status_hidden)[2],
        ]
    return geography, counts, suppress(counts, equations, minimum, **agreeing(counts, *published))


def _all_measures() -> list[str]:
    return [*INDICATOR_MEASURES, *(f"not:{i.code}" for i in indicators())]


def _with_complements(counts: dict[Key, int], levels: Sequence[str]) -> dict[Key, int]:
    """Only the levels wanted, plus for each indicator the students NOT in its numerator:
    they are counted too, so a rate near 100% cannot reveal a handful of students."""
    kept = {key: count for key, count in counts.items() if key[0] in levels}
    listed = indicators()
    for key in [k for k in kept if k[3] == "concentrators"]:
        level, group, subgroup, _measure = key
        for indicator in listed:
            total = kept[(level, group, subgroup, indicator.denominator)]
            part = kept[(level, group, subgroup, indicator.numerator)]
            kept[(level, group, subgroup, f"not:{indicator.code}")] = total - part
    return kept


def _complement_equations(counts: dict[Key, int]) -> list[tuple[Key, list[Key]]]:
    equations: list[tuple[Key, list[Key]]] = []
    listed = indicators()
    for level, group, subgroup, measure in counts:
        if measure != "concentrators":
            continue
        for indicator in listed:
            cell = (level, group, subgroup)
            equations.append(
                (
                    (*cell, indicator.denominator),
                    [(*cell, indicator.numerator), (*cell, f"not:{indicator.code}")],
                )
            )
    return equations


class _Availability:
    """Which record files are loaded for the year, by district."""

    def __init__(self, year: int, geography: Geography) -> None:
        self.year = year
        uploads = RecordUpload.objects.filter(school_year=year).values_list("district_id", "kind")
        self.loaded = set(uploads)
        # Hours verified on the site for the year stand in for a district's file of them.
        site = WorkBasedLearningRecord.objects.filter(
            school_year=year, source=WorkBasedLearningRecord.Source.SITE
        )
        for district in site.values_list("district_id", flat=True).distinct():
            self.loaded.add((district, RecordUpload.Kind.WORK_BASED_LEARNING))
        self.districts = {district for district, _school, _category in geography.by_school}
        self.district_of = {
            str(school): district for district, school, _category in geography.by_school
        }

    def note(self, indicator: Indicator, level: str, key: str) -> tuple[bool, str]:
        """Whether the indicator can be computed for this place, and a note for the reader.

        A district or school needs its district's files. The state needs at least one
        district's file of each kind: a district with no credentials, dual credit or
        work-based learning to report has no rows to upload, so demanding a file from every
        district would hide the state's figure for ever; the note says how many sent one."""
        if level == "state":
            districts = self.districts
        else:
            districts = {key if level == "district" else self.district_of[key]}
        sent = {
            kind: {d for d in districts if (d, kind) in self.loaded} for kind in indicator.needs
        }
        missing = [kind for kind, senders in sent.items() if not senders]
        if missing:
            return False, _("Needs %(files)s for %(year)s.") % {
                "files": self._files(missing),
                "year": school_year_label(self.year),
            }
        partial = [kind for kind, senders in sent.items() if senders != districts]
        if not partial:
            return True, ""
        fewest = min(len(sent[kind]) for kind in partial)
        return True, _(
            "Counts only the %(files)s of the %(sent)s of %(all)s school districts that sent them."
        ) % {"files": self._files(partial), "sent": fewest, "all": len(districts)}

    @staticmethod
    def _files(kinds: Iterable[str]) -> str:
        return _(" and ").join(str(NEEDS_LABELS[kind]) for kind in kinds)


@dataclass
class _IndicatorTable:
    """Everything one indicator row is read from."""

    geography: Geography
    counts: dict[Key, int]
    hidden: dict[Key, Suppression | None]
    availability: _Availability
    breakdown: str
    minimum: int

    def row(
        self, indicator: Indicator, place: tuple[str, str, str | None], subgroup: tuple[str, str]
    ) -> IndicatorRow:
        level, key, _parent = place
        available, note = self.availability.note(indicator, level, key)
        if not available:
            numerator = denominator = Cell(None, False, None)
            rate = Rate(None, _("not available"), suppressed=False)
        else:
            numerator = self.cell((level, key, subgroup[0], indicator.numerator))
            denominator = self.cell((level, key, subgroup[0], indicator.denominator))
            rate = format_rate(
                numerator.count,
                denominator.count,
                self.minimum,
                bounds=settings.PATHWAYS_RATE_BOUNDS,
            )
        return IndicatorRow(
            code=indicator.code,
            name=indicator.name,
            group_by=level,
            group_key=key,
            group_label=self.geography.label(level, key),
            breakdown=self.breakdown,
            subgroup=subgroup[0],
            subgroup_label=subgroup[1],
            numerator=numerator,
            denominator=denominator,
            rate=rate,
            available=available,
            note=note,
        )

    def cell(self, key: Key) -> Cell:
        return Cell.of(self.counts[key], self.hidden[key])
