"""Writing CSV and XLSX files that are safe to open: every export goes through here.

A spreadsheet program runs a cell that begins with = + - @ (and, in some, a tab or a
carriage return) as a formula, so a program title like `=HYPERLINK(...)` typed into the
editor could run on the computer of whoever opens the export. Such text gets an apostrophe
in front (`escape_formula`), which spreadsheets show as text and importers remove again
(`unescape_formula`). XLSX text cells are also written as strings, never as formulas.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, BinaryIO, TextIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .reading import column_letters

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"  # so spreadsheet programs read a CSV as UTF-8 (accents in names)


def escape_formula(value: Any) -> Any:
    """Text a spreadsheet would run as a formula, with an apostrophe before it."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def unescape_formula(text: str) -> str:
    """An imported cell without the apostrophe an export put before formula-like text."""
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_START:
        return text[1:]
    return text


class CsvWriter:
    """csv.writer with CRLF line ends whose rows are escaped; `rows` counts them."""

    def __init__(self, out: TextIO, *, byte_order_mark: bool = False) -> None:
        if byte_order_mark:
            out.write(BYTE_ORDER_MARK)
        self._writer = csv.writer(out, lineterminator="\r\n")
        self.rows = 0

    def row(self, values: Iterable[Any]) -> None:
        self._writer.writerow(["" if value is None else escape_formula(value) for value in values])
        self.rows += 1


class XlsxWriter:
    """A write-only workbook: `sheet` starts a sheet, `row` appends to it (text as escaped
    strings, decimals as numbers), `save` writes the file."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        self.bold = Font(bold=True)
        self._sheet: Any = None

    def sheet(self, title: str, *, frozen_rows: int = 1, widths: Sequence[int | None] = ()) -> None:
        """A new sheet whose first `frozen_rows` rows stay in view; `widths` by column."""
        self._sheet = self.workbook.create_sheet(title[:31])  # the format's limit
        if frozen_rows:
            self._sheet.freeze_panes = f"A{frozen_rows + 1}"
        for number, width in enumerate(widths, start=1):
            if width:
                self._sheet.column_dimensions[column_letters(number)].width = width

    def row(self, values: Iterable[Any], *, bold: bool = False) -> None:
        self._sheet.append([self._cell(value, bold) for value in values])

    def _cell(self, value: Any, bold: bool) -> WriteOnlyCell:
        if isinstance(value, Decimal):
            value = float(value)
        cell = WriteOnlyCell(self._sheet, value=escape_formula(value))
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula
        if bold:
            cell.font = self.bold
        return cell

    def save(self, out: BinaryIO) -> None:
        self.workbook.save(out)

    def getvalue(self) -> bytes:
        binary = io.BytesIO()
        self.save(binary)
        return binary.getvalue()


def csv_bytes(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """A whole CSV file (byte-order mark, header, rows), escaped."""
    text = io.StringIO()
    writer = CsvWriter(text, byte_order_mark=True)
    writer.row(header)
    for row in rows:
        writer.row(row)
    return text.getvalue().encode("utf-8")


def xlsx_bytes(title: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> bytes:
    """A whole workbook of one sheet (bold, frozen header, rows), escaped."""
    writer = XlsxWriter()
    writer.sheet(title)
    writer.row(header, bold=True)
    for row in rows:
        writer.row(row)
    return writer.getvalue()


def file_response(data: bytes, fmt: str, file_name: str) -> HttpResponse:
    """A download of a CSV or XLSX file made by the writers above."""
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def csv_response(
    file_name: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """The CSV download of a table a page shows: the same rows, escaped."""
    return file_response(csv_bytes(header, rows), "csv", file_name)


def wants_csv(request: Any) -> bool:
    return bool(request.GET.get("format") == "csv")
