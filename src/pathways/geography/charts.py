"""Server-rendered charts: geometry computed here, drawn as inline SVG by templates.

Charts repeat a table printed beside them, so they are decorative for assistive
technology (the SVG is aria-hidden) and need no JavaScript. All coordinates are whole
numbers, so the template never prints a localised decimal separator inside the SVG.
"""

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 360
VALUE_SPACE = 64  # room right of the longest bar for its value
LABEL_HEIGHT = 18  # a label line above each bar
BAR_HEIGHT = 16
ROW_GAP = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    label_y: int  # baseline of the label
    bar_y: int  # top of the bar
    length: int  # bar length; at least 1 so a small value stays visible
    value_x: int  # where the value is written, just after the bar
    value_y: int  # baseline of the value


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_height: int
    bars: list[Bar]


def horizontal_bars(items: Sequence[tuple[str, int]]) -> BarChart:
    """One bar per (label, value), longest = the largest value, in the order given."""
    largest = max((value for _, value in items), default=0)
    room = WIDTH - VALUE_SPACE
    row = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    bars = []
    for index, (label, value) in enumerate(items):
        top = index * row
        length = max(1, round(room * value / largest)) if largest else 1
        bars.append(
            Bar(
                label=label,
                value=value,
                label_y=top + LABEL_HEIGHT - 5,
                bar_y=top + LABEL_HEIGHT,
                length=length,
                value_x=length + 6,
                value_y=top + LABEL_HEIGHT + BAR_HEIGHT - 3,
            )
        )
    return BarChart(WIDTH, max(row * len(items) - ROW_GAP, 0), BAR_HEIGHT, bars)
