"""Bulk import of programs of study: every problem reported, all or nothing, idempotent."""

import csv
import io
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from pathways.datasets.errors import ImportValidationError
from pathways.programs.models import (
    Course,
    Credential,
    PostsecondaryProgram,
    ProgramCourse,
    ProgramOfStudy,
    WorkBasedLearning,
)
from pathways.programs.transfer import COLUMNS, import_file, parse_programs
from tests.factories import (
    ALBUQUERQUE,
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
)

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "programs"
GOOD = FIXTURES / "good.csv"
LAS_CRUCES = "3501500"


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict[str, str]], sheet: str = "Programs") -> Path:
    workbook = Workbook()
    notes = workbook.active
    assert notes is not None
    notes.title = "Read me"
    notes.append(["This sheet is not the data; the importer reads the sheet named Programs."])
    data = workbook.create_sheet(sheet)
    data.append(COLUMNS)
    for row in rows:
        values: list[object] = []
        for column in COLUMNS:
            value = row[column]
            # As a spreadsheet holds them: numbers as numbers.
            if column in ("position", "grade_min", "grade_max") and value:
                values.append(int(value))
            elif column == "credits" and value.replace(".", "").isdigit():
                values.append(float(value))
            else:
                values.append(value)
        data.append(values)
    workbook.save(path)
    return path


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            ProgramOfStudy,
            ProgramCourse,
            Course,
            Credential,
            PostsecondaryProgram,
            WorkBasedLearning,
        )
    }


def spots(error: pytest.ExceptionInfo[ImportValidationError]) -> set[tuple[int, str]]:
    return {(p.row, p.column) for p in error.value.problems}


def test_a_good_file_creates_draft_programs_with_their_sequence(real_data):
    admin = StateAdminFactory()

    summary = import_file(GOOD, admin)

    assert len(summary.created) == 2 and not summary.updated and not summary.unchanged
    assert summary.rows == 8
    health = ProgramOfStudy.objects.get(
        district_id=ALBUQUERQUE, title="Health Sciences: Physical Health"
    )
    assert health.status == "draft" and not health.is_demonstration
    assert health.subcluster_id == "healthcare-human-services--physical-health"
    assert health.legacy_pathway_id == "health-science--therapeutic-services"
    sequence = list(health.sequence.select_related("course").order_by("position"))
    assert [(pc.position, pc.course.state_code, pc.is_capstone) for pc in sequence] == [
        (1, "TST-HLT-1", False),
        (2, "TST-HLT-2", False),
        (3, "TST-HLT-3", False),
        (4, "TST-HLT-4", True),
    ]
    capstone = sequence[-1].course
    assert (capstone.title, capstone.credits, capstone.grade_min) == (
        "Clinical Practicum",
        Decimal("2.0"),
        11,
    )
    assert sorted(c.name for c in health.credentials.all()) == [
        "CPR and First Aid",
        "Certified Nursing Assistant (CNA)",
    ]
    (college,) = health.postsecondary_programs.all()
    assert (college.institution, college.title, college.cip_code) == (
        "Test Community College",
        "Nursing Assistant",
        "51.3902",
    )
    assert sorted((w.kind, w.description) for w in health.work_based_learning.all()) == [
        ("internship", "Summer clinic placement"),
        ("job_shadowing", "A day with hospital nurses"),
    ]
    # The audit log: one "created" record naming who imported, with the program's links.
    (record,) = health.history.all()
    assert (record.history_type, record.history_user) == ("+", admin)
    snapshot = apps.get_model("programs", "HistoricalProgramOfStudy_credentials")
    assert snapshot.objects.filter(history=record).count() == 2
    placements = ProgramCourse.history.filter(program_id=health.pk)
    assert {(r.history_type, r.history_user) for r in placements} == {("+", admin)}
    assert placements.count() == 4
    assert {r.history_user for r in Course.history.filter(state_code__startswith="TST-")} == {admin}


