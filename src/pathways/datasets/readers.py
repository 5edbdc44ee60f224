"""Readers for the official file formats: delimited text (plain or gzipped) and workbooks.

Each yields `Row` objects that know their file row number, so a parser can convert
fields and record a precise problem for every bad value instead of stopping at the first.
"""

import csv
import gzip
import io
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from python_calamine import CalamineError, CalamineWorkbook

from .errors import ErrorLog

MISSING = {"", "n/a", "-", "—", "–"}


class Row:
    """One data row; the typed getters record problems in the log and return None."""

    def __init__(self, log: ErrorLog, number: int, values: dict[str, Any]):
        self.log = log
        self.number = number
        self.values = values

    def raw(self, column: str) -> str:
        value = self.values.get(column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def problem(self, column: str, message: str) -> None:
        self.log.add(self.number, column, message)

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.raw(column)
        if required and not value:
            self.problem(column, "is empty")
        return value

    def code(self, column: str, pattern: str, example: str) -> str | None:
        value = self.raw(column)
        if not re.fullmatch(pattern, value):
            self.problem(column, f"'{value}' is not a code like {example}")
            return None
        return value

    def decimal(self, column: str, *, required: bool = False) -> Decimal | None:
        value = self.raw(column).replace(",", "")
        if value in MISSING:
            if required:
                self.problem(column, "is empty")
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.problem(column, f"'{value}' is not a number")
            return None
        if not number.is_finite():
            self.problem(column, f"'{value}' is not a number")
            return None
        return number

    def integer(self, column: str, *, required: bool = False) -> int | None:
        number = self.decimal(column, required=required)
        if number is None:
            return None
        if number != number.to_integral_value():
            self.problem(column, f"'{self.raw(column)}' is not a whole number")
            return None
        return int(number)

    def choice(self, column: str, allowed: Iterable[str]) -> str | None:
        value = self.raw(column)
        allowed = list(allowed)
        if value not in allowed:
            self.problem(column, f"'{value}' is not one of {', '.join(allowed)}")
            return None
        return value


def _open_text(path: Path, encoding: str) -> io.TextIOWrapper:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding=encoding, newline="")
    return open(path, encoding=encoding, newline="")


def _check_header(log: ErrorLog, header: list[str], required: Iterable[str], row: int) -> bool:
    missing = [c for c in required if c not in header]
    for column in missing:
        log.add(row, column, "column is missing from the header")
    return not missing


def read_delimited(
    path: Path,
    log: ErrorLog,
    required: Iterable[str],
    *,
    delimiter: str = "\t",
    encoding: str = "utf-8",
) -> Iterator[Row]:
    """Rows of a delimited file with a header line; a row of the wrong width is a problem."""
    try:
        with _open_text(path, encoding) as handle:
            reader = csv.reader(handle, delimiter=delimiter, quoting=_quoting(delimiter))
            header = next(reader, None)
            if header is None:
                log.add(0, "", "the file is empty")
                return
            header = [h.strip().lstrip("\ufeff") for h in header]
            if not _check_header(log, header, required, 1):
                return
            for number, fields in enumerate(reader, start=2):
                if not any(f.strip() for f in fields):
                    continue
                if len(fields) != len(header):
                    log.add(
                        number,
                        "",
                        f"has {len(fields)} fields, the header has {len(header)}"
                        " (truncated or malformed line)",
                    )
                    continue
                yield Row(log, number, dict(zip(header, fields, strict=True)))
    except (UnicodeDecodeError, OSError, EOFError, csv.Error) as exc:
        log.add(0, "", f"cannot be read as {encoding} text: {exc}")


def _quoting(delimiter: str) -> Literal[0, 3]:
    # O*NET's tab files contain bare quote marks inside titles; they are not CSV-quoted.
    return csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL


def read_sheet(
    path: Path,
    log: ErrorLog,
    sheet: str,
    required: Iterable[str],
    *,
    header_row: int = 1,
) -> Iterator[Row]:
    """Rows below the header row of one worksheet (rows numbered as the spreadsheet shows)."""
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        if sheet not in workbook.sheet_names:
            log.add(
                0, "", f"has no sheet named '{sheet}' (sheets: {', '.join(workbook.sheet_names)})"
            )
            return
        rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError) as exc:
        log.add(0, "", f"cannot be read as a workbook: {exc}")
        return
    if len(rows) < header_row:
        log.add(0, "", f"sheet '{sheet}' has no header row {header_row}")
        return
    header = [str(h).strip() for h in rows[header_row - 1]]
    if not _check_header(log, header, required, header_row):
        return
    for number, cells in enumerate(rows[header_row:], start=header_row + 1):
        if not any(str(c).strip() for c in cells):
            continue
        yield Row(log, number, dict(zip(header, cells, strict=False)))
