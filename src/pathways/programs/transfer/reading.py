"""Reading a programs file into lines: the rows below its header, read within the bounds of
core/spreadsheets, each row's values checked on their own (the checks across rows are in
checks.py). Every problem is logged with its row and column; reading goes on."""

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from pathways.core.spreadsheets import (
    Reader,
    SpreadsheetError,
    fit_to_header,
    header_names,
    header_problems,
    unescape_formula,
    wrong_width,
)
from pathways.datasets.errors import ErrorLog
from pathways.datasets.readers import Row
from pathways.framework.models import Framework, SubCluster
from pathways.geography.models import District
from pathways.occupations.models import CipCode

from ..models import WorkBasedLearning
from .layout import (
    CIP_CODE,
    COLUMNS,
    COURSE_CODE,
    DEFAULT_CREDITS,
    DEFAULT_GRADE_MAX,
    DEFAULT_GRADE_MIN,
    FIELD_SEPARATOR,
    GRADES,
    LIST_SEPARATOR,
    MAX_CREDITS,
    MAX_DESCRIPTION,
    MAX_POSITION,
    MAX_TITLE,
    MAX_WBL_DESCRIPTION,
    NCES_ID,
    NO,
    SHEET_NAME,
    YES,
    CourseLine,
    PostsecondaryRef,
    WorkBasedLearningRef,
    postsecondary_key,
)


def rows_of(path: Path, log: ErrorLog) -> Iterator[Row]:
    """Rows below the header, read within the bounds of core/spreadsheets; an XLSX file
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
        header = header_names(cells)
        if not _check_header(log, header, number):
            return
        for number, cells in rows:
            if not any(str(c).strip() for c in cells):
                continue
            if csv_file and not fit_to_header(cells, len(header), lenient=False):
                log.add(number, "", wrong_width(len(cells), len(header)))
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


@dataclass
class Line:
    """One row as read; None where a value was bad (already reported)."""

    row: Row
    district_id: str
    title: str
    values: dict[str, Any]
    course: CourseLine | None


class Lookups:
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
    return unescape_formula(value)


def _limited(row: Row, column: str, value: str, limit: int) -> str:
    if len(value) > limit:
        row.problem(
            column,
            _("is %(length)d characters long; at most %(limit)d are allowed")
            % {"length": len(value), "limit": limit},
        )
    return value


def read_line(row: Row, lookups: Lookups) -> Line:
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
    return Line(row, district_id, title, values, _course(row))


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
        if any(postsecondary_key(ref) == postsecondary_key(other) for other in programs):
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
