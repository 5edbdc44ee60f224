"""A student's own view of their records: where they stand in each program, and what is left.

Status and its years come from ProgramStatus (the status engine's answer), so this page never
disagrees with the reports; the course marks come from the student's own course completions.
The numbers of courses are settings.PATHWAYS_STATUS_RULES, never constants here.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pathways.programs.models import Course, ProgramCourse

from .models import CourseCompletion, ProgramStatus


class Mark(StrEnum):
    PASSED = "passed"
    ATTEMPTED = "attempted"  # taken, not (yet) passed
    NOT_TAKEN = "not_taken"


@dataclass(frozen=True)
class CourseStep:
    """One course of a program's sequence, marked with what the student did in it."""

    position: int
    code: str
    title: str
    is_capstone: bool
    mark: Mark
    year: int | None  # the school year first passed, or last attempted; None if not taken

    @property
    def year_label(self) -> str:
        return school_year_label(self.year) if self.year else ""


@dataclass(frozen=True)
class ProgramProgress:
    program_id: int
    title: str
    district_name: str
    steps: list[CourseStep]
    courses_passed: int
    participant_year: int
    concentrator_year: int | None
    completer_year: int | None
    next_steps: list[str]  # plain sentences; empty when nothing is left

    @property
    def status(self) -> str:
        """participant, concentrator or completer: the furthest step reached."""
        if self.completer_year is not None:
            return "completer"
        if self.concentrator_year is not None:
            return "concentrator"
        return "participant"

    @property
    def status_year(self) -> int:
        return self.completer_year or self.concentrator_year or self.participant_year

    @property
    def status_year_label(self) -> str:
        return school_year_label(self.status_year)


@dataclass(frozen=True)
class CourseRecord:
    """One row of the student's course list, as their district reported it."""

    school_year: int
    term: str
    code: str
    title: str | None  # None when the code is not in the state catalogue
    credit_earned: Decimal
    passed: bool

    @property
    def year_label(self) -> str:
        return school_year_label(self.school_year)


def school_year_label(year: int) -> str:
    """2025 → "2024-25": school years are named by the year they end in."""
    return f"{year - 1}-{year % 100:02d}"


def progress_for(student_id: str) -> list[ProgramProgress]:
    """Each program the student has a status in, its sequence marked, and what is left."""
    statuses = list(
        ProgramStatus.objects.filter(student_id=student_id)
        .select_related("program", "program__district")
        .order_by("program__title", "program_id")
    )
    if not statuses:
        return []
    sequences = _sequences([status.program_id for status in statuses])
    attempts = _attempts(student_id)
    return [
        _progress(status, sequences.get(status.program_id, []), attempts) for status in statuses
    ]


def course_record(student_id: str) -> list[CourseRecord]:
    """Every course attempt the student's districts reported, oldest first."""
    completions = list(
        CourseCompletion.objects.filter(student_id=student_id).order_by(
            "school_year", "term", "course_code"
        )
    )
    codes = {completion.course_code for completion in completions}
    titles = dict(Course.objects.filter(state_code__in=codes).values_list("state_code", "title"))
    return [
        CourseRecord(
            school_year=c.school_year,
            term=c.term,
            code=c.course_code,
            title=titles.get(c.course_code),
            credit_earned=c.credit_earned,
            passed=c.passed,
        )
        for c in completions
    ]


def _sequences(program_ids: list[int]) -> dict[int, list[ProgramCourse]]:
    sequences: dict[int, list[ProgramCourse]] = {}
    placements = (
        ProgramCourse.objects.filter(program_id__in=program_ids)
        .select_related("course")
        .order_by("program_id", "position")
    )
    for placement in placements:
        sequences.setdefault(placement.program_id, []).append(placement)
    return sequences


@dataclass
class _Attempts:
    first_passed: int | None = None
    last_attempted: int | None = None


def _attempts(student_id: str) -> dict[str, _Attempts]:
    """Per course code: the first year the student passed it and the last year they took it."""
    attempts: dict[str, _Attempts] = {}
    rows = CourseCompletion.objects.filter(student_id=student_id).values_list(
        "course_code", "school_year", "passed"
    )
    for code, year, passed in rows:
        found = attempts.setdefault(code, _Attempts())
        if passed and (found.first_passed is None or year < found.first_passed):
            found.first_passed = year
        if found.last_attempted is None or year > found.last_attempted:
            found.last_attempted = year
    return attempts


def _step(placement: ProgramCourse, attempts: dict[str, _Attempts]) -> CourseStep:
    found = attempts.get(placement.course.state_code)
    if found is None:
        mark, year = Mark.NOT_TAKEN, None
    elif found.first_passed is not None:
        mark, year = Mark.PASSED, found.first_passed
    else:
        mark, year = Mark.ATTEMPTED, found.last_attempted
    return CourseStep(
        position=placement.position,
        code=placement.course.state_code,
        title=placement.course.title,
        is_capstone=placement.is_capstone,
        mark=mark,
        year=year,
    )


def _progress(
    status: ProgramStatus, sequence: list[ProgramCourse], attempts: dict[str, _Attempts]
) -> ProgramProgress:
    capstone = next((p.course for p in sequence if p.is_capstone), None)
    return ProgramProgress(
        program_id=status.program_id,
        title=status.program.title,
        district_name=status.program.district.name,
        steps=[_step(placement, attempts) for placement in sequence],
        courses_passed=status.courses_passed,
        participant_year=status.participant_year,
        concentrator_year=status.concentrator_year,
        completer_year=status.completer_year,
        next_steps=next_steps(status, capstone.title if capstone else None),
    )


def next_steps(status: ProgramStatus, capstone_title: str | None) -> list[str]:
    """What is left, in plain words: courses to become a concentrator, then the capstone."""
    if status.completer_year is not None:
        return []
    steps = []
    if status.concentrator_year is None:
        needed = settings.PATHWAYS_STATUS_RULES["concentrator_courses"] - status.courses_passed
        needed = max(needed, 1)  # a status not yet recomputed still needs at least one
        steps.append(
            ngettext(
                "Pass %(count)d more course in this program to become a concentrator.",
                "Pass %(count)d more courses in this program to become a concentrator.",
                needed,
            )
            % {"count": needed}
        )
    if status.capstone_passed:
        if steps:
            steps.append(_("You have passed the capstone, so that also completes the program."))
        return steps
    if capstone_title:
        steps.append(
            _("Pass the capstone, %(title)s, to complete the program.") % {"title": capstone_title}
        )
    else:
        steps.append(_("This program has no capstone course yet, so it cannot be completed."))
    return steps
