"""Checks a programs file must pass beyond its single rows: what the user may import, and
what the rows of one program, and the rows of one course code, must agree on."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from pathways.datasets.errors import ErrorLog
from pathways.datasets.readers import Row

from ..models import Course, ProgramOfStudy
from ..sequence import sequence_problems
from .layout import NCES_ID, PROGRAM_COLUMNS, CourseLine, ProgramSpec, same_title
from .reading import Line

# --- What the user may import -----------------------------------------------------------


def may_import_approved(user: Any) -> bool:
    """Whether the user may import programs straight into the approved state."""
    return bool(
        user.has_perm(
            "programs.review_programofstudy",
            ProgramOfStudy(status=ProgramOfStudy.Status.SUBMITTED),
        )
    )


def check_may_import(user: Any, status: str | None) -> None:
    if status not in (None, ProgramOfStudy.Status.DRAFT, ProgramOfStudy.Status.APPROVED):
        raise ValueError(f"status must be draft or approved, not {status!r}")
    if not user.has_perm("programs.import_programs"):
        raise PermissionDenied(_("You may not import programs of study."))
    if status == ProgramOfStudy.Status.APPROVED and not may_import_approved(user):
        raise PermissionDenied(_("Only state administrators may import approved programs."))


def check_districts(programs: list[ProgramSpec], user: Any, log: ErrorLog) -> None:
    """Every row of a program in a district the user may not change is a problem."""
    for program in programs:
        if not NCES_ID.fullmatch(program.district_id):
            continue  # already reported
        candidate = ProgramOfStudy(
            district_id=program.district_id, status=ProgramOfStudy.Status.DRAFT
        )
        if user.has_perm("programs.change_programofstudy", candidate):
            continue
        own = getattr(user, "district", None)
        message = (
            _("you may import programs of %(district)s only") % {"district": own}
            if own
            else _("you may not import programs of this district")
        )
        for row in program.rows:
            log.add(row, "district_nces_id", message)


# --- What the rows of a file must agree on ----------------------------------------------


def check_title_case(groups: dict[tuple[str, str], list[Line]]) -> None:
    """Two titles that differ only in case are almost always one program typed twice."""
    seen: dict[tuple[str, str], tuple[str, int]] = {}
    for (district_id, title), group in groups.items():
        folded = (district_id, title.casefold())
        if folded in seen:
            other, row = seen[folded]
            group[0].row.problem(
                "program_title",
                _("'%(title)s' differs only in case from '%(other)s' on row %(row)d")
                % {"title": title, "other": other, "row": row},
            )
        else:
            seen[folded] = (title, group[0].row.number)


def program_of(file: str, key: tuple[str, str], group: list[Line]) -> ProgramSpec:
    """One program from its rows: program columns agree, positions and capstone are sound."""
    program = ProgramSpec(file=file, district_id=key[0], title=key[1])
    program.rows = [line.row.number for line in group]
    first: dict[str, tuple[Any, int]] = {}
    for line in group:
        for column in PROGRAM_COLUMNS:
            value = line.values[column]
            if not value:
                continue
            if column not in first:
                first[column] = (value, line.row.number)
            elif first[column][0] != value:
                line.row.problem(
                    column,
                    _("differs from row %(row)d of the same program") % {"row": first[column][1]},
                )

    def given(column: str) -> Any:
        return first[column][0] if column in first else None

    program.subcluster_code = given("subcluster_code") or ""
    program.legacy_pathway_code = given("legacy_pathway_code") or ""
    program.description = given("program_description") or ""
    program.credentials = given("credentials") or []
    program.postsecondary = given("postsecondary") or []
    program.work_based_learning = given("work_based_learning") or []
    reported = {(p.row, p.column) for p in group[0].row.log.problems}
    if not program.subcluster_code and not any(
        (line.row.number, "subcluster_code") in reported for line in group
    ):
        group[0].row.problem("subcluster_code", _("the program has no sub-cluster code"))
    courses = [line.course for line in group if line.course is not None]
    program.courses = sorted(courses, key=lambda c: c.position)
    check_sequence(group[0].row, program, complete=len(courses) == len(group))
    return program


def check_sequence(first: Row, program: ProgramSpec, *, complete: bool) -> None:
    """Positions unique, each course once, exactly one capstone and it comes last (checked
    only when every row of the program could be read, so a bad row gives no echo here)."""
    log = first.log
    by_position: dict[int, int] = {}
    by_code: dict[str, int] = {}
    for course in sorted(program.courses, key=lambda c: c.row):
        if course.position in by_position:
            log.add(
                course.row,
                "position",
                _("position %(position)d is also on row %(row)d")
                % {"position": course.position, "row": by_position[course.position]},
            )
        else:
            by_position[course.position] = course.row
        if course.code in by_code:
            log.add(
                course.row,
                "course_code",
                _("course %(code)s is already in this program on row %(row)d")
                % {"code": course.code, "row": by_code[course.code]},
            )
        else:
            by_code[course.code] = course.row
    if not complete:
        return
    before = len(log.problems)
    capstones = [c for c in program.courses if c.is_capstone]
    if not capstones:
        log.add(
            first.number,
            "is_capstone",
            _("program '%(title)s' has no capstone: mark its last course is_capstone = yes")
            % {"title": program.title},
        )
    for extra in sorted(capstones, key=lambda c: c.row)[1:]:
        log.add(
            extra.row,
            "is_capstone",
            _("program '%(title)s' has more than one capstone (also row %(row)d)")
            % {"title": program.title, "row": min(c.row for c in capstones)},
        )
    last = max(c.position for c in program.courses)
    for capstone in capstones:
        if capstone.position != last:
            log.add(
                capstone.row,
                "is_capstone",
                _("the capstone must be the last course (position %(last)d comes after it)")
                % {"last": last},
            )
    if len(log.problems) == before:
        # The rules a program must meet to be submitted (at least two courses, positions
        # 1, 2, 3 ... without gaps), shared with the editor.
        entries = [(c.position, c.is_capstone) for c in program.courses]
        for problem in sequence_problems(entries):
            log.add(
                first.number,
                "position",
                _("program '%(title)s': %(problem)s")
                % {"title": program.title, "problem": problem},
            )


def check_courses(lines: list[Line]) -> None:
    """A course code means one course: the same title, credits and grades on every row, and
    the title the state course catalogue already has for it."""
    first: dict[str, CourseLine] = {}
    for line in lines:
        course = line.course
        if course is None:
            continue
        seen = first.setdefault(course.code, course)
        if seen is course:
            continue
        if same_title(seen.title, course.title):
            for column, mine, theirs in (
                ("credits", course.credits, seen.credits),
                ("grade_min", course.grade_min, seen.grade_min),
                ("grade_max", course.grade_max, seen.grade_max),
            ):
                if mine != theirs:
                    line.row.problem(
                        column,
                        _("course %(code)s has %(column)s %(theirs)s on row %(row)d")
                        % {
                            "code": course.code,
                            "column": column,
                            "theirs": theirs,
                            "row": seen.row,
                        },
                    )
        else:
            line.row.problem(
                "course_title",
                _("course code %(code)s is '%(title)s' on row %(row)d")
                % {"code": course.code, "title": seen.title, "row": seen.row},
            )
    catalogue = dict(
        Course.objects.filter(state_code__in=list(first)).values_list("state_code", "title")
    )
    for line in lines:
        course = line.course
        if course is None or course.code not in catalogue:
            continue
        if not same_title(catalogue[course.code], course.title):
            line.row.problem(
                "course_title",
                _("course code %(code)s is '%(title)s' in the course catalogue")
                % {"code": course.code, "title": catalogue[course.code]},
            )
