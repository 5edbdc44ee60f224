"""Importing student records: every kind, every problem reported, district-years replaced."""

import shutil
from decimal import Decimal
from io import StringIO
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from pathways.datasets.errors import ImportValidationError
from pathways.geography.models import School
from pathways.students import checks, importing, status
from pathways.students.models import (
    CourseCompletion,
    CredentialEarned,
    DualCreditRecord,
    GraduationRecord,
    RecordUpload,
    StudentYear,
    WorkBasedLearningRecord,
)
from tests.factories import (
    ALAMOGORDO,
    ALBUQUERQUE,
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
    alamogordo,
    albuquerque,
)

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent.parent / "fixtures" / "students"
COURSES = FIXTURES / "courses.csv"
BAD_COURSES = FIXTURES / "courses_bad.csv"


@pytest.fixture(autouse=True)
def districts() -> None:
    albuquerque()
    alamogordo()


@pytest.fixture
def recomputed(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Records each call of status.refresh instead of running it."""
    calls: list[bool] = []
    monkeypatch.setattr(status, "refresh", lambda *args, **kwargs: calls.append(True))
    return calls


def course_rows() -> set[tuple[Any, ...]]:
    return set(
        CourseCompletion.objects.values_list(
            "student_id",
            "school_year",
            "district_id",
            "school__code",
            "term",
            "course_code",
            "credit_earned",
            "passed",
        )
    )


def student_year_rows() -> set[tuple[Any, ...]]:
    return set(
        StudentYear.objects.values_list(
            "student_id",
            "school_year",
            "district_id",
            "school__code",
            "grade_level",
            "sex",
            "race_ethnicity",
            "economically_disadvantaged",
            "disability",
            "nontraditional",
        )
    )


def write_csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def courses_lines() -> list[str]:
    return COURSES.read_text(encoding="utf-8").splitlines()


# --- Loading -------------------------------------------------------------------------------


def test_courses_file_loads_every_attempt_and_one_student_year_per_district_year() -> None:
    summary = importing.import_file(COURSES)

    assert summary.rows == 8
    assert CourseCompletion.objects.count() == 8
    assert StudentYear.objects.count() == 6
    assert ("TEST-0001", 2025, ALBUQUERQUE, "520", "S1", "CTE101", Decimal("1"), True) in (
        course_rows()
    )
    assert student_year_rows() >= {
        ("TEST-0001", 2025, ALBUQUERQUE, "520", 11, "F", "hispanic", True, False, False),
        ("TEST-0002", 2025, ALBUQUERQUE, "520", 10, "M", "white", False, False, False),
        ("TEST-0003", 2025, ALBUQUERQUE, "610", 12, "X", "two_or_more", True, True, True),
        ("TEST-0004", 2024, ALAMOGORDO, "100", 8, "F", "american_indian", False, False, False),
    }


@pytest.mark.parametrize(
    ("student", "term", "passed"),
    [
        ("TEST-0001", "S2", False),  # blank, no credit earned
        ("TEST-0002", "S1", True),  # blank, half a credit earned
        ("TEST-0002", "S2", True),  # "yes"
    ],
)
def test_a_blank_passed_means_passed_when_credit_was_earned(
    student: str, term: str, passed: bool
) -> None:
    importing.import_file(COURSES)

    attempt = CourseCompletion.objects.get(student_id=student, school_year=2025, term=term)
    assert attempt.passed is passed


def test_schools_are_created_with_their_names() -> None:
    importing.import_file(COURSES)

    assert set(School.objects.values_list("district_id", "code", "name")) == {
        (ALBUQUERQUE, "520", "Albuquerque High School"),
        (ALBUQUERQUE, "610", "Valley High School"),
        (ALAMOGORDO, "100", "Alamogordo High School"),
    }


def test_an_upload_is_recorded_per_district_and_year() -> None:
    admin = StateAdminFactory(username="state1")

    importing.import_file(COURSES, user=admin, file_name="sis-export.csv")

    uploads = RecordUpload.objects.values_list(
        "kind", "district_id", "school_year", "rows", "file_name", "uploaded_by"
    )
    assert set(uploads) == {
        ("courses", ALBUQUERQUE, 2024, 1, "sis-export.csv", "state1"),
        ("courses", ALBUQUERQUE, 2025, 5, "sis-export.csv", "state1"),
        ("courses", ALAMOGORDO, 2024, 1, "sis-export.csv", "state1"),
        ("courses", ALAMOGORDO, 2025, 1, "sis-export.csv", "state1"),
    }
    assert len(set(RecordUpload.objects.values_list("sha256", flat=True))) == 1


def test_summary_counts_rows_and_students_per_district_year_without_ids() -> None:
    summary = importing.import_file(COURSES)

    text = str(summary)
    assert "Albuquerque" in text
    assert "2025: 5 rows, 3 students, loaded" in text
    assert "TEST-" not in text


@pytest.mark.parametrize(
    ("kind", "model", "expected"),
    [
        (
            "credentials",
            CredentialEarned,
            {
                ("TEST-0001", ALBUQUERQUE, 2025, "Certified Nursing Assistant (CNA)"),
                ("TEST-0001", ALBUQUERQUE, 2025, "CPR and First Aid"),
                ("TEST-0004", ALAMOGORDO, 2024, "OSHA 10 General Industry"),
            },
        ),
        (
            "work_based_learning",
            WorkBasedLearningRecord,
            {
                ("TEST-0001", ALBUQUERQUE, 2025, "internship", 120),
                ("TEST-0002", ALBUQUERQUE, 2025, "job_shadowing", None),
                ("TEST-0004", ALAMOGORDO, 2024, "pre_apprenticeship", 300),
            },
        ),
        (
            "dual_credit",
            DualCreditRecord,
            {
                (
                    "TEST-0001",
                    ALBUQUERQUE,
                    2025,
                    "ENGL 1110",
                    "Central New Mexico Community College",
                    Decimal("3"),
                ),
                ("TEST-0003", ALBUQUERQUE, 2025, "MATH 1220", "", Decimal("4")),
                (
                    "TEST-0004",
                    ALAMOGORDO,
                    2025,
                    "HIST 1110",
                    "New Mexico State University Alamogordo",
                    Decimal("3"),
                ),
            },
        ),
        (
            "graduation",
            GraduationRecord,
            {
                ("TEST-0001", ALBUQUERQUE, 2025, True, 2025),
                ("TEST-0002", ALBUQUERQUE, 2025, False, None),
                ("TEST-0003", ALBUQUERQUE, 2025, True, 2024),
                ("TEST-0004", ALAMOGORDO, 2024, True, 2024),
            },
        ),
    ],
)
def test_every_kind_of_file_loads(kind: str, model: Any, expected: set[tuple[Any, ...]]) -> None:
    fields = {
        "credentials": ["school_year", "credential"],
        "work_based_learning": ["school_year", "kind", "hours"],
        "dual_credit": ["school_year", "course_code", "institution", "credits_earned"],
        "graduation": ["cohort_year", "graduated", "graduation_year"],
    }[kind]

    summary = importing.import_file(FIXTURES / f"{kind}.csv", kind=kind)

    assert set(model.objects.values_list("student_id", "district_id", *fields)) == expected
    assert summary.rows == len(expected)
    assert RecordUpload.objects.filter(kind=kind).count() == 2


def test_an_xlsx_file_loads_the_same_records_as_its_csv(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in courses_lines():
        cells: list[Any] = line.split(",")
        if cells[0] != "student_id":
            # Spreadsheets hold numbers as numbers: the importer must read them back as text.
            cells[1] = int(cells[1])
            cells[9] = int(cells[9])
            cells[7] = float(cells[7])
        sheet.append(cells)
    workbook.save(tmp_path / "courses.xlsx")
    importing.import_file(COURSES)
    from_csv = (course_rows(), student_year_rows())

    summary = importing.import_file(tmp_path / "courses.xlsx")

    assert (course_rows(), student_year_rows()) == from_csv
    assert summary.rows == 8


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + COURSES.read_bytes())

    assert importing.import_file(path).rows == 8


def test_check_only_reports_what_would_load_and_saves_nothing(recomputed: list[bool]) -> None:
    summary = importing.import_file(COURSES, check=True)

    assert "would be loaded" in str(summary)
    assert summary.rows == 8
    assert not CourseCompletion.objects.exists()
    assert not StudentYear.objects.exists()
    assert not RecordUpload.objects.exists()
    assert recomputed == []


def test_a_courses_import_recomputes_status(recomputed: list[bool]) -> None:
    importing.import_file(COURSES)

    assert recomputed == [True]


# --- Problems ------------------------------------------------------------------------------


def test_a_file_with_bad_rows_reports_every_problem_and_writes_nothing() -> None:
    importing.import_file(COURSES)
    before = (course_rows(), student_year_rows())

    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(BAD_COURSES)

    found = {(p.row, p.column) for p in raised.value.problems}
    assert found == {
        (3, "sex"),
        (4, "student_id"),
        (5, "district_nces_id"),
        (6, "grade_level"),
        (7, "sex"),
        (8, ""),
        (9, "race_ethnicity"),
        (9, "school_name"),
        (10, "school_year"),
        (10, "credit_earned"),
    }
    assert (course_rows(), student_year_rows()) == before


def test_problems_name_the_value_and_the_contradicted_row_but_never_a_student_id() -> None:
    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(BAD_COURSES)

    message = str(raised.value)
    assert "courses_bad.csv, row 3, column 'sex': 'Q' is not one of F, M, X" in message
    assert "row 7, column 'sex': disagrees with row 2" in message
    assert "row 8: repeats row 2" in message
    assert "row 9, column 'school_name': school 520 is named 'Albuquerque High School'" in message
    assert "BAD ID" not in message
    assert "TEST-" not in message


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("student_id,district_nces_id,school_year", "credential"),  # missing
        ("student_id,district_nces_id,school_year,credential,student_name", "student_name"),
    ],
)
def test_a_missing_or_unknown_column_is_a_problem_on_row_1(
    tmp_path: Path, header: str, column: str
) -> None:
    path = write_csv(tmp_path / "credentials.csv", [header])

    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(path, kind="credentials")

    assert (1, column) in {(p.row, p.column) for p in raised.value.problems}


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("TEST-0001,3500060,2025,N,2025", "graduation_year"),  # not graduated, yet a year
        ("TEST-0001,3500060,2025,Y,", "graduation_year"),  # graduated, no year
        ("TEST-0001,3500060,2025,Y,2015", "graduation_year"),  # far from the cohort
        ("TEST-0001,3500060,2024-26,N,", "cohort_year"),
        ("TEST-0001,3500060,2025,maybe,2025", "graduated"),
    ],
)
def test_graduation_rows_must_be_consistent(tmp_path: Path, line: str, column: str) -> None:
    path = write_csv(
        tmp_path / "graduation.csv",
        ["student_id,district_nces_id,cohort_year,graduated,graduation_year", line],
    )

    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(path, kind="graduation")

    assert [(p.row, p.column) for p in raised.value.problems] == [(2, column)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025", 2025), ("2024-25", 2025), ("2024-2025", 2025), ("2024-26", None), ("25", None)],
)
def test_school_years_are_named_by_the_year_they_end_in(text: str, expected: int | None) -> None:
    check = checks.Check(checks.school_year)

    value = check(text)

    assert (None if isinstance(value, checks.Invalid) else value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("H", "hispanic"), ("aian", "american_indian"), ("Asian", "asian"), ("N", None)],
)
def test_short_race_codes_are_accepted_only_when_unambiguous(
    text: str, expected: str | None
) -> None:
    check = checks.Check(checks.choice(checks.race_options(), ""))

    value = check(text)

    assert (None if isinstance(value, checks.Invalid) else value) == expected


def test_a_file_that_is_not_csv_or_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    shutil.copy(COURSES, path)

    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(path)

    assert [p.row for p in raised.value.problems] == [0]


# --- Replacing -----------------------------------------------------------------------------


def test_importing_the_same_file_again_changes_nothing(recomputed: list[bool]) -> None:
    importing.import_file(COURSES)
    ids = set(CourseCompletion.objects.values_list("pk", flat=True))
    years = set(StudentYear.objects.values_list("pk", flat=True))
    uploaded = list(RecordUpload.objects.values_list("pk", "uploaded_at"))

    summary = importing.import_file(COURSES)

    assert str(summary).count("unchanged") == 4
    assert set(CourseCompletion.objects.values_list("pk", flat=True)) == ids
    assert set(StudentYear.objects.values_list("pk", flat=True)) == years
    assert list(RecordUpload.objects.values_list("pk", "uploaded_at")) == uploaded
    assert recomputed == [True]  # only the first import changed anything


def test_a_corrected_file_replaces_only_its_district_years(tmp_path: Path) -> None:
    importing.import_file(COURSES)
    untouched = set(
        CourseCompletion.objects.exclude(district_id=ALBUQUERQUE, school_year=2025).values_list(
            "pk", flat=True
        )
    )
    header, *rows = courses_lines()
    corrected = [header] + [
        row.replace("S2,CTE102,0,,11", "S2,CTE102,1,Y,11")
        for row in rows
        if row.startswith("TEST-0001,3500060") and ",2024-25," in row
    ]

    summary = importing.import_file(write_csv(tmp_path / "corrected.csv", corrected), confirm=True)

    assert "2025: 2 rows, 1 students, replaced" in str(summary)
    albuquerque_2025 = CourseCompletion.objects.filter(district_id=ALBUQUERQUE, school_year=2025)
    assert sorted(albuquerque_2025.values_list("term", "passed")) == [("S1", True), ("S2", True)]
    assert StudentYear.objects.filter(district_id=ALBUQUERQUE, school_year=2025).count() == 1
    remaining = CourseCompletion.objects.exclude(district_id=ALBUQUERQUE, school_year=2025)
    assert set(remaining.values_list("pk", flat=True)) == untouched
    assert School.objects.filter(code="610").exists()  # schools are never deleted


# --- Who may import ------------------------------------------------------------------------


def test_a_coordinator_may_import_their_own_district(tmp_path: Path) -> None:
    coordinator = DistrictCoordinatorFactory(district=alamogordo())
    path = FIXTURES / "dual_credit.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    own = [lines[0], *(line for line in lines[1:] if f",{ALAMOGORDO}," in line)]

    with pytest.raises(ImportValidationError):
        importing.import_file(path, kind="dual_credit", user=coordinator)
    summary = importing.import_file(
        write_csv(tmp_path / "own.csv", own),
        kind="dual_credit",
        user=coordinator,
    )

    assert summary.rows == 1
    assert set(DualCreditRecord.objects.values_list("district_id", flat=True)) == {ALAMOGORDO}


def test_a_coordinator_gets_a_problem_for_each_row_of_another_district() -> None:
    coordinator = DistrictCoordinatorFactory(district=alamogordo())

    with pytest.raises(ImportValidationError) as raised:
        importing.import_file(COURSES, user=coordinator)

    foreign = [p for p in raised.value.problems if p.column == "district_nces_id"]
    assert [p.row for p in foreign] == [2, 3, 4, 5, 6, 9]
    assert "Alamogordo" in foreign[0].problem
    assert not CourseCompletion.objects.exists()


@pytest.mark.parametrize("factory", [CounselorFactory, StudentFactory])
def test_counselors_and_students_may_not_import(factory: Any) -> None:
    with pytest.raises(PermissionDenied):
        importing.import_file(COURSES, user=factory())

    assert not CourseCompletion.objects.exists()


# --- The console ---------------------------------------------------------------------------


def test_the_console_prints_a_summary_without_ids() -> None:
    out = StringIO()

    call_command("students", "import", str(COURSES), stdout=out)

    assert "2025: 5 rows, 3 students, loaded" in out.getvalue()
    assert "TEST-" not in out.getvalue()
    assert CourseCompletion.objects.count() == 8


def test_the_console_fails_with_the_list_of_problems() -> None:
    with pytest.raises(CommandError) as raised:
        call_command("students", "import", str(BAD_COURSES), stdout=StringIO())

    assert "10 problem(s); nothing was loaded" in str(raised.value)
    assert "row 6, column 'grade_level'" in str(raised.value)
    assert "TEST-" not in str(raised.value)
