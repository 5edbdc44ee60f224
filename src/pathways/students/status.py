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
SQLite (3.25 or later, for window functions) and PostgreSQL.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

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
    WHERE program.status = %s
),
first_pass AS (
    -- Each sequence course a student passed, once, in the school year it was first passed.
    -- Other courses are left out early: they are most of the rows.
    SELECT student_id, course_code, MIN(school_year) AS school_year
    FROM {completion}
    WHERE passed AND course_code IN (SELECT state_code FROM sequence)
    GROUP BY student_id, course_code
),
enrolled AS (
    -- The districts each student was enrolled in, any year.
    SELECT DISTINCT student_id, district_id FROM {student_year}
),
counted AS (
    -- Passed courses that count toward a program of a district the student enrolled in,
    -- numbered in the order they were first passed.
    SELECT first_pass.student_id, sequence.program_id, sequence.district_id,
           sequence.is_capstone, first_pass.school_year,
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
           MAX(CASE WHEN nth = %s THEN school_year END) AS concentrator_year
    FROM counted
    GROUP BY student_id, program_id, district_id
    HAVING COUNT(*) >= %s
)
INSERT INTO {status} (
    student_id, program_id, district_id, courses_passed, capstone_passed,
    participant_year, concentrator_year, completer_year
)
SELECT student_id, program_id, district_id, courses_passed,
       capstone_year IS NOT NULL,
       participant_year, concentrator_year,
       CASE
           WHEN concentrator_year IS NULL OR capstone_year IS NULL THEN NULL
           WHEN capstone_year > concentrator_year THEN capstone_year
           ELSE concentrator_year
       END
FROM per_program
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
    rules = rules or StatusRules.from_settings()
    start = time.perf_counter()
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM {status}".format(**tables))
        cursor.execute(
            _INSERT_STATUS.format(**tables),
            [
                ProgramOfStudy.Status.APPROVED.value,
                rules.participant_courses,
                rules.concentrator_courses,
                rules.participant_courses,
            ],
        )
        cursor.execute(_COUNT_STATUS.format(**tables))
        participants, concentrators, completers = cursor.fetchone()
    return RecomputeSummary(
        participants=participants,
        concentrators=concentrators,
        completers=completers,
        seconds=time.perf_counter() - start,
    )
