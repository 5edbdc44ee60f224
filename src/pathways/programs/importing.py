"""Bulk import of programs of study from CSV or XLSX (the layout in docs/programs-layout.md).

`parse_programs` reads and validates every row of a file and reports every problem with
file, row and column; `import_programs` writes the parsed programs all or nothing, in one
transaction. `import_file` does both and also checks what the user may import, so one
report lists every problem. Re-importing the same file changes nothing.
"""

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from pathways.core.cache import bump_content_version
from pathways.core.spreadsheets import Reader, SpreadsheetError, header_problems
from pathways.datasets.errors import ErrorLog, ImportValidationError, RowProblem
from pathways.datasets.readers import Row
from pathways.framework.models import Framework, SubCluster
from pathways.geography.models import District
from pathways.occupations.models import CipCode

from .models import (
    Course,
    Credential,
    PostsecondaryProgram,
    ProgramCourse,
    ProgramOfStudy,
    WorkBasedLearning,
)
from .services import move_placements, sequence_problems
from .signals import refresh_status

# The layout: one row per course in a program; program columns repeat on each row.
COLUMNS = [
    "district_nces_id",
    "program_title",
    "subcluster_code",
    "legacy_pathway_code",
    "program_description",
    "position",
    "course_code",
    "course_title",
    "credits",
    "grade_min",
    "grade_max",
    "is_capstone",
    "credentials",
    "postsecondary",
    "work_based_learning",
]
PROGRAM_COLUMNS = [
    "subcluster_code",
    "legacy_pathway_code",
    "program_description",
    "credentials",
    "postsecondary",
    "work_based_learning",
]
SHEET_NAME = "Programs"
LIST_SEPARATOR = ";"
FIELD_SEPARATOR = "|"
MAX_POSITION = 99
MAX_CREDITS = Decimal("10")
GRADES = range(6, 13)
DEFAULT_CREDITS = Decimal("1.0")
DEFAULT_GRADE_MIN, DEFAULT_GRADE_MAX = 9, 12
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}
NCES_ID = re.compile(r"\d{7}")
COURSE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,11}")
CIP_CODE = re.compile(r"\d\d\.\d{4}")
# Exports put an apostrophe before text that a spreadsheet would run as a formula.
FORMULA_START = ("=", "+", "-", "@")
MAX_TITLE = 200
MAX_DESCRIPTION = 10_000
MAX_WBL_DESCRIPTION = 300


@dataclass(frozen=True)
class CourseLine:
    """One course in a program's sequence, from one row of the file."""

    row: int
    position: int
    code: str
    title: str
    credits: Decimal
    grade_min: int
    grade_max: int
    is_capstone: bool


@dataclass(frozen=True, order=True)
class PostsecondaryRef:
    institution: str
    title: str
    cip_code: str

    def __str__(self) -> str:
        return f"{self.institution} | {self.title} | {self.cip_code}"


@dataclass(frozen=True, order=True)
class WorkBasedLearningRef:
    kind: str
    description: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.description}" if self.description else self.kind


@dataclass
class ProgramSpec:
    """One program of study as the file describes it (all its rows together)."""

    file: str
    district_id: str
    title: str
    subcluster_code: str = ""
    legacy_pathway_code: str = ""
    description: str = ""
    courses: list[CourseLine] = field(default_factory=list)
    credentials: list[str] = field(default_factory=list)
    postsecondary: list[PostsecondaryRef] = field(default_factory=list)
    work_based_learning: list[WorkBasedLearningRef] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)

    @property
    def first_row(self) -> int:
        return self.rows[0] if self.rows else 0


@dataclass(frozen=True)
class ProgramChange:
    district: str
    title: str


@dataclass
class ImportSummary:
    """What an import created, changed and left alone (or would have, for a check)."""

    file: str
    dry_run: bool
    rows: int = 0
    created: list[ProgramChange] = field(default_factory=list)
    updated: list[ProgramChange] = field(default_factory=list)
    unchanged: list[ProgramChange] = field(default_factory=list)
    courses_created: list[str] = field(default_factory=list)
    courses_updated: list[str] = field(default_factory=list)
    credentials_created: list[str] = field(default_factory=list)
    postsecondary_created: list[str] = field(default_factory=list)

    @property
    def programs(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)

    @property
    def changed_anything(self) -> bool:
        return bool(
            self.created
            or self.updated
            or self.courses_created
            or self.courses_updated
            or self.credentials_created
            or self.postsecondary_created
        )


