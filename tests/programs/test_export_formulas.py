"""Exports of programs of study and of student reports never hand a spreadsheet a formula:
text typed into the editor that starts like one is written as text, in CSV and XLSX."""

import csv
import io

import pytest
from openpyxl import load_workbook

from pathways.programs.transfer.exporting import ExportFilters, export_bytes, programs_for_export
from pathways.students import exporting
from pathways.students.indicators import IndicatorRow
from pathways.students.report_tables import Cell
from pathways.students.suppression import Rate
from tests.factories.programs import ProgramOfStudyFactory

pytestmark = pytest.mark.django_db
TITLE = '=HYPERLINK("http://example.com","Click")'


def test_a_program_title_like_a_formula_is_text_in_the_csv_export() -> None:
    ProgramOfStudyFactory(title=TITLE)

    data = export_bytes(programs_for_export(None, ExportFilters()), "csv")

    (row,) = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    assert row["program_title"] == "'" + TITLE


def test_a_program_title_like_a_formula_is_text_in_the_xlsx_export() -> None:
    ProgramOfStudyFactory(title=TITLE)

    data = export_bytes(programs_for_export(None, ExportFilters()), "xlsx")

    cell = load_workbook(io.BytesIO(data))["Programs"]["B2"]
    assert cell.value == "'" + TITLE and cell.data_type == "s"


def indicator_row(label: str) -> IndicatorRow:
    """A report row grouped by program: its label is a title typed into the editor."""
    return IndicatorRow(
        code="2S1",
        name="Test indicator",
        group_by="program",
        group_key="1",
        group_label=label,
        breakdown="all",
        subgroup="all",
        subgroup_label="All students",
        numerator=Cell(12, False, None),
        denominator=Cell(20, False, None),
        rate=Rate(60.0, "60%", False),
        available=True,
        note="",
    )


def test_a_program_title_like_a_formula_is_text_in_a_csv_report() -> None:
    data, rows = exporting.file_bytes([indicator_row(TITLE)], "csv")

    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == 1
    assert lines[2][5:10] == ["'" + TITLE, "All students", "12", "20", "60%"]


def test_a_program_title_like_a_formula_is_text_in_an_xlsx_report() -> None:
    data, _rows = exporting.file_bytes([indicator_row(TITLE)], "xlsx")

    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    cell = sheet["F3"]
    assert cell.value == "'" + TITLE and cell.data_type == "s"
    assert sheet["H3"].value == 12  # counts stay numbers
