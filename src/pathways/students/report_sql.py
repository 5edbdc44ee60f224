"""The set-based SQL behind the student reports, and the functions that run it.

Set-based, portable between SQLite and PostgreSQL. {name} are quoted table names, %s query
parameters; a breakdown's column comes from BREAKDOWNS, never from what a user typed.
"""

from collections import defaultdict
from collections.abc import Sequence
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
from .report_tables import ALL, BadReportRequest
from .scope import ReportScope

NO_CLUSTER = "-"  # the group of programs without a legacy pathway

_ENROLLED = """
SELECT sy.student_id, sy.district_id, sy.school_id, sy.nontraditional, {category} AS category
FROM {student_year} sy
WHERE sy.id IN ({pick}){scope}
"""
_ENROLLED_IN_YEAR = """
SELECT sy.student_id, sy.district_id, sy.school_id, sy.nontraditional, {category} AS category
FROM {student_year} sy
WHERE sy.school_year = %s AND NOT EXISTS (
    SELECT 1 FROM {student_year} later WHERE later.student_id = sy.student_id
    AND later.school_year = sy.school_year AND later.id > sy.id
){scope}
"""
# One record per student: the year's (the last one written, for a student two districts
# reported), or for the cohort (who may have left) the latest up to it. The year's is an
# anti-join on the (student_id, school_year, ...) unique index: `id IN (SELECT MAX(id) ...
# GROUP BY student_id)` sorted and looked up 66,000 rows, 1.9 s of a 2 s first view on
# PostgreSQL; this takes 0.2 s.
_PICK_LATEST = """
SELECT MAX(r.id) FROM {student_year} r
JOIN (
    SELECT student_id, MAX(school_year) AS school_year FROM {student_year}
    WHERE school_year <= %s AND student_id IN (
        SELECT student_id FROM {graduation} WHERE cohort_year = %s
    )
    GROUP BY student_id
) latest ON latest.student_id = r.student_id AND latest.school_year = r.school_year
GROUP BY r.student_id
"""
_STATUS_BY_SCHOOL = """
WITH enrolled AS ({enrolled}),
status AS (
    SELECT student_id, MIN(participant_year) AS participant_year,
           MIN(concentrator_year) AS concentrator_year, MIN(completer_year) AS completer_year
    FROM {status} GROUP BY student_id
)
SELECT e.district_id, e.school_id, e.category,
       SUM(CASE WHEN s.participant_year <= %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.concentrator_year <= %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN s.completer_year <= %s THEN 1 ELSE 0 END)
FROM enrolled e LEFT JOIN status s ON s.student_id = e.student_id
GROUP BY e.district_id, e.school_id, e.category
"""
_STATUS_BY_PROGRAM_GROUP = """
WITH enrolled AS ({enrolled})
SELECT e.district_id, e.school_id, {group} AS grp, e.category,
       COUNT(DISTINCT ps.student_id),
       COUNT(DISTINCT CASE WHEN ps.concentrator_year <= %s THEN ps.student_id END),
       COUNT(DISTINCT CASE WHEN ps.completer_year <= %s THEN ps.student_id END)
FROM enrolled e
JOIN {status} ps ON ps.student_id = e.student_id
JOIN {program} p ON p.id = ps.program_id
{join}
WHERE ps.participant_year <= %s
GROUP BY e.district_id, e.school_id, {group}, e.category
"""
_PROGRAM_GROUPS = {
    "program": ("p.id", ""),
    "cluster": ("sc.cluster_id", "JOIN {subcluster} sc ON sc.code = p.subcluster_id"),
    "legacy_cluster": (
        f"COALESCE(sc.cluster_id, '{NO_CLUSTER}')",
        "LEFT JOIN {subcluster} sc ON sc.code = p.legacy_pathway_id",
    ),
}
# Correlated EXISTS on indexed student ids: SQLite joins unindexed CTEs row by row.
_IS_CONCENTRATOR = """EXISTS (
    SELECT 1 FROM {status} s WHERE s.student_id = e.student_id AND s.concentrator_year <= %s
)"""
_GRADUATING = """
WITH enrolled AS ({enrolled}),
flagged AS (
    SELECT e.district_id, e.school_id, e.category,
           CASE WHEN e.nontraditional THEN 1 ELSE 0 END AS nontraditional,
           CASE WHEN EXISTS (
               SELECT 1 FROM {graduation} g WHERE g.student_id = e.student_id
               AND g.graduated AND g.graduation_year = %s
           ) THEN 1 ELSE 0 END AS graduating,
           CASE WHEN EXISTS (
               SELECT 1 FROM {credential} c WHERE c.student_id = e.student_id
               AND c.school_year <= %s
           ) THEN 1 ELSE 0 END AS credential,
           CASE WHEN EXISTS (
               SELECT 1 FROM {dual_credit} d WHERE d.student_id = e.student_id
               AND d.school_year <= %s AND d.credits_earned > 0
           ) THEN 1 ELSE 0 END AS dual_credit,
           CASE WHEN EXISTS (
               SELECT 1 FROM {wbl} w WHERE w.student_id = e.student_id AND w.school_year <= %s
           ) THEN 1 ELSE 0 END AS wbl
    FROM enrolled e
    WHERE {is_concentrator}
)
SELECT district_id, school_id, category, COUNT(*), SUM(nontraditional), SUM(graduating),
       SUM(graduating * credential), SUM(graduating * dual_credit), SUM(graduating * wbl)
FROM flagged
GROUP BY district_id, school_id, category
"""
# Graduated within four years: by the cohort's year.
_COHORT = """
WITH enrolled AS ({enrolled}),
flagged AS (
    SELECT e.district_id, e.school_id, e.category,
           CASE WHEN EXISTS (
               SELECT 1 FROM {graduation} g WHERE g.student_id = e.student_id
               AND g.cohort_year = %s AND g.graduated
               AND (g.graduation_year IS NULL OR g.graduation_year <= g.cohort_year)
           ) THEN 1 ELSE 0 END AS graduated
    FROM enrolled e
    WHERE {is_concentrator} AND EXISTS (
        SELECT 1 FROM {graduation} g WHERE g.student_id = e.student_id AND g.cohort_year = %s
    )
)
SELECT district_id, school_id, category, COUNT(*), SUM(graduated)
FROM flagged
GROUP BY district_id, school_id, category
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


def _category_sql(breakdown: str) -> str:
    if breakdown == ALL:
        return f"'{ALL}'"
    if breakdown in ("sex", "race_ethnicity"):
        return f"sy.{breakdown}"
    if breakdown in SPECIAL_POPULATIONS:
        return f"CASE WHEN sy.{breakdown} THEN 'yes' ELSE 'no' END"
    raise BadReportRequest(_("Unknown breakdown '%(value)s'.") % {"value": breakdown})


def _enrolled(
    year: int, scope: ReportScope, breakdown: str, *, latest: bool = False
) -> tuple[str, list[Any]]:
    """The SQL of the students counted (one row each) and its parameters."""
    scope_sql, params = "", [year, year] if latest else [year]
    if scope.district_id:
        scope_sql += " AND sy.district_id = %s"
        params.append(scope.district_id)  # type: ignore[arg-type]
    if scope.school_id:
        scope_sql += " AND sy.school_id = %s"
        params.append(scope.school_id)
    if not latest:
        sql = _ENROLLED_IN_YEAR.format(
            category=_category_sql(breakdown), student_year="{student_year}", scope=scope_sql
        )
        return sql, list(params)
    sql = _ENROLLED.format(
        category=_category_sql(breakdown),
        student_year="{student_year}",
        pick=_PICK_LATEST,
        scope=scope_sql,
    )
    return sql, list(params)


def _run(template: str, params: Sequence[Any], **parts: str) -> list[tuple[Any, ...]]:
    tables = _tables()
    filled = {name: part.format(**tables) for name, part in parts.items()}
    sql = template.format(**tables, **filled)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The plans' cost estimates trigger JIT compilation, which takes longer than
            # running these queries (0.7 s of 1 s on 100,000 students).
            cursor.execute("SET LOCAL jit = off")
            # The statewide groupings sort ~60,000 rows: in memory, not in files on disk.
            cursor.execute("SET LOCAL work_mem = '64MB'")
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def status_by_school(year: int, breakdown: str) -> list[tuple[Any, ...]]:
    """Statewide: (district, school, category, participants, concentrators, completers)."""
    enrolled, params = _enrolled(year, ReportScope(), breakdown)
    return _run(_STATUS_BY_SCHOOL, [*params, year, year, year], enrolled=enrolled)


def status_by_program_group(
    year: int, scope: ReportScope, group_by: str, breakdown: str
) -> list[tuple[Any, ...]]:
    """(district, school, group, category, participants, concentrators, completers) for the
    scope's students."""
    enrolled, params = _enrolled(year, scope, breakdown)
    group, join = _PROGRAM_GROUPS[group_by]
    return _run(
        _STATUS_BY_PROGRAM_GROUP,
        [*params, year, year, year],
        enrolled=enrolled,
        group=group,
        join=join,
    )


def indicator_counts(year: int, scope: ReportScope, breakdown: str) -> list[tuple[Any, ...]]:
    """(district, school, category, *INDICATOR_MEASURES) from the two set-based queries; the
    measures in the order of `indicators.INDICATOR_MEASURES`."""
    enrolled, params = _enrolled(year, scope, breakdown)
    graduating = _run(
        _GRADUATING,
        [*params, year, year, year, year, year],
        enrolled=enrolled,
        is_concentrator=_IS_CONCENTRATOR,
    )
    enrolled, params = _enrolled(year, scope, breakdown, latest=True)
    cohort = _run(
        _COHORT, [*params, year, year, year], enrolled=enrolled, is_concentrator=_IS_CONCENTRATOR
    )
    merged: dict[tuple[Any, Any, Any], list[int]] = defaultdict(lambda: [0] * 8)
    for district, school, category, *values in graduating:
        merged[(district, school, category)][:6] = [int(v or 0) for v in values]
    for district, school, category, *values in cohort:
        merged[(district, school, category)][6:] = [int(v or 0) for v in values]
    return [(*key, *values) for key, values in merged.items()]
