"""BLS 2018 SOC definitions workbook -> SocCode (major, minor, broad, detailed)."""

from collections.abc import Iterator
from pathlib import Path

from pathways.occupations.models import SocCode

from .errors import ErrorLog
from .loading import replace_rows
from .readers import read_sheet

FILE = "soc_2018_definitions.xlsx"
SHEET = "2018 SOC"
HEADER_ROW = 4  # three BLS title rows come first
LEVELS = {"Major": "major", "Minor": "minor", "Broad": "broad", "Detailed": "detailed"}
CODE = r"\d\d-\d{4}"


def parent_code(code: str, level: str) -> str:
    """The SOC hierarchy is in the code: major xx-0000, minor xx-x000, broad xx-xxx0."""
    if level == "major":
        return ""
    if level == "minor":
        return code[:3] + "0000"
    if level == "broad":
        return code[:4] + "000"
    return code[:6] + "0"


def parse(path: Path) -> Iterator[SocCode]:
    log = ErrorLog.for_path(path)
    seen: set[str] = set()
    for row in read_sheet(
        path, log, SHEET, ["SOC Group", "SOC Code", "SOC Title"], header_row=HEADER_ROW
    ):
        group = row.choice("SOC Group", LEVELS)
        code = row.code("SOC Code", CODE, "29-1141")
        title = row.text("SOC Title")
        if code in seen:
            row.problem("SOC Code", f"'{code}' appears twice")
        if group is None or code is None or not title or code in seen:
            continue
        seen.add(code)
        level = LEVELS[group]
        yield SocCode(
            code=code,
            level=level,
            title=title,
            definition=row.text("SOC Definition", required=False),
            parent_code=parent_code(code, level),
        )
    log.raise_if_any()


def load(files: dict[str, Path]) -> dict[str, int]:
    rows = list(parse(files[FILE]))
    return {"SOC codes": replace_rows(SocCode, rows)}
