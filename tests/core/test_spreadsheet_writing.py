"""The writers every export uses: text that a spreadsheet would run as a formula is written
as text, in CSV and in XLSX, and an import reads it back as it was."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from pathways.core.spreadsheets import (
    CsvWriter,
    XlsxWriter,
    csv_bytes,
    csv_response,
    escape_formula,
    unescape_formula,
    xlsx_bytes,
)

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
PLAIN = ["Welding", "", "A-1", "1 + 1", "'quoted", "*"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_text_gets_an_apostrophe_that_an_import_removes(text: str) -> None:
    assert escape_formula(text) == "'" + text
    assert unescape_formula(escape_formula(text)) == text


@pytest.mark.parametrize("value", [*PLAIN, 3, -3, Decimal("-1.5"), None])
def test_other_values_are_written_as_they_are(value: object) -> None:
    assert escape_formula(value) == value


def test_a_csv_never_starts_a_cell_with_a_formula() -> None:
    data = csv_bytes(["title"], [[text] for text in FORMULAS] + [[-3]])

    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[1:]] == ["'" + text for text in FORMULAS] + ["-3"]


def test_a_csv_writer_counts_its_rows_and_writes_none_as_blank() -> None:
    text = io.StringIO()
    writer = CsvWriter(text)
    writer.row(["a", None, "=b"])
    writer.row([])

    assert writer.rows == 2
    assert text.getvalue() == "a,,'=b\r\n\r\n"


def test_a_table_download_is_escaped_too() -> None:
    response = csv_response("table.csv", ["name"], [["=cmd|' /C calc'!A0"]])

    assert response["Content-Disposition"] == 'attachment; filename="table.csv"'
    assert "'=cmd" in response.content.decode("utf-8-sig")


def test_an_xlsx_holds_formula_like_text_as_text_never_as_a_formula() -> None:
    data = xlsx_bytes("Sheet", ["title", "count"], [[text, 1] for text in FORMULAS])

    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # (XML keeps a carriage return as a line feed; the apostrophe is what matters.)
    assert all(cell.value.startswith("'") for cell in cells) and len(cells) == len(FORMULAS)
    assert cells[0].value == "'=1+1" and cells[6].value == '\'=HYPERLINK("x")'
    assert {cell.data_type for cell in cells} == {"s"}  # "f" would be a formula
    values = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Sheet")
    assert values.to_python()[1] == ["'=1+1", 1]


def test_an_xlsx_writes_decimals_as_numbers_and_bolds_the_header() -> None:
    writer = XlsxWriter()
    writer.sheet("Numbers", widths=[20])
    writer.row(["credits"], bold=True)
    writer.row([Decimal("1.5")])

    sheet = load_workbook(io.BytesIO(writer.getvalue()))["Numbers"]
    assert sheet["A1"].font.b and sheet["A2"].value == 1.5
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["A"].width == 20
