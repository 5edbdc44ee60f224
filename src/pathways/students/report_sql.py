"""The set-based SQL behind the student reports, and the functions that run it.

Set-based, portable between SQLite and PostgreSQL. {name} are quoted table names, %s query
parameters; column names come from the models, never from what a user typed.

Each query counts by place and by every breakdown's column at once (a "cube": one row per
district, school and combination of sex, race and ethnicity and special populations), and
is run once per school year and data version (`report_cache.cached_table`). A report's breakdown
then only adds up the cube's rows in Python: each student is in one row, so the sums are the
counts a query by that breakdown would give, and all eleven breakdowns of a year cost one
pass over the students instead of eleven.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from pathways.framework.models import SubCluster
from pathways.programs.models import ProgramOfStudy

from .models import (
    SPECIAL_POPULATIONS,
    CredentialEarned,
    DualCreditRecord,
    GraduationRecord,
    ProgramStatus,
    StudentYear,
    WorkBasedLearningRecord,
)
from .report_cache import cached_table
from .report_tables import ALL, BadReportRequest
from .scope import ReportScope

NO_CLUSTER = "-"  # the group of programs without a legacy pathway

# One record per student: the last one written, for a student two districts reported; an
# anti-join on the (student_id, school_year, ...) unique index.
_ENROLLED_IN_YEAR = """
SELECT sy.student_id, sy.district_id, sy.school_id, {categories}
FROM {student_year} sy
WHERE sy.school_year = %s AND NOT EXISTS (
    SELECT 1 FROM {student_year} later WHERE later.student_id = sy.student_id
    AND later.school_year = sy.school_year AND later.id > sy.id
)
"""
# One row per student, with the first year they reached each status in any program; the
# counting is done in Python (`year_cubes`), which SQLite does faster than a 12-column
# GROUP BY, and which lets the same pass give the indicators.
_STUDENTS = """
WITH enrolled AS ({enrolled}),
status AS (
    SELECT student_id, MIN(participant_year) AS participant_year,
           MIN(concentrator_year) AS concentrator_year, MIN(completer_year) AS completer_year
    FROM {status} GROUP BY student_id
)
SELECT e.student_id, e.district_id, e.school_id, {cube},
       s.participant_year, s.concentrator_year, s.completer_year
FROM enrolled e LEFT JOIN status s ON s.student_id = e.student_id
"""
# The students with each kind of record the indicators ask about, by the year.
_GRADUATES = "SELECT student_id FROM {graduation} WHERE graduated AND graduation_year = %s"
_WITH_CREDENTIAL = "SELECT student_id FROM {credential} WHERE school_year <= %s"
_WITH_DUAL_CREDIT = (
    "SELECT student_id FROM {dual_credit} WHERE school_year <= %s AND credits_earned > 0"
)
_WITH_WBL = "SELECT student_id FROM {wbl} WHERE school_year <= %s"
_STATUS_BY_PROGRAM_GROUP = """
WITH enrolled AS ({enrolled})
SELECT e.district_id, e.school_id, {group} AS grp, {cube},
       COUNT(DISTINCT ps.student_id),
       COUNT(DISTINCT CASE WHEN ps.concentrator_year <= %s THEN ps.student_id END),
       COUNT(DISTINCT CASE WHEN ps.completer_year <= %s THEN ps.student_id END)