def test_a_partly_bad_file_reports_every_problem_and_writes_nothing(real_data):
    before = counts()

    with pytest.raises(ImportValidationError) as error:
        import_file(FIXTURES / "partly_bad.csv", StateAdminFactory())

    assert spots(error) == {
        (4, "district_nces_id"),  # 9999999 is no New Mexico district
        (4, "position"),  # a program of one course (at least 2)
        (5, "subcluster_code"),  # unknown sub-cluster
        (5, "postsecondary"),  # not "institution | title | CIP"
        (5, "work_based_learning"),  # unknown kind
        (5, "position"),  # not a number
        (5, "credits"),  # not a number
        (5, "grade_min"),  # 5 is below grade 6
        (5, "grade_max"),  # 13 is above grade 12
        (5, "is_capstone"),  # "maybe"
        (6, "subcluster_code"),
        (8, "position"),  # duplicate position
        (9, "is_capstone"),  # a second capstone
        (7, "is_capstone"),  # capstone not last
        (10, "is_capstone"),  # no capstone
        (10, "course_title"),  # TST-HLT-1 has another title on row 2
    }
    assert all(p.file == "partly_bad.csv" for p in error.value.problems)
    rows = [p.row for p in error.value.problems]
    assert rows == sorted(rows)
    messages = {(p.row, p.column): p.problem for p in error.value.problems}
    assert "9999999" in messages[(4, "district_nces_id")]
    assert "position 1 is also on row 7" in messages[(8, "position")]
    assert "Introduction to Health Careers" in messages[(10, "course_title")]
    assert "outside grades 6 to 12" in messages[(5, "grade_min")]
    assert counts() == before


def test_sequence_rules_match_the_submission_rules(tmp_path, real_data):
    rows = [r for r in read_rows(GOOD) if r["district_nces_id"] == ALBUQUERQUE]
    rows[3]["position"] = "5"  # a gap: 1, 2, 3, 5
    gap = write_csv(tmp_path / "gap.csv", rows)
    one = write_csv(tmp_path / "one.csv", [{**rows[3], "position": "1"}])

    with pytest.raises(ImportValidationError) as error:
        parse_programs(gap)
    assert spots(error) == {(2, "position")}
    assert "without gaps" in error.value.problems[0].problem

    with pytest.raises(ImportValidationError) as error:
        parse_programs(one)
    assert "at least 2 courses" in error.value.problems[0].problem


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("not_a_spreadsheet.csv", "is not a CSV text file"),
        ("wrong_header.csv", "column is missing from the header"),
        ("truncated.csv", "truncated or malformed line"),
    ],
)
def test_malformed_files_give_a_clear_error(name, expected, real_data):
    with pytest.raises(ImportValidationError) as error:
        parse_programs(FIXTURES / name)

    assert expected in str(error.value)
    assert all(p.file == name for p in error.value.problems)


def test_wrong_header_names_each_missing_column(real_data):
    with pytest.raises(ImportValidationError) as error:
        parse_programs(FIXTURES / "wrong_header.csv")

    missing = {p.column for p in error.value.problems}
    assert missing == set(COLUMNS) - {"credits"}
    assert {p.row for p in error.value.problems} == {1}


