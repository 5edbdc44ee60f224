"""BLS Employment Projections 2024-34, Table 1.2 of occupation.xlsx -> NationalProjection.

Employment, change and openings stay in thousands as BLS publishes them. BLS writes "—"
where a value is not available; that is stored as NULL (numbers) or "" (text).
"""

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from pathways.occupations.models import NationalProjection

from .errors import ErrorLog
from .loading import replace_rows
from .readers import MISSING, Row, read_sheet

FILE = "occupation.xlsx"
SHEET = "Table 1.2"
HEADER_ROW = 2  # row 1 is the table title
CODE = r"\d\d-\d{4}"
TENTH = Decimal("0.1")

TITLE = "2024 National Employment Matrix title"
SOC = "2024 National Employment Matrix code"
TYPE = "Occupation type"
EMPLOYMENT_2024 = "Employment, 2024"
EMPLOYMENT_2034 = "Employment, 2034"
CHANGE = "Employment change, numeric, 2024–34"
CHANGE_PERCENT = "Employment change, percent, 2024–34"
OPENINGS = "Occupational openings, 2024–34 annual average"
MEDIAN_WAGE = "Median annual wage, dollars, 2024[1]"
EDUCATION = "Typical education needed for entry"
EXPERIENCE = "Work experience in a related occupation"
TRAINING = "Typical on-the-job training needed to attain competency in the occupation"
REQUIRED = [TITLE, SOC, TYPE, EMPLOYMENT_2024, EMPLOYMENT_2034, CHANGE, CHANGE_PERCENT,
            OPENINGS, MEDIAN_WAGE, EDUCATION, EXPERIENCE, TRAINING]  # fmt: skip
TYPES = {"Summary": True, "Line item": False}
# BLS prints the OEWS top-coding bound instead of a median above it; no exact figure exists.
WAGE_CAP_PREFIX = ">="


def _is_note(row: Row) -> bool:
    """Footnote and source lines: text in the first column only."""
    return all(not row.raw(column) for column in row.values if column != TITLE)


def _tenths(row: Row, column: str) -> Decimal | None:
    value = row.decimal(column)
    # Workbook floats can carry binary noise (5211.799999...); BLS publishes one decimal.
    return None if value is None else value.quantize(TENTH)


def _label(row: Row, column: str) -> str:
    value = row.text(column, required=False)
    return "" if value in MISSING else value


def _median_wage(row: Row) -> int | None:
    if row.raw(MEDIAN_WAGE).startswith(WAGE_CAP_PREFIX):
        return None
    return row.integer(MEDIAN_WAGE)


def parse(path: Path) -> Iterator[NationalProjection]:
    log = ErrorLog.for_path(path)
    rows = list(read_sheet(path, log, SHEET, REQUIRED, header_row=HEADER_ROW))
    while rows and _is_note(rows[-1]):
        rows.pop()
    seen: set[str] = set()
    for row in rows:
        code = row.code(SOC, CODE, "29-1141")
        title = row.text(TITLE)
        summary = row.choice(TYPE, TYPES)
        if code in seen:
            row.problem(SOC, f"'{code}' appears twice")
        # Every column is read before deciding, so all of a row's problems are reported.
        figures = {
            "employment_2024": _tenths(row, EMPLOYMENT_2024),
            "employment_2034": _tenths(row, EMPLOYMENT_2034),
            "change_numeric": _tenths(row, CHANGE),
            "change_percent": _tenths(row, CHANGE_PERCENT),
            "annual_openings": _tenths(row, OPENINGS),
        }
        median_wage = _median_wage(row)
        if code is None or code in seen or not title or summary is None:
            continue
        seen.add(code)
        yield NationalProjection(
            soc_code=code,
            title=title,
            is_summary=TYPES[summary],
            median_wage_2024=median_wage,
            median_wage_top_coded=row.raw(MEDIAN_WAGE).startswith(WAGE_CAP_PREFIX),
            typical_education=_label(row, EDUCATION),
            work_experience=_label(row, EXPERIENCE),
            job_training=_label(row, TRAINING),
            **figures,
        )
    log.raise_if_any()


def load(files: dict[str, Path]) -> dict[str, int]:
    rows = list(parse(files[FILE]))
    return {"national projections": replace_rows(NationalProjection, rows)}
