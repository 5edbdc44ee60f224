"""The status engine: which students are CTE participants, concentrators and completers.

New Mexico's rules, with the course counts from `settings.PATHWAYS_STATUS_RULES`:

- only passed attempts count, and a course passed more than once counts once, in the school
  year it was first passed;
- a student is considered for the approved programs of study of every district they were
  enrolled in (any year); the courses may have been passed in any district, because state
  course codes are statewide;
- participant: at least `participant_courses` distinct courses of the program's sequence;
- concentrator: at least `concentrator_courses` distinct courses of the SAME program;
- completer: a concentrator who also passed the program's capstone.

Each step's year is the school year the student reached it: the year the Nth distinct course
was first passed, and for completers the later of that and the capstone's year.
`recompute` rebuilds every ProgramStatus row in one set-based statement, portable between
SQLite (3.25 or later, for window functions) and PostgreSQL. `refresh` rebuilds only the
rows a change can touch, with the same statement limited to some programs (a program
approved, its sequence edited, a program import) or to the students of some districts (a
records upload); every change calls it inside its own transaction, so reports are never
stale and a rolled-back change leaves status as it was.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from pathways.core.cache import bump_content_version
from pathways.core.dbstats import refresh_statistics
from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy

from .models import CourseCompletion, ProgramStatus, StudentYear


@dataclass(frozen=True)
class RecomputeSummary:
    """Counts of ProgramStatus rows (one per student and program) after a recompute."""

    participants: int
    concentrators: int
    completers: int
    seconds: float

    def __str__(self) -> str:
        return _(
            "Program status rebuilt in %(seconds).1f s: %(participants)s participant, "
            "%(concentrators)s concentrator and %(completers)s completer rows "
            "(one row per student and program)."
        ) % {
            "seconds": self.seconds,
            "participants": f"{self.participants:,}",
            "concentrators": f"{self.concentrators:,}",
            "completers": f"{self.completers:,}",
        }


@dataclass(frozen=True)
class StatusRules:
    participant_courses: int
    concentrator_courses: int

    @classmethod
    def from_settings(cls) -> "StatusRules":
        rules = settings.PATHWAYS_STATUS_RULES
        return cls(
            participant_courses=int(rules["participant_courses"]),
            concentrator_courses=int(rules["concentrator_courses"]),
        )


# {name} are table names (from the models' Meta); %s are query parameters.
_INSERT_STATUS = """
WITH sequence AS (
    -- The courses of every approved program, by state course code.
    SELECT program.id AS program_id, program.district_id, course.state_code,
           placement.is_capstone
    FROM {program} program
    JOIN {placement} placement ON placement.program_id = program.id
    JOIN {course} course ON course.id = placement.course_id
    WHERE program.status = %s{programs}
),
first_pass AS (
    -- Each sequence course a student passed, once, in the school year it was first passed.
    -- Other courses are left out early: they are most of the rows.
    SELECT done.student_id, done.course_code, MIN(done.school_year) AS school_year
    FROM {completion} done{students}
    WHERE done.passed AND done.course_code IN (SELECT state_code FROM sequence)
    GROUP BY done.student_id, done.course_code
),
enrolled AS (
    -- The districts each student was enrolled in, any year, and how many there were.
    SELECT student_id, district_id,
           COUNT(*) OVER (PARTITION BY student_id) AS districts
    FROM (SELECT DISTINCT enrolment.student_id, enrolment.district_id
          FROM {student_year} enrolment{enrolment_students}) pairs
),
counted AS (
    -- Passed courses that count toward a program of a district the student enrolled in,
    -- numbered in the order they were first passed.
    SELECT first_pass.student_id, sequence.program_id, sequence.district_id,
           sequence.is_capstone, first_pass.school_year, enrolled.districts,
           ROW_NUMBER() OVER (
               PARTITION BY first_pass.student_id, sequence.program_id
               ORDER BY first_pass.school_year, first_pass.course_code
           ) AS nth
    FROM first_pass
    JOIN enrolled ON enrolled.student_id = first_pass.student_id
    JOIN sequence ON sequence.state_code = first_pass.course_code
                 AND sequence.district_id = enrolled.district_id
),
per_program AS (
    SELECT student_id, program_id, district_id,
           COUNT(*) AS courses_passed,
           MAX(CASE WHEN is_capstone THEN school_year END) AS capstone_year,
           MAX(CASE WHEN nth = %s THEN school_year END) AS participant_year,
           MAX(CASE WHEN nth = %s THEN school_year END) AS concentrator_year,
           MAX(districts) AS districts
    FROM counted
    GROUP BY student_id, program_id, district_id
    HAVING COUNT(*) >= %s
)
INSERT INTO {status} (
    student_id, program_id, district_id, courses_passed, capstone_passed,
    participant_year, concentrator_year, completer_year, other_districts
)
SELECT student_id, program_id, district_id, courses_passed,
       capstone_year IS NOT NULL,
       participant_year, concentrator_year,
       CASE
           WHEN concentrator_year IS NULL OR capstone_year IS NULL THEN NULL
           WHEN capstone_year > concentrator_year THEN capstone_year
           ELSE concentrator_year
       END,
       districts > 1
