"""NCES CIP 2020 codes (CSV) -> CipCode, and the NCES-BLS CIP-SOC crosswalk -> CipSocLink."""

from collections.abc import Iterator
from pathlib import Path

from pathways.occupations.models import CipCode, CipSocLink

from .errors import ErrorLog
from .loading import replace_rows
from .readers import Row, read_delimited, read_sheet

CODES_FILE = "CIPCode2020.csv"
CROSSWALK_FILE = "CIP2020_SOC2018_Crosswalk.xlsx"
CROSSWALK_SHEET = "CIP-SOC"
# The 2020 file is plain ASCII; NCES exports it from Excel on Windows, so cp1252 is the
# encoding a revision with typographic dashes or quotes would use.
ENCODING = "cp1252"
# NCES marks the old home of a relocated code "Moved from" (its definition reads "Moved
# from 51.2401 to 01.8001") and the new home "Moved to"; old homes and deletions are gone.
INACTIVE = {"Moved from", "Deleted"}
ACTIONS = ["No substantive changes", "New", "Moved from", "Moved to", "Deleted"]
CODE = r"\d\d(\.\d\d(\d\d)?)?"  # series "14", group "14.35", program "14.3501"
PROGRAM = r"\d\d\.\d{4}"
SOC = r"\d\d-\d{4}"
NO_MATCH_CIP, NO_MATCH_SOC = "99.9999", "99-9999"


def unformula(value: str) -> str:
    """NCES writes codes as Excel formulas (="01.0100") so Excel keeps the zeros."""
    value = value.strip()
    if value.startswith("="):
        value = value[1:].strip()
    return value.strip('"')


def parse_codes(path: Path) -> Iterator[CipCode]:
    log = ErrorLog.for_path(path)
    seen: set[str] = set()
    columns = ["CIPFamily", "CIPCode", "Action", "CIPTitle"]
    for row in read_delimited(path, log, columns, delimiter=",", encoding=ENCODING):
        action = row.choice("Action", ACTIONS)  # a new spelling must not slip in as active
        if action is None or action in INACTIVE:
            continue
        for column in ("CIPFamily", "CIPCode"):
            row.values[column] = unformula(row.raw(column))
        code = row.code("CIPCode", CODE, "14.3501")
        title = row.text("CIPTitle")
        if code and row.raw("CIPFamily") != code[:2]:
            row.problem("CIPFamily", f"'{row.raw('CIPFamily')}' is not the family of {code}")
            continue
        if code in seen:
            row.problem("CIPCode", f"'{code}' appears twice")
        if code is None or not title or code in seen:
            continue
        seen.add(code)
        yield CipCode(
            code=code,
            # Every NCES title ends in a full stop; drop it so titles read as names.
            title=title.removesuffix("."),
            definition=row.text("CIPDefinition", required=False),
            family=code[:2],
        )
    log.raise_if_any()


def cip_program_code(row: Row, column: str) -> str | None:
    """A workbook reader or an Excel re-save may turn "01.0100" into the number 1.01;
    program codes always have 2 + 4 digits, so the number can be written back."""
    value = row.values.get(column)
    if isinstance(value, int | float) and not isinstance(value, bool):
        row.values[column] = f"{value:07.4f}"
    return row.code(column, PROGRAM, "14.3501")


def parse_crosswalk(path: Path, active_codes: set[str]) -> Iterator[CipSocLink]:
    log = ErrorLog.for_path(path)
    seen: set[tuple[str, str]] = set()
    columns = ["CIP2020Code", "SOC2018Code"]
    for row in read_sheet(path, log, CROSSWALK_SHEET, columns):
        cip = cip_program_code(row, "CIP2020Code")
        soc = row.code("SOC2018Code", SOC, "29-1141")
        if cip is None or soc is None or cip == NO_MATCH_CIP or soc == NO_MATCH_SOC:
            continue
        if cip not in active_codes:
            row.problem("CIP2020Code", f"'{cip}' is not an active code in {CODES_FILE}")
            continue
        if (cip, soc) not in seen:  # a pair listed twice is still one link
            seen.add((cip, soc))
            yield CipSocLink(cip_code=cip, soc_code=soc)
    log.raise_if_any()


def load(files: dict[str, Path]) -> dict[str, int]:
    codes = list(parse_codes(files[CODES_FILE]))
    links = list(parse_crosswalk(files[CROSSWALK_FILE], {c.code for c in codes}))
    return {
        "CIP codes": replace_rows(CipCode, codes),
        "CIP-SOC links": replace_rows(CipSocLink, links),
    }