FROM enrolled e
JOIN {status} ps ON ps.student_id = e.student_id
JOIN {program} p ON p.id = ps.program_id
{join}
WHERE ps.participant_year <= %s
GROUP BY e.district_id, e.school_id, {group}, {cube}
"""
_PROGRAM_GROUPS = {
    "program": ("p.id", ""),
    "cluster": ("sc.cluster_id", "JOIN {subcluster} sc ON sc.code = p.subcluster_id"),
    "legacy_cluster": (
        f"COALESCE(sc.cluster_id, '{NO_CLUSTER}')",
        "LEFT JOIN {subcluster} sc ON sc.code = p.legacy_pathway_id",
    ),
}
# Graduated within four years, by the cohort's year: each concentrator in the cohort counted
# where their latest record up to the year puts them (they may have left). Hash joins and a
# window instead of correlated lookups: 0.4 s to 0.2 s on PostgreSQL with 100,000 students.
_COHORT = """
WITH cohort AS (
    SELECT student_id, MAX(CASE WHEN graduated AND (graduation_year IS NULL
           OR graduation_year <= cohort_year) THEN 1 ELSE 0 END) AS graduated
    FROM {graduation} WHERE cohort_year = %s GROUP BY student_id
),
concentrators AS (SELECT DISTINCT student_id FROM {status} WHERE concentrator_year <= %s),
records AS (
    SELECT sy.district_id, sy.school_id, {sy_columns}, c.graduated,
           ROW_NUMBER() OVER (
               PARTITION BY sy.student_id ORDER BY sy.school_year DESC, sy.id DESC
           ) AS latest
    FROM {student_year} sy
    JOIN cohort c ON c.student_id = sy.student_id
    JOIN concentrators k ON k.student_id = sy.student_id
    WHERE sy.school_year <= %s
)
SELECT district_id, school_id, {columns}, COUNT(*), SUM(graduated)
FROM records WHERE latest = 1
GROUP BY district_id, school_id, {columns}
"""


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    models: dict[str, Any] = {
        "student_year": StudentYear,
        "status": ProgramStatus,
        "program": ProgramOfStudy,
        "subcluster": SubCluster,
        "graduation": GraduationRecord,
        "credential": CredentialEarned,
        "dual_credit": DualCreditRecord,
        "wbl": WorkBasedLearningRecord,
    }
    return {name: quote(model._meta.db_table) for name, model in models.items()}


# Every breakdown's column, in the cubes' order; a breakdown's category is read from its own.
CUBE_COLUMNS = ("sex", "race_ethnicity", *SPECIAL_POPULATIONS)
_NONTRADITIONAL = 2 + CUBE_COLUMNS.index("nontraditional")  # in a cube key


def _columns(alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f"{prefix}{column}" for column in CUBE_COLUMNS)


def _enrolled(year: int) -> tuple[str, list[Any]]:
    """The SQL of the students counted statewide (one row each) and its parameters."""
    sql = _ENROLLED_IN_YEAR.format(categories=_columns("sy"), student_year="{student_year}")
    return sql, [year]


def _run(template: str, params: Sequence[Any], **parts: str) -> list[tuple[Any, ...]]:
    tables = _tables()
    filled = {name: part.format(**tables) for name, part in parts.items()}
    sql = template.format(**tables, **filled, cube=_columns("e"), columns=_columns())
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The plans' cost estimates trigger JIT compilation, which takes longer than
            # running these queries (0.7 s of 1 s on 100,000 students).
            cursor.execute("SET LOCAL jit = off")
            # The statewide groupings sort ~60,000 rows: in memory, not in files on disk.
            cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def collapse(rows: Iterable[Sequence[Any]], breakdown: str, leading: int) -> list[tuple[Any, ...]]:
    """A cube's rows added up by one breakdown: (*the first `leading` values, category,
    *sums), the category being "all", the column's value, or "yes"/"no" for a special
    population."""
    if breakdown != ALL and breakdown not in CUBE_COLUMNS:
        raise BadReportRequest(_("Unknown breakdown '%(value)s'.") % {"value": breakdown})
    index = None if breakdown == ALL else leading + CUBE_COLUMNS.index(breakdown)
    flag = breakdown in SPECIAL_POPULATIONS
    measures_from = leading + len(CUBE_COLUMNS)
    sums: dict[tuple[Any, ...], list[int]] = {}
    for row in rows:
        if index is None:
            category = ALL
        elif flag:
            category = "yes" if row[index] else "no"
        else:
            category = row[index]
        key = (*row[:leading], category)
        values = row[measures_from:]
        found = sums.get(key)
        if found is None:
            sums[key] = [int(v or 0) for v in values]
        else:
            for position, value in enumerate(values):
                found[position] += int(value or 0)
    return [(*key, *values) for key, values in sums.items()]


def _within(rows: list[tuple[Any, ...]], scope: ReportScope) -> list[tuple[Any, ...]]:
    """The cube's rows of the scope's district or school (rows start district, school)."""
    if scope.district_id:
        rows = [row for row in rows if row[0] == scope.district_id]
    if scope.school_id:
        rows = [row for row in rows if int(row[1]) == scope.school_id]
    return rows


@dataclass(frozen=True)
class YearCubes:
    """A school year's statewide cubes for the status report and the indicators."""

    status: list[tuple[Any, ...]]  # (district, school, *CUBE_COLUMNS, *STATUSES)
    indicators: list[tuple[Any, ...]]  # (district, school, *CUBE_COLUMNS, *INDICATOR_MEASURES)


