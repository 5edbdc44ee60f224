"""A program's course sequence: what stops it from being submitted, and rewriting it.

Positions run 1..n and the last course is the one capstone. Each change is in the audit
log (django-simple-history) with the user.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .errors import WorkflowError, require
from .models import Course, ProgramCourse, ProgramOfStudy
from .signals import refresh_status

MIN_COURSES = 2
# Positions are moved out of the way by this much while a sequence is rewritten.
_PARKING_OFFSET = 1000


def sequence_problems(entries: Sequence[tuple[int, bool]]) -> list[str]:
    """What stops a sequence from being submitted; `entries` are (position, is_capstone)."""
    problems = []
    if len(entries) < MIN_COURSES:
        problems.append(
            ngettext(
                "A program needs at least %(min)d course; it has %(n)d.",
                "A program needs at least %(min)d courses; it has %(n)d.",
                MIN_COURSES,
            )
            % {"min": MIN_COURSES, "n": len(entries)}
        )
    positions = sorted(position for position, _capstone in entries)
    if positions != list(range(1, len(entries) + 1)):
        problems.append(_("Course positions must run 1, 2, 3 … without gaps or repeats."))
    capstones = [position for position, capstone in entries if capstone]
    if not capstones:
        problems.append(_("Mark one course as the capstone."))
    elif len(capstones) > 1:
        problems.append(_("Mark only one course as the capstone."))
    elif positions and capstones[0] != max(positions):
        problems.append(_("The capstone must be the last course in the sequence."))
    return problems


def validate_sequence(program: ProgramOfStudy) -> list[str]:
    """Problems with the program's course sequence; an empty list when it may be submitted."""
    entries = list(program.sequence.values_list("position", "is_capstone"))
    return sequence_problems(entries)


def ordered_sequence(program: ProgramOfStudy) -> list[ProgramCourse]:
    return list(program.sequence.select_related("course").order_by("position"))


@transaction.atomic
def set_sequence(program: ProgramOfStudy, rows: Sequence[tuple[Course, bool]], user: Any) -> None:
    """Replace the program's course sequence with `rows` (course, is_capstone), in order:
    positions become 1..n. Unchanged rows are left alone, so the audit log shows only
    what changed."""
    require(user, "programs.change_programofstudy", program)
    wanted: dict[int, tuple[int, bool]] = {}
    for position, (course, capstone) in enumerate(rows, start=1):
        if course.pk in wanted:
            raise WorkflowError(_("%(course)s appears twice in the sequence.") % {"course": course})
        wanted[course.pk] = (position, bool(capstone))
    if sum(capstone for _position, capstone in wanted.values()) > 1:
        raise WorkflowError(_("Mark only one course as the capstone."))

    existing = {pc.course_id: pc for pc in program.sequence.all()}
    for course_id, placement in existing.items():
        if course_id not in wanted:
            placement._history_user = user  # type: ignore[attr-defined]
            placement.delete()
    changed = [
        pc
        for course_id, pc in existing.items()
        if course_id in wanted and (pc.position, pc.is_capstone) != wanted[course_id]
    ]
    move_placements(changed, wanted, user)
    for course_id, (position, capstone) in wanted.items():
        if course_id not in existing:
            placement = ProgramCourse(
                program=program, course_id=course_id, position=position, is_capstone=capstone
            )
            placement._history_user = user  # type: ignore[attr-defined]
            placement.save()
    refresh_status(programs=[program.pk])  # an approved program's students, at once


def move_placements(
    placements: Sequence[ProgramCourse], wanted: Mapping[int, tuple[int, bool]], user: Any
) -> None:
    """Give each placement its wanted (position, is_capstone), by course id; `user` (if
    any) is named in the audit log."""
    if not placements:
        return
    # Park the moving rows first (no audit entry) so no position or capstone clashes.
    ProgramCourse.objects.filter(pk__in=[pc.pk for pc in placements]).update(
        position=F("position") + _PARKING_OFFSET, is_capstone=False
    )
    for pc in placements:
        pc.position, pc.is_capstone = wanted[pc.course_id]
        if user is not None:
            pc._history_user = user  # type: ignore[attr-defined]
        pc.save()