FROM per_program
"""
# The students a records upload of these districts can change: those enrolled there now,
# those with a status in their programs, and those enrolled in several districts when
# status was last computed (records in a district they have since left may have counted).
_DISTRICT_STUDENTS = """
SELECT student_id FROM {student_year} WHERE district_id IN ({districts})
UNION
SELECT student_id FROM {status} WHERE district_id IN ({districts}) OR other_districts
"""

_COUNT_STATUS = """
SELECT COUNT(*), COUNT(concentrator_year), COUNT(completer_year) FROM {status}
"""


def _tables() -> dict[str, str]:
    quote = connection.ops.quote_name
    models = {
        "completion": CourseCompletion,
        "program": ProgramOfStudy,
        "placement": ProgramCourse,
        "course": Course,
        "student_year": StudentYear,
        "status": ProgramStatus,
    }
    return {name: quote(model._meta.db_table) for name, model in models.items()}


def recompute(rules: StatusRules | None = None) -> RecomputeSummary:
    """Rebuild every student's ProgramStatus from course completions, in one transaction."""
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        _rebuild(cursor, rules)
        refresh_statistics(ProgramStatus)  # every row is new: the planner must know
    return _summary(time.perf_counter() - start)


def refresh(
    *,
    programs: Iterable[int] = (),
    districts: Iterable[str] = (),
    rules: StatusRules | None = None,
) -> RecomputeSummary:
    """Rebuild the ProgramStatus rows that a change to these programs (by id) or to these
    districts' student records can touch, and no others; call it in the change's
    transaction, so reports never show stale status. Both empty: nothing changes."""
    start = time.perf_counter()
    program_ids = sorted({int(pk) for pk in programs})
    district_ids = sorted({str(d) for d in districts})
    with transaction.atomic(), connection.cursor() as cursor:
        if program_ids:
            marks = ", ".join(["%s"] * len(program_ids))
            where = (f"program_id IN ({marks})", program_ids)
            _rebuild(
                cursor, rules, programs=(f" AND program.id IN ({marks})", program_ids), where=where
            )
        if district_ids:
            _rebuild_students(cursor, district_ids, rules)
    return _summary(time.perf_counter() - start)


_AFFECTED = "pathways_status_affected"  # a temporary table of student ids


def _rebuild_students(cursor: Any, district_ids: list[str], rules: StatusRules | None) -> None:
    """Rebuild every status row of the students a records upload of the districts can
    change (`_DISTRICT_STUDENTS`), listed first: deleting their rows changes that list."""
    tables = _tables()
    marks = ", ".join(["%s"] * len(district_ids))
    cursor.execute(f"DROP TABLE IF EXISTS {_AFFECTED}")
    cursor.execute(f"CREATE TEMPORARY TABLE {_AFFECTED} (student_id VARCHAR(20) PRIMARY KEY)")
    listed = _DISTRICT_STUDENTS.format(**tables, districts=marks)
    cursor.execute(f"INSERT INTO {_AFFECTED} {listed}", [*district_ids, *district_ids])
    in_affected = f"student_id IN (SELECT student_id FROM {_AFFECTED})"
    _rebuild(cursor, rules, students=_AFFECTED, where=(in_affected, []))
    cursor.execute(f"DROP TABLE {_AFFECTED}")


def _rebuild(
    cursor: Any,
    rules: StatusRules | None,
    *,
    programs: tuple[str, list[Any]] = ("", []),
    students: str = "",
    where: tuple[str, list[Any]] = ("", []),
) -> None:
    """Delete the status rows `where` selects (every row when it is empty) and insert them
    afresh, for the approved programs `programs` keeps and the students listed in the table
    `students` (every student when empty)."""
    rules = rules or StatusRules.from_settings()
    bump_content_version()  # cached report tables are keyed by it (students.report_cache)
    tables = _tables()
    condition, condition_params = where
    delete = "DELETE FROM {status}".format(**tables)
    cursor.execute(f"{delete} WHERE {condition}" if condition else delete, condition_params)
    program_sql, program_params = programs
    cursor.execute(
        _INSERT_STATUS.format(
            **tables,
            programs=program_sql,
            students=_joined(students, "done"),
            enrolment_students=_joined(students, "enrolment"),
        ),
        [
            ProgramOfStudy.Status.APPROVED.value,
            *program_params,
            rules.participant_courses,
            rules.concentrator_courses,
            rules.participant_courses,
        ],
    )


def _joined(table: str, alias: str) -> str:
    """A join keeping only the students listed in `table` (none: every student)."""
    if not table:
        return ""
    return f" JOIN {table} affected ON affected.student_id = {alias}.student_id"


def _summary(seconds: float) -> RecomputeSummary:
    with connection.cursor() as cursor:
        cursor.execute(_COUNT_STATUS.format(**_tables()))
        participants, concentrators, completers = cursor.fetchone()
    return RecomputeSummary(
        participants=participants,
        concentrators=concentrators,
        completers=completers,
        seconds=seconds,
    )