def year_cubes(year: int, minimum: int) -> YearCubes:
    """The status and indicator cubes of a year, from one pass over its students (plus the
    cohort's query): cached together, so a Perkins page and the status pages share it, when
    the tables read from them are (`minimum`: see report_cache). Only counts are kept; the
    student ids never leave this function."""
    return cached_table("year-cubes", (year,), minimum, lambda: _year_cubes(year))


def _year_cubes(year: int) -> YearCubes:
    enrolled, params = _enrolled(year)
    students = _run(_STUDENTS, params, enrolled=enrolled)
    graduates, credential, dual_credit, wbl = (
        {row[0] for row in _run(sql, [year])}
        for sql in (_GRADUATES, _WITH_CREDENTIAL, _WITH_DUAL_CREDIT, _WITH_WBL)
    )
    status: dict[tuple[Any, ...], list[int]] = {}
    indicators: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * 8)
    width = 3 + len(CUBE_COLUMNS)
    for row in students:
        student, key = row[0], tuple(row[1:width])
        reached = [int(first is not None and first <= year) for first in row[width:]]
        found = status.get(key)
        if found is None:
            status[key] = reached
        else:
            found[0] += reached[0]
            found[1] += reached[1]
            found[2] += reached[2]
        if not reached[1]:
            continue  # the indicators count concentrators only
        graduating = student in graduates
        counts = indicators[key]
        counts[0] += 1
        counts[1] += 1 if key[_NONTRADITIONAL] else 0
        if graduating:
            counts[2] += 1
            counts[3] += student in credential
            counts[4] += student in dual_credit
            counts[5] += student in wbl
    cohort = _run(_COHORT, [year, year, year], sy_columns=_columns("sy"))
    for row in cohort:
        indicators[tuple(row[: width - 1])][6:] = [int(v or 0) for v in row[width - 1 :]]
    return YearCubes(
        status=[(*key, *values) for key, values in status.items()],
        indicators=[(*key, *values) for key, values in indicators.items()],
    )


def status_by_school(year: int, breakdown: str, minimum: int) -> list[tuple[Any, ...]]:
    """Statewide: (district, school, category, participants, concentrators, completers)."""
    return collapse(year_cubes(year, minimum).status, breakdown, 2)


def program_cube(year: int, group_by: str, minimum: int) -> list[tuple[Any, ...]]:
    """Statewide: (district, school, group, *CUBE_COLUMNS, participants, concentrators,
    completers), a student counted once in each cluster or program of the grouping."""
    group, join = _PROGRAM_GROUPS[group_by]

    def compute() -> list[tuple[Any, ...]]:
        enrolled, params = _enrolled(year)
        return _run(
            _STATUS_BY_PROGRAM_GROUP,
            [*params, year, year, year],
            enrolled=enrolled,
            group=group,
            join=join,
        )

    return cached_table("program-cube", (year, group_by), minimum, compute)


def status_by_program_group(
    year: int, scope: ReportScope, group_by: str, breakdown: str, minimum: int
) -> list[tuple[Any, ...]]:
    """(district, school, group, category, participants, concentrators, completers) for the
    scope's students."""
    return collapse(_within(program_cube(year, group_by, minimum), scope), breakdown, 3)


def indicator_counts(
    year: int, scope: ReportScope, breakdown: str, minimum: int
) -> list[tuple[Any, ...]]:
    """(district, school, category, *INDICATOR_MEASURES) for the scope's students; the
    measures in the order of `indicators.INDICATOR_MEASURES`."""
    return collapse(_within(year_cubes(year, minimum).indicators, scope), breakdown, 2)
