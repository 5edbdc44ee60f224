"""Reading uploaded spreadsheets (.csv, .xlsx) within bounds, for every importer.

An XLSX file is a zip of XML: 2 KB of it can name a cell at XFD1048576 (a reader that
allocates the used range then needs 512 GiB) and 1.5 MB can hold 382 MB of XML. So before
anything reads a workbook, `check_archive` bounds the zip (members, declared uncompressed
size, compression ratio) and `_scan_sheets` streams every member's XML, as zipfile checks its
length and CRC, refusing cell references past the row and column bounds (the dimension tag is
not trusted). Only then does python-calamine load the sheet, whose used range is by then
bounded. CSV files are bounded in bytes, rows, columns and field size; both in time.
A refusal is `SpreadsheetRefused` with a message the uploader can act on.
"""

import csv
import io
import re
import string
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

XLSX_MAX_ROWS = 1_048_576  # the format's own limit
CHUNK = 4 << 20
TIME_CHECK_ROWS = 5_000


class SpreadsheetError(Exception):
    """A file that cannot be read as the spreadsheet it claims to be (`row` 0: the whole
    file)."""

    def __init__(self, message: str, row: int = 0):
        super().__init__(message)
        self.message = message
        self.row = row


class SpreadsheetRefused(SpreadsheetError):
    """A file beyond the bounds: too many rows, columns, bytes, or too long to read."""


@dataclass(frozen=True)
class Bounds:
    max_bytes: int = 256 << 20
    max_rows: int = 2_000_000
    max_columns: int = 40
    max_field_chars: int = 10_000
    max_members: int = 200
    max_uncompressed: int = 2 << 30
    max_ratio: int = 100  # uncompressed / compressed, for members over a mebibyte
    max_seconds: float = 600.0

    @classmethod
    def from_settings(cls) -> "Bounds":
        """The defaults, with any overrides in settings.PATHWAYS_SPREADSHEET_BOUNDS."""
        overrides = getattr(settings, "PATHWAYS_SPREADSHEET_BOUNDS", {})
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in overrides.items() if k in known})


class Reader:
    """Rows of one file as (row number, cells), the header first; `fraction` tells how far
    reading has come (0 to 1), for progress pages."""

    def __init__(self, path: Path, *, sheet: str | None = None, bounds: Bounds | None = None):
        self.path = path
        self.sheet = sheet
        self.bounds = bounds or Bounds.from_settings()
        self.suffix = path.suffix.lower()
        self.size = path.stat().st_size
        self.fraction = 0.0
        self.deadline = time.monotonic() + self.bounds.max_seconds

    def __iter__(self) -> Iterator[tuple[int, list[Any]]]:
        if self.size > self.bounds.max_bytes:
            raise SpreadsheetRefused(
                _("The file is %(size)s; files of at most %(limit)s can be read.")
                % {
                    "size": filesizeformat(self.size),
                    "limit": filesizeformat(self.bounds.max_bytes),
                }
            )
        if self.suffix == ".csv":
            yield from self._csv_rows()
        elif self.suffix == ".xlsx":
            yield from self._xlsx_rows()
        else:
            raise SpreadsheetError(_("is not a .csv or .xlsx file"))
        self.fraction = 1.0

    def _in_time(self, row: int) -> None:
        if time.monotonic() > self.deadline:
            raise SpreadsheetRefused(
                _(
                    "Reading the file took longer than %(seconds)d seconds (stopped at row "
                    "%(row)d); split it into smaller files."
                )
                % {"seconds": self.bounds.max_seconds, "row": row}
            )

    def _row_bounds(self, number: int, width: int, max_rows: int) -> None:
        if number > max_rows:
            raise SpreadsheetRefused(too_many_rows(max_rows), number)
        if width > self.bounds.max_columns:
            raise SpreadsheetRefused(too_many_columns(self.bounds.max_columns), number)
        if number % TIME_CHECK_ROWS == 0:
            self._in_time(number)

    # --- CSV ---

    def _csv_rows(self) -> Iterator[tuple[int, list[Any]]]:
        with open(self.path, "rb") as handle:
            start = handle.read(8192)
        if start.startswith(b"PK\x03\x04") or b"\x00" in start:
            raise SpreadsheetError(_("is not a CSV text file (save it as CSV UTF-8 or as .xlsx)"))
        number = 0
        limit = self.bounds.max_field_chars
        try:
            with (
                open(self.path, "rb") as raw,
                io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as handle,
            ):
                for number, cells in enumerate(csv.reader(handle), start=1):
                    self._row_bounds(number, len(cells), self.bounds.max_rows)
                    if any(len(cell) > limit for cell in cells):
                        raise SpreadsheetRefused(
                            _("has a field longer than %(limit)s characters")
                            % {"limit": f"{limit:,}"},
                            number,
                        )
                    if number % TIME_CHECK_ROWS == 0:
                        self.fraction = min(raw.tell() / (self.size or 1), 0.99)
                    yield number, cells
        except UnicodeDecodeError:
            # Text is decoded ahead of the rows read, so the row is only roughly known.
            raise SpreadsheetError(
                _("is not UTF-8 text (near row %(row)d; save the file as “CSV UTF-8”)")
                % {"row": number + 1}
            ) from None
        except csv.Error as exc:
            raise SpreadsheetError(
                _("is not a readable CSV row: %(error)s") % {"error": exc}, number + 1
            ) from None

    # --- XLSX ---

    def _xlsx_rows(self) -> Iterator[tuple[int, list[Any]]]:
        check_archive(self.path, self.bounds)
        max_rows = min(self.bounds.max_rows, XLSX_MAX_ROWS)
        _scan_sheets(self.path, self.bounds, max_rows, self.deadline)
        try:
            workbook = CalamineWorkbook.from_path(str(self.path))
            names = workbook.sheet_names
            if not names:
                raise SpreadsheetError(_("the workbook has no sheets"))
            chosen = self.sheet if self.sheet in names else names[0]
            sheet = workbook.get_sheet_by_name(chosen)
            height = max(sheet.height, 1)
            first = sheet.start[0] + 1 if sheet.start else 1
            rows = sheet.iter_rows()
        except (CalamineError, OSError, ValueError) as exc:
            raise SpreadsheetError(
                _("cannot be read as an XLSX workbook: %(error)s") % {"error": exc}
            ) from None
        for index, cells in enumerate(rows):
            number = first + index
            self._row_bounds(number, len(cells), max_rows)
            if index % TIME_CHECK_ROWS == 0:
                self.fraction = min(index / height, 0.99)
            yield number, cells