def test_other_malformed_files(tmp_path, real_data):
    xlsx = write_xlsx(tmp_path / "good.xlsx", read_rows(GOOD))
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(xlsx.read_bytes()[: xlsx.stat().st_size // 2])
    text = tmp_path / "programs.txt"
    text.write_text("hello")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    header_only = write_csv(tmp_path / "header_only.csv", [])
    fake = tmp_path / "fake.xlsx"
    fake.write_text(GOOD.read_text())
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(GOOD.read_text().replace("Anatomy", "Anatomía").encode("latin-1"))

    for path, expected in [
        (truncated, "cannot be read as an XLSX workbook"),
        (text, "is not a .csv or .xlsx file"),
        (empty, "the file is empty"),
        (header_only, "has no rows of programs"),
        (fake, "cannot be read as an XLSX workbook"),
        (latin1, "is not UTF-8 text"),
    ]:
        with pytest.raises(ImportValidationError) as error:
            parse_programs(path)
        assert expected in str(error.value), path.name
        assert error.value.problems[0].row in (0, 1, 4)


def test_reimporting_the_same_file_changes_nothing(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)
    program = ProgramOfStudy.objects.get(district_id=LAS_CRUCES, title="Welding Technology")
    stamp, history = program.updated_at, program.history.count()
    before = counts()

    summary = import_file(GOOD, admin)

    assert len(summary.unchanged) == 2 and not summary.changed_anything
    assert counts() == before
    program.refresh_from_db()
    assert (program.updated_at, program.history.count()) == (stamp, history)
    assert ProgramCourse.history.count() == 8


def test_a_changed_file_updates_the_program_and_replaces_its_sequence(tmp_path, real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin, status="approved")
    rows = [r for r in read_rows(GOOD) if r["district_nces_id"] == LAS_CRUCES]
    # Drop course 3, renumber the capstone, change the description and the tour.
    rows = [rows[0], rows[1], {**rows[3], "position": "3"}]
    for row in rows:
        row["program_description"] = "Shorter."
        row["work_based_learning"] = "internship: Summer shop work"
    changed = write_csv(tmp_path / "changed.csv", rows)

    summary = import_file(changed, admin)

    assert [c.title for c in summary.updated] == ["Welding Technology"]
    program = ProgramOfStudy.objects.get(district_id=LAS_CRUCES, title="Welding Technology")
    assert program.description == "Shorter."
    assert program.status == "draft"  # a changed program needs approval again
    assert [pc.course.state_code for pc in program.sequence.order_by("position")] == [
        "TST-WLD-1",
        "TST-WLD-2",
        "TST-WLD-4",
    ]
    assert [(w.kind, w.description) for w in program.work_based_learning.all()] == [
        ("internship", "Summer shop work")
    ]
    assert [r.history_type for r in program.history.order_by("history_date")] == ["+", "~"]
    assert ProgramCourse.history.filter(program_id=program.pk, history_type="-").count() == 1
    # The other program was not in the file and is left alone.
    other = ProgramOfStudy.objects.get(district_id=ALBUQUERQUE)
    assert other.status == "approved"


def test_work_based_learning_partners_survive_a_reimport(real_data):
    admin = StateAdminFactory()
    import_file(GOOD, admin)
    tour = WorkBasedLearning.objects.get(kind="tour")
    tour.partner = "Four Corners Fabrication"
    tour.save()

    import_file(GOOD, admin)

    assert WorkBasedLearning.objects.get(pk=tour.pk).partner == "Four Corners Fabrication"


def test_a_coordinator_may_import_only_their_own_district(tmp_path, real_data):
    coordinator = DistrictCoordinatorFactory()  # Albuquerque
    before = counts()

    with pytest.raises(ImportValidationError) as error:
        import_file(GOOD, coordinator)

    assert spots(error) == {(row, "district_nces_id") for row in (6, 7, 8, 9)}
    assert "Albuquerque Public Schools" in error.value.problems[0].problem
    assert counts() == before

    own = write_csv(
        tmp_path / "own.csv", [r for r in read_rows(GOOD) if r["district_nces_id"] == ALBUQUERQUE]
    )
    summary = import_file(own, coordinator)
    assert [c.district for c in summary.created] == ["Albuquerque Public Schools"]


def test_a_coordinator_cannot_change_an_approved_program_by_import(tmp_path, real_data):
    rows = [r for r in read_rows(GOOD) if r["district_nces_id"] == ALBUQUERQUE]
    own = write_csv(tmp_path / "own.csv", rows)
    import_file(own, StateAdminFactory(), status="approved")
    coordinator = DistrictCoordinatorFactory()

    assert len(import_file(own, coordinator).unchanged) == 1  # the same: nothing to change

    for row in rows:
        row["program_description"] = "Edited."
    with pytest.raises(ImportValidationError) as error:
        import_file(write_csv(tmp_path / "edited.csv", rows), coordinator)
    assert spots(error) == {(2, "program_title")}
    assert "only draft or returned programs" in error.value.problems[0].problem
    assert ProgramOfStudy.objects.get(district_id=ALBUQUERQUE).description != "Edited."


def test_only_state_administrators_import_approved_programs(real_data):
    with pytest.raises(PermissionDenied):
        import_file(GOOD, DistrictCoordinatorFactory(), status="approved")
    with pytest.raises(PermissionDenied):
        import_file(GOOD, CounselorFactory())

    import_file(GOOD, StateAdminFactory(), status="approved")
    assert set(ProgramOfStudy.objects.values_list("status", flat=True)) == {"approved"}


def test_xlsx_import_reads_the_programs_sheet(tmp_path, real_data):
    xlsx = write_xlsx(tmp_path / "programs.xlsx", read_rows(GOOD))
    admin = StateAdminFactory()

    summary = import_file(xlsx, admin)

    assert len(summary.created) == 2
    course = Course.objects.get(state_code="TST-WLD-4")
    assert (course.credits, course.grade_min, course.grade_max) == (Decimal("1.5"), 11, 12)
    # The same programs as the CSV: importing the CSV now changes nothing.
    assert len(import_file(GOOD, admin).unchanged) == 2


def test_xlsx_without_a_programs_sheet_uses_the_first_sheet(tmp_path, real_data):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(COLUMNS)
    for row in read_rows(GOOD):
        sheet.append([row[c] for c in COLUMNS])
    sheet.append([""] * len(COLUMNS))  # blank rows are skipped
    path = tmp_path / "first.xlsx"
    workbook.save(path)

    assert len(parse_programs(path)) == 2


def test_xlsx_problems_name_the_spreadsheet_row(tmp_path, real_data):
    rows = read_rows(GOOD)
    rows[2]["credits"] = "many"
    path = write_xlsx(tmp_path / "bad.xlsx", rows)

    with pytest.raises(ImportValidationError) as error:
        parse_programs(path)

    assert spots(error) == {(4, "credits")}
    assert error.value.problems[0].file == "bad.xlsx"


def test_a_course_code_in_the_catalogue_keeps_its_title(tmp_path, real_data):
    Course.objects.create(state_code="TST-HLT-2", title="Health Vocabulary")

    with pytest.raises(ImportValidationError) as error:
        parse_programs(GOOD)

    assert spots(error) == {(3, "course_title")}
    assert "'Health Vocabulary' in the course catalogue" in str(error.value)


def test_catalogue_credits_and_grades_are_upserted(real_data):
    Course.objects.create(
        state_code="TST-HLT-1", title="introduction to health careers", credits=Decimal("0.5")
    )

    summary = import_file(GOOD, StateAdminFactory())

    assert summary.courses_updated == ["TST-HLT-1 introduction to health careers"]
    course = Course.objects.get(state_code="TST-HLT-1")
    assert (course.title, course.credits, course.grade_max) == (
        "introduction to health careers",  # the catalogue's title stays
        Decimal("1.0"),
        10,
    )


def test_existing_catalogue_entries_are_reused_whatever_their_case(real_data):
    credential = Credential.objects.create(name="certified nursing assistant (cna)")

    summary = import_file(GOOD, StateAdminFactory())

    assert "Certified Nursing Assistant (CNA)" not in summary.credentials_created
    assert Credential.objects.filter(name__iexact="Certified Nursing Assistant (CNA)").count() == 1
    program = ProgramOfStudy.objects.get(district_id=ALBUQUERQUE)
    assert credential in program.credentials.all()


def test_program_columns_must_agree_on_every_row(tmp_path, real_data):
    rows = read_rows(GOOD)
    rows[1]["subcluster_code"] = ""  # empty after the first row: fine
    rows[2]["credentials"] = "Something Else"
    rows[3]["legacy_pathway_code"] = "healthcare-human-services--physical-health"

    with pytest.raises(ImportValidationError) as error:
        parse_programs(write_csv(tmp_path / "disagree.csv", rows))

    assert spots(error) == {(4, "credentials"), (5, "legacy_pathway_code")}
    messages = [p.problem for p in error.value.problems]
    assert "differs from row 2 of the same program" in messages[0]
    assert "is a 2024 sub-cluster; put it in subcluster_code" in messages[1]


def test_a_formula_guard_apostrophe_is_removed(tmp_path, real_data):
    rows = read_rows(GOOD)
    for row in rows[:4]:
        row["program_description"] = "'=not a formula"

    (health, _welding) = parse_programs(write_csv(tmp_path / "quoted.csv", rows))

    assert health.description == "=not a formula"


def test_a_thousand_row_file_imports_in_seconds(tmp_path, real_data):
    template = [r for r in read_rows(GOOD) if r["district_nces_id"] == ALBUQUERQUE]
    rows = []
    for n in range(250):
        for row in template:
            rows.append(
                {
                    **row,
                    "program_title": f"Health Sciences {n:03d}",
                    "course_code": f"TST{n:03d}-{row['position']}",
                    "course_title": f"{row['course_title']} {n:03d}",
                }
            )
    path = write_csv(tmp_path / "large.csv", rows)

    started = time.perf_counter()
    summary = import_file(path, StateAdminFactory())
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = import_file(path, StateAdminFactory())
    second = time.perf_counter() - started

    assert (summary.rows, len(summary.created), len(again.unchanged)) == (1000, 250, 250)
    print(f"\n1,000-row import: {first:.2f} s; re-import (no changes): {second:.2f} s")
    assert first < 60 and second < 30


def test_problems_are_listed_in_full_in_the_message(real_data):
    with pytest.raises(ImportValidationError) as error:
        parse_programs(FIXTURES / "partly_bad.csv")
    text = str(error.value)
    assert text.startswith("16 problem(s); nothing was loaded:")
    assert "partly_bad.csv, row 4, column 'district_nces_id'" in text


def test_an_upload_is_reported_under_its_own_name(tmp_path, real_data):
    copy = tmp_path / "upload.csv"
    copy.write_bytes((FIXTURES / "partly_bad.csv").read_bytes())
    with pytest.raises(ImportValidationError) as error:
        parse_programs(copy, file_name="Our programs.csv")
    assert {p.file for p in error.value.problems} == {"Our programs.csv"}


def test_csv_written_by_excel_with_a_byte_order_mark(tmp_path, real_data):
    text = io.StringIO()
    text.write("\ufeff")
    text.write(GOOD.read_text())
    path = tmp_path / "excel.csv"
    path.write_text(text.getvalue(), encoding="utf-8")

    assert len(parse_programs(path)) == 2
