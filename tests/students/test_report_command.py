"""`pathways report perkins` and the CSV/XLSX exports: suppression marked, source present."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from pathways.students import exporting, reports
from pathways.students.models import RecordUpload
from pathways.students.scope import ReportScope
from tests.factories import ALAMOGORDO, ALBUQUERQUE, DistrictCoordinatorFactory
from tests.factories.geography import alamogordo, albuquerque
from tests.students.test_reports import YEAR, many, program

pytestmark = pytest.mark.django_db


@pytest.fixture
def records() -> None:
    """Albuquerque: 3 completers among 23 concentrators; Alamogordo: 20 completers."""
    welding = program()
    many("ABQ", 3, albuquerque(), welding, completer=True)
    many("ABQX", 20, albuquerque(), welding)
    many("ALA", 20, alamogordo(), welding, completer=True)
    for district in (albuquerque(), alamogordo()):
        RecordUpload.objects.create(
            kind=RecordUpload.Kind.COURSES,
            district=district,
            school_year=YEAR,
            file_name="courses.csv",
            sha256="0" * 64,
            rows=40,
        )


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("report", "perkins", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def find(rows: list[list[str]], *values: str) -> list[str]:
    return next(row for row in rows if all(value in row for value in values))


@pytest.mark.usefixtures("records")
def test_csv_has_both_tables_with_suppressed_counts_marked_and_the_source():
    rows = csv_rows(run("--year", str(YEAR), "--minimum", "10"))

    titles = [row[0] for row in rows if len(row) == 1]
    assert any(title.startswith("CTE participants, concentrators") for title in titles)
    assert any(title.startswith("Perkins V secondary indicators") for title in titles)
    albuquerque_row = find(rows, ALBUQUERQUE, "All students")
    assert albuquerque_row[-3:] == ["23", "23", "*"]
    assert any("counts from 1 to 9 are hidden" in title for title in titles)
    assert any(title.startswith("Source: Course completion records") for title in titles)


@pytest.mark.usefixtures("records")
def test_the_output_never_names_a_student():
    text = run("--year", str(YEAR), "--breakdown", "sex")
    assert "ABQ0" not in text and "ALA1" not in text


@pytest.mark.usefixtures("records")
def test_csv_can_hold_the_indicators_alone():
    rows = csv_rows(run("--year", str(YEAR), "--table", "indicators"))

    header = find(rows, "Indicator", "Numerator", "Denominator", "Rate")
    assert header[0] == "School year"
    nontraditional = find(rows, "4S1", ALAMOGORDO, "All students")
    assert nontraditional[7:10] == ["0", "20", "fewer than 5%"]
    graduation = find(rows, "1S1", ALAMOGORDO, "All students")
    assert graduation[-1].startswith("Needs graduation records")
    assert not any("CTE participants" in row[0] for row in rows if row)


@pytest.mark.usefixtures("records")
def test_xlsx_has_a_sheet_per_table_with_stars_and_notes(tmp_path: Path):
    output = tmp_path / "perkins.xlsx"
    run("--year", str(YEAR), "--format", "xlsx", "--output", str(output))

    workbook = load_workbook(output)
    assert workbook.sheetnames == ["CTE status", "Perkins V indicators"]
    status = [list(row) for row in workbook["CTE status"].iter_rows(values_only=True)]
    albuquerque_row = find(status, ALBUQUERQUE, "All students")
    assert albuquerque_row[-3:] == [23, 23, "*"]
    notes = [row[0] for row in status if row and isinstance(row[0], str)]
    assert any(note.startswith("* Suppressed") for note in notes)
    assert any(note.startswith("Source:") for note in notes)


@pytest.mark.usefixtures("records")
def test_a_coordinator_gets_their_own_district_only():
    coordinator = DistrictCoordinatorFactory()

    rows = csv_rows(run("--year", str(YEAR), "--user", coordinator.username, "--table", "status"))

    assert any(ALBUQUERQUE in row for row in rows)
    assert not any(ALAMOGORDO in row for row in rows)
    with pytest.raises(CommandError, match="own district"):
        run("--year", str(YEAR), "--user", coordinator.username, "--district", ALAMOGORDO)


def test_an_unknown_district_is_refused():
    with pytest.raises(CommandError, match="unknown school district"):
        run("--year", str(YEAR), "--district", "9999999")


@pytest.mark.usefixtures("records")
def test_the_latest_year_is_the_default():
    rows = csv_rows(run("--table", "status"))
    assert find(rows, ALBUQUERQUE, "All students")[0] == "2024-25"


@pytest.mark.usefixtures("records")
def test_write_csv_takes_a_status_report_alone_as_the_web_download_does():
    report = reports.status_report(YEAR, ReportScope(district_id=ALBUQUERQUE), minimum=10)
    text = io.StringIO()

    written = exporting.write_csv(report, text)

    rows = csv_rows(text.getvalue())
    assert written == len(report.rows) == 1
    assert find(rows, "Participants", "Concentrators", "Completers")[3] == "Group"
    assert not text.getvalue().startswith("\ufeff")  # the caller adds the byte-order mark
