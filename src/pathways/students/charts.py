"""The status report's chart: for each row, up to three bars (participants, concentrators,
completers), geometry here and inline SVG in the template.

The table beside it carries the same figures and every suppressed cell, so suppressed counts
are simply not drawn. Coordinates are whole numbers, so a template never prints a localised
decimal separator inside SVG.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .report_tables import STATUSES

WIDTH = 360
VALUE_SPACE = 56  # room right of the longest bar for its value
LABEL_HEIGHT = 18  # a label line above each group of bars
BAR_HEIGHT = 10
BAR_GAP = 2
GROUP_GAP = 12
MAX_LABEL = 48  # characters; longer labels are shortened (the table has them whole)
MAX_GROUPS = 40  # a longer report is charted in part; the table has every row


@dataclass(frozen=True)
class Bar:
    measure: str  # one of STATUSES: the CSS class that colours it
    value: int
    y: int
    length: int  # at least 1 so a small value stays visible
    value_x: int
    value_y: int


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class GroupedBarChart:
    width: int
    height: int
    bar_height: int
    groups: list[Group]
    truncated: bool  # True when only the first MAX_GROUPS rows are drawn


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def grouped_bars(rows: Sequence[tuple[str, Sequence[int | None]]]) -> GroupedBarChart:
    """rows: (label, (participants, concentrators, completers)) with None for a suppressed
    count, which gets no bar. Every bar shares one scale: the largest count drawn."""
    shown = list(rows[:MAX_GROUPS])
    largest = max((v for _, values in shown for v in values if v is not None), default=0)
    room = WIDTH - VALUE_SPACE
    groups, top = [], 0
    for label, values in shown:
        bars, y = [], top + LABEL_HEIGHT
        for measure, value in zip(STATUSES, values, strict=True):
            if value is not None:
                length = max(1, round(room * value / largest)) if largest else 1
                bars.append(Bar(measure, value, y, length, length + 4, y + BAR_HEIGHT - 1))
            y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(_short(label), top + LABEL_HEIGHT - 5, bars))
        top = y + GROUP_GAP
    height = max(top - GROUP_GAP, 0)
    return GroupedBarChart(WIDTH, height, BAR_HEIGHT, groups, truncated=len(rows) > MAX_GROUPS)