def too_many_rows(limit: int) -> str:
    return _("has more than %(limit)s rows; split it into smaller files") % {"limit": f"{limit:,}"}


def too_many_columns(limit: int) -> str:
    return _("has more than %(limit)d columns; the layout has far fewer") % {"limit": limit}


def check_archive(path: Path, bounds: Bounds) -> None:
    """Refuse an XLSX whose zip directory promises too much (cheap: reads no member)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SpreadsheetError(
            _("cannot be read as an XLSX workbook (it is not a valid zip file)")
        ) from None
    if len(members) > bounds.max_members:
        raise SpreadsheetRefused(
            _("is a workbook of %(count)s parts; at most %(limit)s are read")
            % {"count": f"{len(members):,}", "limit": f"{bounds.max_members:,}"}
        )
    total = sum(member.file_size for member in members)
    if total > bounds.max_uncompressed:
        raise SpreadsheetRefused(
            _("unpacks to %(size)s; at most %(limit)s are read (save fewer rows per file)")
            % {
                "size": filesizeformat(total),
                "limit": filesizeformat(bounds.max_uncompressed),
            }
        )
    for member in members:
        if member.file_size > 1 << 20 and member.file_size > bounds.max_ratio * max(
            member.compress_size, 1
        ):
            raise SpreadsheetRefused(
                _("is compressed more than %(ratio)d times, which no real spreadsheet is")
                % {"ratio": bounds.max_ratio}
            )


def _scan_sheets(path: Path, bounds: Bounds, max_rows: int, deadline: float) -> None:
    """Stream each member's XML (zipfile stops at the declared size and checks the CRC),
    refusing references past the bounds in worksheets; the reader may then load the sheet."""
    far = far_reference(max_rows, bounds.max_columns)
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                worksheet = member.filename.startswith("xl/worksheets/")
                with archive.open(member) as stream:
                    _scan_member(stream, far if worksheet else None, bounds, max_rows, deadline)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise SpreadsheetError(
            _("cannot be read as an XLSX workbook: %(error)s") % {"error": exc}
        ) from None


def _scan_member(
    stream: Any, far: re.Pattern[bytes] | None, bounds: Bounds, max_rows: int, deadline: float
) -> None:
    tail = b""
    while chunk := stream.read(CHUNK):
        if time.monotonic() > deadline:
            raise SpreadsheetRefused(
                _(
                    "Reading the file took longer than %(seconds)d seconds; split it into "
                    "smaller files."
                )
                % {"seconds": bounds.max_seconds}
            )
        if far is None:
            continue
        text = tail + chunk
        cut = text.rfind(b">") + 1
        text, tail = text[:cut], text[cut:]
        if far.search(text):
            raise SpreadsheetRefused(
                _(
                    "has cells beyond row %(rows)s or column %(columns)d; save only the rows "
                    "and columns of the layout"
                )
                % {"rows": f"{max_rows:,}", "columns": bounds.max_columns}
            )
        if _maybe_unreferenced(text):
            _check_unreferenced(text, bounds.max_columns)


def _maybe_unreferenced(text: bytes) -> bool:
    """Whether some cell may lack an r="B7" reference: counts that can only overestimate
    the cells and underestimate the referenced ones (the exact check is slower)."""
    cells = text.count(b"<c") + text.count(b":c")
    referenced = text.count(b'<c r="') + text.count(b"<col") + text.count(b"<cf")
    return cells > referenced


# Cell tags (with or without a namespace prefix) and the ends of rows.
CELL_TAG = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
ROW_END = re.compile(rb"</(?:[\w.-]+:)?row>|<(?:[\w.-]+:)?row[^>]*/>")


def _check_unreferenced(text: bytes, max_columns: int) -> None:
    """Cells without a reference take the next column: a row may not hold more of them than
    the column bound."""
    for row in ROW_END.split(text):
        if len(CELL_TAG.findall(row)) > max_columns:
            raise SpreadsheetRefused(too_many_columns(max_columns))


def far_reference(max_rows: int, max_columns: int) -> re.Pattern[bytes]:
    """A pattern for an r="..." attribute naming a row past `max_rows` or a column past
    `max_columns` (any spacing or quotes, leading zeros)."""
    rows = _greater_number(max_rows)
    columns = _greater_letters(column_letters(max_columns))
    # Starts with a literal "r" so the search skips ahead fast; lower-case letters are never
    # written by spreadsheet programs and a reader may misplace them, so they are refused.
    pattern = rf"""r\s*=\s*["']\s*(?:[A-Za-z]*0*(?:{rows})|[A-Z]*[a-z]|(?:{columns})[0-9])"""
    return re.compile(pattern.encode())


def column_letters(number: int) -> str:
    """1 → A, 26 → Z, 27 → AA (spreadsheet column names)."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


def _greater_number(limit: int) -> str:
    """A regex for a decimal number (no leading zeros) greater than `limit`: longer, or as
    long and larger at the first digit that differs. Longer numbers match on their prefix."""
    digits = str(limit)
    parts = [rf"[1-9][0-9]{{{len(digits)},}}"]
    for index, digit in enumerate(digits):
        if digit != "9":
            rest = len(digits) - index - 1
            parts.append(rf"{digits[:index]}[{int(digit) + 1}-9][0-9]{{{rest}}}")
    return "|".join(parts)


def _greater_letters(letters: str) -> str:
    """A regex for column letters after `letters` (more letters always come later)."""
    parts = [rf"[A-Z]{{{len(letters) + 1},}}"]
    for index, letter in enumerate(letters):
        if letter != "Z":
            rest = len(letters) - index - 1
            parts.append(rf"{letters[:index]}[{chr(ord(letter) + 1)}-Z][A-Z]{{{rest}}}")
    return "|".join(parts)


def cell_text(cell: Any) -> str:
    """A cell as stripped text: whole-number floats without ".0", booleans as true/false."""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if cell is None:
        return ""
    return str(cell).strip()


def header_names(cells: list[Any]) -> list[str]:
    """The header row's column names, stripped of spaces and of a byte-order mark."""
    return [str(cell).strip().lstrip("\ufeff") for cell in cells]


def fit_to_header(cells: list[Any], width: int, *, lenient: bool) -> bool:
    """Whether a row has the header's number of fields; `lenient` (workbooks, whose rows end
    at their last value) pads or trims a row whose extra or missing cells are blank."""
    if len(cells) == width:
        return True
    if not lenient or any(cells[width:]):
        return False
    del cells[width:]
    cells.extend([""] * (width - len(cells)))
    return True


def wrong_width(fields: int, width: int) -> str:
    return _("has %(fields)d fields, the header has %(width)d (truncated or malformed line)") % {
        "fields": fields,
        "width": width,
    }


def header_problems(header: list[str]) -> list[tuple[str, str]]:
    """(column, message) for each column name that appears twice in a header row."""
    seen: set[str] = set()
    problems = []
    for name in header:
        if name and name in seen:
            problems.append((name, _("appears twice in the header")))
        seen.add(name)
    return problems
