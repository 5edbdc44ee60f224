"""O*NET 30.1 Technology Skills -> OnetTechnology: the software and technology an
occupation's workers use, with O*NET's hot-technology and in-demand flags.

A second source over the same O*NET release, loaded after it: every row's occupation must
already be in Occupation Data (the [onet] source), and a problem names file, row and column.
"""

from collections.abc import Container
from pathlib import Path

from pathways.occupations.models import OnetOccupation, OnetTechnology

from .loading import replace_rows
from .onet import CODE_COLUMN, Files, known_code, whole_in
from .readers import Row

TECHNOLOGY = "Technology Skills.txt"
COLUMNS = [CODE_COLUMN, "Example", "Commodity Code", "Commodity Title", "Hot Technology"]
IN_DEMAND = "In Demand"  # added in O*NET 28.1; older files lack it
FLAGS = {"Y": True, "N": False}
# UNSPSC commodity codes are eight digits.
COMMODITY_LOW, COMMODITY_HIGH = 10_000_000, 99_999_999
MAX_TEXT = 200


def _fits(row: Row, column: str) -> bool:
    """The table's columns hold MAX_TEXT characters (the longest published name is 111)."""
    if len(row.raw(column)) > MAX_TEXT:
        row.problem(column, f"is {len(row.raw(column))} characters; the limit is {MAX_TEXT}")
        return False
    return True


def parse(paths: dict[str, Path], codes: Container[str]) -> list[OnetTechnology]:
    """Every row, checked against `codes` (the loaded O*NET-SOC codes); all problems are
    raised together."""
    files = Files(paths)
    found: dict[tuple[str, str], OnetTechnology] = {}
    for row in files.rows(TECHNOLOGY, COLUMNS):
        code = known_code(row, codes)
        example, title = row.text("Example"), row.text("Commodity Title")
        commodity = whole_in(row, "Commodity Code", COMMODITY_LOW, COMMODITY_HIGH)
        hot = row.choice("Hot Technology", FLAGS)
        demand = row.choice(IN_DEMAND, FLAGS) if IN_DEMAND in row.values else "N"
        fits = all(_fits(row, column) for column in ("Example", "Commodity Title"))
        if fits and code and example and title and commodity is not None and hot and demand:
            if (code, example) in found:
                row.problem("Example", f"'{example}' appears twice for {code}")
                continue
            found[(code, example)] = OnetTechnology(
                onet_code=code,
                example=example,
                commodity_code=commodity,
                commodity_title=title,
                hot=FLAGS[hot],
                in_demand=FLAGS[demand],
            )
    files.raise_if_any()
    return list(found.values())


def load(files: dict[str, Path]) -> dict[str, int]:
    codes = set(OnetOccupation.objects.values_list("code", flat=True))
    return {"Technologies by occupation": replace_rows(OnetTechnology, parse(files, codes))}