# --- Reading ---------------------------------------------------------------------------


def parse_programs(path: Path, *, filename: str | None = None) -> list[ProgramSpec]:
    """Every program in a .csv or .xlsx file, or ImportValidationError listing every problem.

    `filename` is the name problems are reported under (an upload's original name)."""
    log = ErrorLog(file=filename or path.name)
    programs = _parse(path, log)
    _raise_sorted(log)
    return programs


def import_file(
    path: Path,
    user: Any,
    *,
    filename: str | None = None,
    status: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Parse, check the user's rights row by row and import, reporting all problems at once."""
    _check_may_import(user, status)
    log = ErrorLog(file=filename or path.name)
    programs = _parse(path, log)
    _check_districts(programs, user, log)
    _raise_sorted(log)
    return import_programs(programs, user, status=status, dry_run=dry_run)


def import_programs(
    programs: list[ProgramSpec],
    user: Any,
    *,
    status: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Write parsed programs in one transaction: all of them, or none and a list of problems.

    New and changed programs become drafts; a state administrator may pass
    `status="approved"`. Programs whose content is unchanged are left as they are (unless
    a status is given), so importing the same file twice changes nothing."""
    _check_may_import(user, status)
    log = ErrorLog(file=programs[0].file if programs else "")
    _check_districts(programs, user, log)
    log.raise_if_any()
    return apply_programs(programs, user=user, status=status, dry_run=dry_run)


def _raise_sorted(log: ErrorLog) -> None:
    """Problems in file order: whole-file problems, then by row (columns as found)."""
    log.problems.sort(key=lambda problem: problem.row)
    log.raise_if_any()


def may_import_approved(user: Any) -> bool:
    """Whether the user may import programs straight into the approved state."""
    return bool(
        user.has_perm(
            "programs.review_programofstudy",
            ProgramOfStudy(status=ProgramOfStudy.Status.SUBMITTED),
        )
    )


def _check_may_import(user: Any, status: str | None) -> None:
    if status not in (None, ProgramOfStudy.Status.DRAFT, ProgramOfStudy.Status.APPROVED):
        raise ValueError(f"status must be draft or approved, not {status!r}")
    if not user.has_perm("programs.import_programs"):
        raise PermissionDenied(_("You may not import programs of study."))
    if status == ProgramOfStudy.Status.APPROVED and not may_import_approved(user):
        raise PermissionDenied(_("Only state administrators may import approved programs."))


def _check_districts(programs: list[ProgramSpec], user: Any, log: ErrorLog) -> None:
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


def _rows(path: Path, log: ErrorLog) -> Iterator[Row]:
    """Rows below the header, read within the bounds of core/spreadsheets.py; an XLSX file
    is read from its sheet named "Programs", else its first sheet."""
    reader = Reader(path, sheet=SHEET_NAME)
    csv_file = path.suffix.lower() == ".csv"
    try:
        rows = iter(reader)
        first = next(rows, None)
        if first is None:
            log.add(0, "", _("the file is empty"))
            return
        number, cells = first
        header = [str(h).strip().lstrip("\ufeff") for h in cells]
        if not _check_header(log, header, number):
            return
        for number, cells in rows:
            if not any(str(c).strip() for c in cells):
                continue
            if csv_file and len(cells) != len(header):
                log.add(
                    number,
                    "",
                    _(
                        "has %(fields)d fields, the header has %(width)d (truncated or "
                        "malformed line)"
                    )
                    % {"fields": len(cells), "width": len(header)},
                )
                continue
            yield Row(log, number, dict(zip(header, cells, strict=False)))
    except SpreadsheetError as exc:
        log.add(exc.row, "", exc.message)


def _check_header(log: ErrorLog, header: list[str], number: int) -> bool:
    """Every column of the layout once: a repeated name would silently win over the first."""
    problems = header_problems(header)
    for column, message in problems:
        log.add(number, column, message)
    missing = [c for c in COLUMNS if c not in header]
    for column in missing:
        log.add(number, column, _("column is missing from the header"))
    return not missing and not problems


# --- Validation ------------------------------------------------------------------------


@dataclass
class _Line:
    """One row as read; None where a value was bad (already reported)."""

    row: Row
    district_id: str
    title: str
    values: dict[str, Any]
    course: CourseLine | None


class _Lookups:
    def __init__(self) -> None:
        self.districts = dict(District.objects.values_list("nces_id", "name"))
        self.frameworks = dict(SubCluster.objects.values_list("code", "cluster__framework"))
        self.cip_codes = set(CipCode.objects.values_list("code", flat=True))

    def subcluster(self, row: Row, column: str, framework: str) -> str:
        code = _text(row, column)
        if not code:
            return ""
        found = self.frameworks.get(code)
        if found == framework:
            return code
        if framework == Framework.MODERN:
            message = (
                _("'%(code)s' is a legacy pathway; put it in legacy_pathway_code")
                if found
                else _("'%(code)s' is not a 2024 sub-cluster code")
            )
        else:
            message = (
                _("'%(code)s' is a 2024 sub-cluster; put it in subcluster_code")
                if found
                else _("'%(code)s' is not a legacy pathway code")
            )
        row.problem(column, message % {"code": code})
        return ""


def _text(row: Row, column: str, *, multiline: bool = False) -> str:
    """A cell's text, spaces tidied; the apostrophe an export puts before formula-like text
    (so spreadsheets show it as text) is removed."""
    value = row.raw(column)
    if not multiline:
        value = " ".join(value.split())
    if value.startswith("'") and value[1:2] in FORMULA_START:
        value = value[1:]
    return value


def _limited(row: Row, column: str, value: str, limit: int) -> str:
    if len(value) > limit:
        row.problem(
            column,
            _("is %(length)d characters long; at most %(limit)d are allowed")
            % {"length": len(value), "limit": limit},
        )
    return value


def _parse(path: Path, log: ErrorLog) -> list[ProgramSpec]:
    lookups = _Lookups()
    lines = [_read_line(row, lookups) for row in _rows(path, log)]
    if not lines and not log.problems:
        log.add(0, "", _("has no rows of programs below the header"))
    groups: dict[tuple[str, str], list[_Line]] = {}
    for line in lines:
        if line.district_id and line.title:
            groups.setdefault((line.district_id, line.title), []).append(line)
    _check_title_case(groups)
    programs = [_program(log.file, key, group) for key, group in groups.items()]
    _check_courses(lines)
    return programs


def _read_line(row: Row, lookups: _Lookups) -> _Line:
    district_id = _text(row, "district_nces_id")
    if not district_id:
        row.problem("district_nces_id", _("is empty"))
    elif not NCES_ID.fullmatch(district_id):
        row.problem(
            "district_nces_id",
            _("'%(value)s' is not an NCES district ID (7 digits, e.g. 3500060)")
            % {"value": district_id},
        )
    elif district_id not in lookups.districts:
        row.problem(
            "district_nces_id",
            _("'%(value)s' is not a New Mexico school district") % {"value": district_id},
        )
    title = _limited(row, "program_title", _text(row, "program_title"), MAX_TITLE)
    if not title:
        row.problem("program_title", _("is empty"))
    values = {
        "subcluster_code": lookups.subcluster(row, "subcluster_code", Framework.MODERN),
        "legacy_pathway_code": lookups.subcluster(row, "legacy_pathway_code", Framework.LEGACY),
        "program_description": _limited(
            row,
            "program_description",
            _text(row, "program_description", multiline=True),
            MAX_DESCRIPTION,
        ),
        "credentials": _credentials(row),
        "postsecondary": _postsecondary(row, lookups.cip_codes),
        "work_based_learning": _work_based_learning(row),
    }
    return _Line(row, district_id, title, values, _course(row))


def _course(row: Row) -> CourseLine | None:
    before = len(row.log.problems)
    position = row.integer("position", required=True)
    if position is not None and not 1 <= position <= MAX_POSITION:
        row.problem(
            "position",
            _("%(value)s is not a position from 1 to %(max)d")
            % {"value": position, "max": MAX_POSITION},
        )
    code = _text(row, "course_code")
    if not code:
        row.problem("course_code", _("is empty"))
    elif not COURSE_CODE.fullmatch(code):
        row.problem(
            "course_code",
            _(
                "'%(value)s' is not a course code (up to 12 letters, digits, dots or "
                "hyphens, e.g. 0401 or DEMO-HLT-1)"
            )
            % {"value": code},
        )
    title = _limited(row, "course_title", _text(row, "course_title"), MAX_TITLE)
    if not title:
        row.problem("course_title", _("is empty"))
    credits = _credits(row)
    grade_min = _grade(row, "grade_min", DEFAULT_GRADE_MIN)
    grade_max = _grade(row, "grade_max", DEFAULT_GRADE_MAX)
    if grade_min is not None and grade_max is not None and grade_min > grade_max:
        row.problem(
            "grade_min",
            _("grade %(min)d is above grade_max %(max)d") % {"min": grade_min, "max": grade_max},
        )
    capstone = _text(row, "is_capstone").lower()
    if capstone not in YES | NO:
        row.problem("is_capstone", _("'%(value)s' is not yes or no") % {"value": capstone})
    if len(row.log.problems) > before:
        return None
    assert position is not None and credits is not None
    assert grade_min is not None and grade_max is not None
    return CourseLine(
        row=row.number,
        position=position,
        code=code,
        title=title,
        credits=credits,
        grade_min=grade_min,
        grade_max=grade_max,
        is_capstone=capstone in YES,
    )


def _credits(row: Row) -> Decimal | None:
    if not row.raw("credits"):
        return DEFAULT_CREDITS
    value = row.decimal("credits")
    if value is None:
        return None
    if not 0 < value <= MAX_CREDITS:
        row.problem(
            "credits",
            _("%(value)s is not a number of credits above 0 and at most %(max)s")
            % {"value": row.raw("credits"), "max": MAX_CREDITS},
        )
        return None
    if value != value.quantize(Decimal("0.1")):
        row.problem(
            "credits",
            _("%(value)s has more than one decimal place") % {"value": row.raw("credits")},
        )
        return None
    return value.quantize(Decimal("0.1"))


def _grade(row: Row, column: str, default: int) -> int | None:
    if not row.raw(column):
        return default
    value = row.integer(column)
    if value is not None and value not in GRADES:
        row.problem(column, _("grade %(value)d is outside grades 6 to 12") % {"value": value})
        return None
    return value


def _items(row: Row, column: str) -> list[str]:
    return [
        item
        for item in (" ".join(p.split()) for p in _text(row, column).split(LIST_SEPARATOR))
        if item
    ]


def _credentials(row: Row) -> list[str]:
    names = []
    for name in _items(row, "credentials"):
        names.append(_limited(row, "credentials", name, MAX_TITLE))
    return sorted(set(names))


def _postsecondary(row: Row, cip_codes: set[str]) -> list[PostsecondaryRef]:
    programs: set[PostsecondaryRef] = set()
    for item in _items(row, "postsecondary"):
        parts = [p.strip() for p in item.split(FIELD_SEPARATOR)]
        if len(parts) != 3 or not all(parts):
            row.problem(
                "postsecondary",
                _("'%(value)s' is not \"institution | title | CIP code\"") % {"value": item},
            )
            continue
        institution, title, cip = parts
        if not CIP_CODE.fullmatch(cip):
            row.problem(
                "postsecondary",
                _("'%(value)s' is not a 6-digit CIP 2020 code like 51.3902") % {"value": cip},
            )
            continue
        if cip_codes and cip not in cip_codes:
            row.problem("postsecondary", _("'%(value)s' is not a CIP 2020 code") % {"value": cip})
            continue
        _limited(row, "postsecondary", institution, MAX_TITLE)
        _limited(row, "postsecondary", title, MAX_TITLE)
        ref = PostsecondaryRef(institution, title, cip)
        if any(_ps_key(ref) == _ps_key(other) for other in programs):
            row.problem(
                "postsecondary",
                _("'%(value)s' is listed twice; list each postsecondary program once")
                % {"value": item},
            )
            continue
        programs.add(ref)
    return sorted(programs)


def _kinds() -> dict[str, str]:
    """Accepted spellings of each kind of work-based learning: the value and the label."""
    kinds = {}
    for kind in WorkBasedLearning.Kind:
        kinds[kind.value] = kind.value
        kinds[str(kind.label).casefold()] = kind.value
        kinds[kind.value.replace("_", " ")] = kind.value
        kinds[kind.value.replace("_", "-")] = kind.value
    return kinds


def _work_based_learning(row: Row) -> list[WorkBasedLearningRef]:
    kinds = _kinds()
    found = set()
    for item in _items(row, "work_based_learning"):
        kind_text, _colon, description = item.partition(":")
        kind = kinds.get(kind_text.strip().casefold())
        if kind is None:
            row.problem(
                "work_based_learning",
                _("'%(value)s' is not a kind of work-based learning (one of %(kinds)s)")
                % {
                    "value": kind_text.strip(),
                    "kinds": ", ".join(k.value for k in WorkBasedLearning.Kind),
                },
            )
            continue
        description = _limited(row, "work_based_learning", description.strip(), MAX_WBL_DESCRIPTION)
        found.add(WorkBasedLearningRef(kind, description))
    return sorted(found)


def _check_title_case(groups: dict[tuple[str, str], list[_Line]]) -> None:
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


def _program(file: str, key: tuple[str, str], group: list[_Line]) -> ProgramSpec:
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
    _check_sequence(group[0].row, program, complete=len(courses) == len(group))
    return program


def _check_sequence(first: Row, program: ProgramSpec, *, complete: bool) -> None:
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


def _check_courses(lines: list[_Line]) -> None:
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
        if _same_title(seen.title, course.title):
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
        if not _same_title(catalogue[course.code], course.title):
            line.row.problem(
                "course_title",
                _("course code %(code)s is '%(title)s' in the course catalogue")
                % {"code": course.code, "title": catalogue[course.code]},
            )


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- Writing ---------------------------------------------------------------------------


def apply_programs(
    programs: list[ProgramSpec],
    *,
    user: Any = None,
    status: str | None = None,
    dry_run: bool = False,
    demonstration: bool | None = None,
) -> ImportSummary:
    """Write programs (already checked) in one transaction; ImportValidationError if any
    change is refused, and then nothing is written. With `user=None` (the demonstration
    catalogue) no rights are checked. `dry_run` works out the same summary, then rolls back."""
    file = programs[0].file if programs else ""
    summary = ImportSummary(file=file, dry_run=dry_run)
    summary.rows = sum(len(p.rows) for p in programs)
    log = ErrorLog(file=file)
    try:
        with transaction.atomic():
            _Writer(summary, log, user, status, demonstration).write(programs)
            log.raise_if_any()
            refresh_status(
                programs=ProgramOfStudy.objects.filter(
                    district_id__in={p.district_id for p in programs}
                ).values_list("pk", flat=True)
            )
            bump_content_version()  # bulk writes send no signals
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError as exc:
        problem = _("the database refused the change: %(error)s") % {"error": exc}
        raise ImportValidationError([RowProblem(file, 0, "", problem)]) from exc
    return summary


class _Writer:
    """Writes the programs; the audit log gets one complete record per program created or
    changed (its links included), and one per course placement, work-based learning
    entry and catalogue course created, changed or deleted."""

    def __init__(
        self,
        summary: ImportSummary,
        log: ErrorLog,
        user: Any,
        status: str | None,
        demonstration: bool | None,
    ) -> None:
        self.summary = summary
        self.log = log
        # Who the audit log names (None: no one, e.g. the demonstration catalogue) ...
        self.user = user if user is not None and getattr(user, "pk", None) else None
        # ... and whose rights are checked (None: no checks).
        self.checked: Any = user
        self.status = status
        self.demonstration = demonstration
        self.districts = dict(District.objects.values_list("nces_id", "name"))
        self.new_placements: list[ProgramCourse] = []
        self.new_work_based_learning: list[WorkBasedLearning] = []
        self.new_programs: list[tuple[ProgramOfStudy, _Wanted, ProgramSpec]] = []
        self.updated_programs: list[ProgramOfStudy] = []

    def write(self, programs: list[ProgramSpec]) -> None:
        courses = self._courses(programs)
        credentials = self._credentials(programs)
        postsecondary = self._postsecondary(programs)
        existing = {
            (p.district_id, p.title): p
            for p in ProgramOfStudy.objects.filter(
                district_id__in={p.district_id for p in programs},
                title__in={p.title for p in programs},
                revision_of__isnull=True,  # a revision is edited in the editor, not by import
            ).prefetch_related(
                "sequence", "credentials", "postsecondary_programs", "work_based_learning"
            )
        }
        for spec in programs:
            wanted = _Wanted(
                spec,
                [courses[c.code] for c in spec.courses],
                {credentials[n.casefold()] for n in spec.credentials},
                {postsecondary[_ps_key(p)] for p in spec.postsecondary},
            )
            program = existing.get((spec.district_id, spec.title))
            if program is None:
                self._create(spec, wanted)
            else:
                self._update(program, spec, wanted)
        if self.log.problems:
            return
        self._create_programs()
        bulk_create_with_history(self.new_placements, ProgramCourse, default_user=self.user)
        bulk_create_with_history(
            self.new_work_based_learning, WorkBasedLearning, default_user=self.user
        )
        for program in self.updated_programs:
            # Saved without an audit record while its links changed; now that the program
            # is complete, one record (with its credentials and postsecondary programs).
            del program.skip_history_when_saving  # type: ignore[attr-defined]
            self._attach_user(program)
            post_save.send(
                sender=ProgramOfStudy,
                instance=program,
                created=False,
                update_fields=None,
                raw=False,
                using=program._state.db,
            )

    def _create_programs(self) -> None:
        """New programs, their links and their audit records, in a few bulk inserts: the
        same rows `save()` and `.set()` would write, one "+" record per program (SQLite
        3.35+ and PostgreSQL return the new keys)."""
        programs = [program for program, _wanted, _spec in self.new_programs]
        ProgramOfStudy.objects.bulk_create(programs)
        links: dict[str, list[Any]] = {}
        for name, attr in (
            ("credentials", "credentials"),
            ("postsecondary_programs", "postsecondary"),
        ):
            through = getattr(ProgramOfStudy, name).through
            target = next(
                f.attname
                for f in through._meta.fields
                if f.is_relation and f.related_model is not ProgramOfStudy
            )
            links[name] = through.objects.bulk_create(
                through(programofstudy_id=program.pk, **{target: pk})
                for program, wanted, _spec in self.new_programs
                for pk in sorted(getattr(wanted, attr))
            )
        records = ProgramOfStudy.history.bulk_history_create(programs, default_user=self.user)
        by_program = {record.id: record for record in records}
        for name, rows in links.items():
            snapshot = apps.get_model("programs", f"HistoricalProgramOfStudy_{name}")
            columns = [f.attname for f in getattr(ProgramOfStudy, name).through._meta.fields]
            snapshot.objects.bulk_create(
                snapshot(
                    history=by_program[row.programofstudy_id],
                    **{c: getattr(row, c) for c in columns},
                )
                for row in rows
            )
        for program, wanted, spec in self.new_programs:
            self.new_placements.extend(
                ProgramCourse(
                    program=program, course_id=course_id, position=position, is_capstone=cap
                )
                for position, course_id, cap in wanted.sequence
            )
            self.new_work_based_learning.extend(
                WorkBasedLearning(program=program, kind=w.kind, description=w.description)
                for w in spec.work_based_learning
            )

    def _label(self, spec: ProgramSpec) -> ProgramChange:
        return ProgramChange(self.districts.get(spec.district_id, spec.district_id), spec.title)

    def _attach_user(self, obj: Any) -> Any:
        if self.user is not None:
            obj._history_user = self.user
        return obj

    # The shared catalogue ---------------------------------------------------------------

    def _courses(self, programs: list[ProgramSpec]) -> dict[str, Course]:
        lines: dict[str, CourseLine] = {}
        for program in programs:
            for line in program.courses:
                lines.setdefault(line.code, line)
        found = {c.state_code: c for c in Course.objects.filter(state_code__in=list(lines))}
        new = []
        for code, line in sorted(lines.items()):
            course = found.get(code)
            if course is None:
                new.append(
                    Course(
                        state_code=code,
                        title=line.title,
                        credits=line.credits,
                        grade_min=line.grade_min,
                        grade_max=line.grade_max,
                    )
                )
                self.summary.courses_created.append(f"{code} {line.title}")
                continue
            if not _same_title(course.title, line.title):
                self.log.add(
                    line.row,
                    "course_title",
                    _("course code %(code)s is '%(title)s' in the course catalogue")
                    % {"code": code, "title": course.title},
                )
                continue
            if (course.credits, course.grade_min, course.grade_max) != (
                line.credits,
                line.grade_min,
                line.grade_max,
            ):
                if self.checked is not None and not self.checked.has_perm(
                    "programs.change_course", course
                ):
                    self.log.add(
                        line.row,
                        "credits",
                        _(
                            "course %(code)s has %(credits)s credits, grades %(min)d to %(max)d "
                            "in the state course catalogue, and other programs use it; only "
                            "state staff can change it"
                        )
                        % {
                            "code": code,
                            "credits": course.credits,
                            "min": course.grade_min,
                            "max": course.grade_max,
                        },
                    )
                    continue
                course.credits = line.credits
                course.grade_min = line.grade_min
                course.grade_max = line.grade_max
                self._attach_user(course).save()
                self.summary.courses_updated.append(f"{code} {course.title}")
        for course in bulk_create_with_history(new, Course, default_user=self.user):
            found[course.state_code] = course
        return found

    def _credentials(self, programs: list[ProgramSpec]) -> dict[str, int]:
        names = {n.casefold(): n for p in programs for n in p.credentials}
        found = {
            c.name.casefold(): c.pk for c in Credential.objects.all() if c.name.casefold() in names
        }
        for key, name in sorted(names.items()):
            if key not in found:
                found[key] = Credential.objects.create(name=name).pk
                self.summary.credentials_created.append(name)
        return found

    def _postsecondary(self, programs: list[ProgramSpec]) -> dict[tuple[str, str, str], int]:
        wanted = {_ps_key(ref): ref for p in programs for ref in p.postsecondary}
        cips = {ref.cip_code for ref in wanted.values()}
        found = {
            _ps_key(ps): ps.pk for ps in PostsecondaryProgram.objects.filter(cip_code__in=cips)
        }
        for key, ref in sorted(wanted.items()):
            if key not in found:
                found[key] = PostsecondaryProgram.objects.create(
                    institution=ref.institution, title=ref.title, cip_code=ref.cip_code
                ).pk
                self.summary.postsecondary_created.append(str(ref))
        return found

    # Programs ---------------------------------------------------------------------------

    def _create(self, spec: ProgramSpec, wanted: "_Wanted") -> None:
        if self.checked is not None:
            candidate = ProgramOfStudy(
                district_id=spec.district_id, status=ProgramOfStudy.Status.DRAFT
            )
            if not self.checked.has_perm(
                "programs.add_programofstudy"
            ) or not self.checked.has_perm("programs.change_programofstudy", candidate):
                self.log.add(
                    spec.first_row,
                    "program_title",
                    _("you may not add programs to this district"),
                )
                return
        program = ProgramOfStudy(
            district_id=spec.district_id,
            title=spec.title,
            description=spec.description,
            subcluster_id=spec.subcluster_code,
            legacy_pathway_id=spec.legacy_pathway_code or None,
            status=self.status or ProgramOfStudy.Status.DRAFT,
            is_demonstration=bool(self.demonstration),
        )
        self.new_programs.append((program, wanted, spec))
        self.summary.created.append(self._label(spec))

    def _update(self, program: ProgramOfStudy, spec: ProgramSpec, wanted: "_Wanted") -> None:
        fields: dict[str, Any] = {
            "description": spec.description,
            "subcluster_id": spec.subcluster_code,
            "legacy_pathway_id": spec.legacy_pathway_code or None,
        }
        if self.demonstration is not None:
            fields["is_demonstration"] = self.demonstration
        changed_fields = [k for k, v in fields.items() if getattr(program, k) != v]
        placements = list(program.sequence.all())
        sequence = sorted((pc.position, pc.course_id, pc.is_capstone) for pc in placements)
        sequence_changed = sequence != wanted.sequence
        credentials = {c.pk for c in program.credentials.all()}
        postsecondary = {p.pk for p in program.postsecondary_programs.all()}
        existing_wbl = list(program.work_based_learning.all())
        wbl_changed = Counter((w.kind, w.description) for w in existing_wbl) != Counter(
            (w.kind, w.description) for w in spec.work_based_learning
        )
        content_changed = bool(
            changed_fields
            or sequence_changed
            or credentials != wanted.credentials
            or postsecondary != wanted.postsecondary
            or wbl_changed
        )
        new_status = self.status or (
            ProgramOfStudy.Status.DRAFT if content_changed else program.status
        )
        if not content_changed and new_status == program.status:
            self.summary.unchanged.append(self._label(spec))
            return
        if self.checked is not None and not self.checked.has_perm(
            "programs.change_programofstudy", program
        ):
            self.log.add(
                spec.first_row,
                "program_title",
                _(
                    "'%(title)s' is %(status)s and differs from this file; only draft or "
                    "returned programs can be changed by import"
                )
                % {"title": program.title, "status": program.get_status_display()},
            )
            return
        for name, value in fields.items():
            setattr(program, name, value)
        program.status = new_status
        program.skip_history_when_saving = True  # type: ignore[attr-defined]
        program.save()
        if sequence_changed:
            self._replace_sequence(program, placements, wanted)
        if credentials != wanted.credentials:
            program.credentials.set(wanted.credentials)
        if postsecondary != wanted.postsecondary:
            program.postsecondary_programs.set(wanted.postsecondary)
        if wbl_changed:
            self._replace_work_based_learning(program, spec, existing_wbl)
        self.updated_programs.append(program)
        self.summary.updated.append(self._label(spec))

    def _replace_sequence(
        self, program: ProgramOfStudy, placements: list[ProgramCourse], wanted: "_Wanted"
    ) -> None:
        """Placements that stay are kept, moved ones updated, the rest deleted or added, so
        the audit log shows what changed."""
        target = {course_id: (position, cap) for position, course_id, cap in wanted.sequence}
        moved = []
        for placement in placements:
            if placement.course_id not in target:
                self._attach_user(placement).delete()
            elif (placement.position, placement.is_capstone) != target[placement.course_id]:
                moved.append(placement)
        move_placements(moved, target, self.user)
        kept = {pc.course_id for pc in placements}
        self.new_placements.extend(
            ProgramCourse(program=program, course_id=course_id, position=position, is_capstone=cap)
            for course_id, (position, cap) in target.items()
            if course_id not in kept
        )

    def _replace_work_based_learning(
        self, program: ProgramOfStudy, spec: ProgramSpec, existing: list[WorkBasedLearning]
    ) -> None:
        """Keep entries that match (their partner stays), delete the rest, add the new."""
        wanted = Counter((w.kind, w.description) for w in spec.work_based_learning)
        for entry in existing:
            key = (entry.kind, entry.description)
            if wanted[key] > 0:
                wanted[key] -= 1
            else:
                self._attach_user(entry).delete()
        for (kind, description), count in sorted(wanted.items()):
            self.new_work_based_learning.extend(
                WorkBasedLearning(program=program, kind=kind, description=description)
                for _i in range(count)
            )


@dataclass
class _Wanted:
    spec: ProgramSpec
    courses: list[Course]
    credentials: set[int]
    postsecondary: set[int]

    @property
    def sequence(self) -> list[tuple[int, int, bool]]:
        return sorted(
            (line.position, course.pk, line.is_capstone)
            for line, course in zip(self.spec.courses, self.courses, strict=True)
        )


def _ps_key(program: PostsecondaryRef | PostsecondaryProgram) -> tuple[str, str, str]:
    return (program.institution.casefold(), program.title.casefold(), program.cip_code)
