"""The five student-record layouts (docs/student-records-layout.md): columns, the check for
each column (in checks.py), and reading their CSV and XLSX files as rows of texts.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from pathways.core.spreadsheets import Reader, SpreadsheetError, cell_text
from pathways.datasets.errors import ErrorLog
from pathways.programs.models import WorkBasedLearning

from .checks import (
    COLLEGE_COURSE_CODE,
    COURSE_CODE,
    SCHOOL_CODE,
    TERM,
    Check,
    choice,
    day,
    district,
    name,
    number,
    pattern,
    race_options,
    school_year,
    student_id,
    wbl_options,
    whole_number,
    year,
    yes_no,
)
from .models import (
    SPECIAL_POPULATIONS,
    CourseCompletion,
    CredentialEarned,
    DualCreditRecord,
    GraduationRecord,
    RaceEthnicity,
    RecordUpload,
    Sex,
    WorkBasedLearningRecord,
)

# --- The layouts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """One kind of file: its columns, the model its rows become, and what a repeat is.

    A record is (student_id, district_id, year, *values) where values follow `value_columns`.
    `student_columns` describe the student for the district-year and must agree across
    rows; `item_columns` (with the student, district and year) name a row: two rows with
    the same item are a repeat."""

    kind: str
    model: type[models.Model]
    year_column: str
    year_field: str
    value_columns: tuple[str, ...]
    value_fields: tuple[str, ...]
    item_columns: tuple[str, ...]
    optional: frozenset[str]
    student_columns: tuple[str, ...] = ()
    other_columns: tuple[str, ...] = ()  # read and checked separately (school_name)

    @property
    def columns(self) -> tuple[str, ...]:
        return (
            "student_id",
            "district_nces_id",
            self.year_column,
            *self.student_columns,
            *self.other_columns,
            *self.value_columns,
        )

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c for c in self.columns if c not in self.optional)

    def imported(self, **where: Any) -> "models.QuerySet[Any]":
        """The rows that files of this kind wrote, which a new file replaces: never the
        work-based learning the site wrote from verified placements."""
        rows = self.model._default_manager.filter(**where)
        if self.model is WorkBasedLearningRecord:
            rows = rows.filter(source=WorkBasedLearningRecord.Source.FILE)
        return rows


COURSE_STUDENT_COLUMNS = (
    "school_code",
    "grade_level",
    "sex",
    "race_ethnicity",
    *SPECIAL_POPULATIONS,
)

LAYOUTS: dict[str, Layout] = {
    RecordUpload.Kind.COURSES: Layout(
        kind=RecordUpload.Kind.COURSES,
        model=CourseCompletion,
        year_column="school_year",
        year_field="school_year",
        value_columns=("term", "course_code", "credit_earned", "passed"),
        value_fields=("term", "course_code", "credit_earned", "passed"),
        item_columns=("term", "course_code"),
        optional=frozenset({"school_name", "passed", *SPECIAL_POPULATIONS}),
        student_columns=COURSE_STUDENT_COLUMNS,
        other_columns=("school_name",),
    ),
    RecordUpload.Kind.CREDENTIALS: Layout(
        kind=RecordUpload.Kind.CREDENTIALS,
        model=CredentialEarned,
        year_column="school_year",
        year_field="school_year",
        value_columns=("credential", "issuer", "date_earned"),
        value_fields=("credential", "issuer", "date_earned"),
        item_columns=("credential",),
        optional=frozenset({"issuer", "date_earned"}),
    ),
    RecordUpload.Kind.WORK_BASED_LEARNING: Layout(
        kind=RecordUpload.Kind.WORK_BASED_LEARNING,
        model=WorkBasedLearningRecord,
        year_column="school_year",
        year_field="school_year",
        value_columns=("kind", "hours"),
        value_fields=("kind", "hours"),
        item_columns=("kind",),
        optional=frozenset({"hours"}),
    ),
    RecordUpload.Kind.DUAL_CREDIT: Layout(
        kind=RecordUpload.Kind.DUAL_CREDIT,
        model=DualCreditRecord,
        year_column="school_year",
        year_field="school_year",
        value_columns=("course_code", "institution", "credits_earned"),
        value_fields=("course_code", "institution", "credits_earned"),
        item_columns=("course_code",),
        optional=frozenset({"institution"}),
    ),
    RecordUpload.Kind.GRADUATION: Layout(
        kind=RecordUpload.Kind.GRADUATION,
        model=GraduationRecord,
        year_column="cohort_year",
        year_field="cohort_year",
        value_columns=("graduated", "graduation_year"),
        value_fields=("graduated", "graduation_year"),
        item_columns=(),
        optional=frozenset({"graduation_year"}),
    ),
}


def checks(layout: Layout, districts: set[str]) -> dict[str, Check]:
    """A fresh check for each column of the layout (fresh, so memories last one import)."""
    sexes = ", ".join(Sex.values)
    converters: dict[str, Callable[[str], Any]] = {
        "district_nces_id": district(districts),
        "school_year": school_year,
        "cohort_year": school_year,
        "school_code": pattern(SCHOOL_CODE, _("a school code (1-20 letters or digits)")),
        "school_name": name(required=False),
        "term": pattern(TERM, _("a term (1-10 letters or digits, e.g. S1)"), upper=True),
        "course_code": pattern(
            COLLEGE_COURSE_CODE if layout.kind == RecordUpload.Kind.DUAL_CREDIT else COURSE_CODE,
            _("a course code (letters, digits, dots or hyphens, e.g. 0501)"),
        ),
        "credit_earned": number(Decimal(0), Decimal(10), 2),
        "passed": yes_no(blank=None),  # blank: passed if credit was earned (importing)
        "grade_level": whole_number(6, 12, required=True),
        "sex": choice({s.lower(): s for s in Sex.values}, sexes),
        "race_ethnicity": choice(race_options(), ", ".join(RaceEthnicity.values)),
        "credential": name(required=True),
        "issuer": name(required=False),
        "date_earned": day(),
        "kind": choice(wbl_options(), ", ".join(WorkBasedLearning.Kind.values)),
        "hours": whole_number(0, 5000, required=False),
        "institution": name(required=False),
        "credits_earned": number(Decimal(0), Decimal(12), 1),
        "graduated": yes_no(required=True),
        "graduation_year": year,
    }
    for population in SPECIAL_POPULATIONS:
        converters[population] = yes_no()
    found = {"student_id": Check(student_id, remember=False)}
    for column in layout.columns:
        if column != "student_id":
            found[column] = Check(converters[column])
    return found


# --- Reading files -------------------------------------------------------------------------


def cells(path: Path, log: ErrorLog, reader: Reader | None = None) -> Iterator[list[str]]:
    """Each row of the file as stripped texts, the header first, read within the bounds of
    core/spreadsheets (a file beyond them is one problem for the whole file)."""
    try:
        for _number, row in reader or Reader(path):
            yield [cell_text(cell) for cell in row]
    except SpreadsheetError as exc:
        log.add(exc.row, "", exc.message)
