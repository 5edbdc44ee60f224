"""Server-rendered charts for occupation pages: geometry here, inline SVG in templates.

Every chart repeats a table printed beside it, so it is hidden from assistive technology
and needs no JavaScript. Each row is a label in HTML (legible at any width) over a thin SVG
strip whose plot is PLOT units wide. Coordinates are whole numbers, so a template never
prints a localised decimal separator inside SVG.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pathways.occupations.models import WageEstimate
from pathways.occupations.profile import Interest
from pathways.occupations.wages import TOP_CODES

PLOT = 1000
QUARTERS = (0, 25, 50, 75, 100)  # tick positions, per cent across the plot
NICE_STEPS = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)
PERCENTILES = ("pct10", "pct25", "median", "pct75", "pct90")
INTEREST_MIN, INTEREST_MAX = 1, 7  # O*NET occupational interest ratings


@dataclass(frozen=True)
class Tick:
    position: int  # per cent across the plot: one of QUARTERS
    x: int
    value: Decimal


@dataclass(frozen=True)
class WageRange:
    """One row: whisker from the 10th to the 90th percentile, box over the middle half."""

    label: str
    estimate: WageEstimate | None
    low: int | None  # x of the 10th percentile
    q1: int | None
    median: int | None
    q3: int | None
    high: int | None  # x of the 90th percentile
    # x of the top code when BLS published some percentiles only as "at or above" it: the
    # template draws a dashed line from there to the edge of the plot.
    open_from: int | None

    @property
    def whisker_end(self) -> int | None:
        return self.high if self.high is not None else self.open_from

    @property
    def box_end(self) -> int | None:
        return self.q3 if self.q3 is not None else self.open_from

    @property
    def box_width(self) -> int:
        end = self.box_end
        return 0 if self.q1 is None or end is None else end - self.q1


@dataclass(frozen=True)
class RangeChart:
    unit: str  # "annual" or "hourly"
    rows: list[WageRange]
    ticks: list[Tick]

    @property
    def median_column(self) -> str:
        return f"median_{self.unit}"

    @property
    def capped(self) -> bool:
        """True when some row has percentiles above BLS's top code."""
        return any(row.open_from is not None for row in self.rows)

    @property
    def plot(self) -> int:
        return PLOT


def wage_unit(estimates: Sequence[WageEstimate | None]) -> str:
    """Annual where BLS publishes annual wages for any of the estimates, else hourly."""
    for estimate in estimates:
        if estimate is not None and any(
            getattr(estimate, f"{p}_annual") is not None or f"{p}_annual" in estimate.top_coded
            for p in PERCENTILES
        ):
            return "annual"
    return "hourly"


def wage_ranges(rows: Sequence[tuple[str, WageEstimate | None]]) -> RangeChart | None:
    """A range chart over (label, estimate) rows, in the order given; None if none has a wage."""
    unit = wage_unit([estimate for _, estimate in rows])
    values = [_percentiles(estimate, unit) for _, estimate in rows]
    published = [v for row in values for v in row if v is not None]
    capped = any(_top_coded(estimate, unit) for _, estimate in rows)
    if not published and not capped:
        return None
    highest = max([*published, TOP_CODES[unit] * Decimal("1.15") if capped else Decimal(0)])
    step = nice_step(highest / 4)
    axis_max = step * 4

    def x(value: Decimal | None) -> int | None:
        return None if value is None else round(PLOT * value / axis_max)

    chart_rows = []
    for (label, estimate), (p10, p25, median, p75, p90) in zip(rows, values, strict=True):
        cap = x(TOP_CODES[unit]) if _top_coded(estimate, unit) else None
        chart_rows.append(
            WageRange(label, estimate, x(p10), x(p25), x(median), x(p75), x(p90), cap)
        )
    ticks = [Tick(q, PLOT * q // 100, step * (q // 25)) for q in QUARTERS]
    return RangeChart(unit, chart_rows, ticks)


def _percentiles(estimate: WageEstimate | None, unit: str) -> list[Decimal | None]:
    if estimate is None:
        return [None] * len(PERCENTILES)
    values = (getattr(estimate, f"{p}_{unit}") for p in PERCENTILES)
    return [None if v is None else Decimal(v) for v in values]


def _top_coded(estimate: WageEstimate | None, unit: str) -> bool:
    return estimate is not None and any(f"{p}_{unit}" in estimate.top_coded for p in PERCENTILES)


def nice_step(rough: Decimal) -> Decimal:
    """The smallest round step (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 x 10^n) >= rough."""
    if rough <= 0:
        return Decimal(1)
    exponent = math.floor(math.log10(rough))
    scale = Decimal(10) ** exponent
    for step in NICE_STEPS:
        candidate = Decimal(str(step)) * scale
        if candidate >= rough:
            return candidate
    return Decimal(10) * scale


@dataclass(frozen=True)
class InterestBar:
    interest: Interest
    length: int  # from the left edge (a rating of 1) to the rating


@dataclass(frozen=True)
class InterestChart:
    bars: list[InterestBar]
    ticks: list[Tick]

    @property
    def plot(self) -> int:
        return PLOT


def interest_bars(interests: Sequence[Interest]) -> InterestChart | None:
    """Bars on O*NET's 1 to 7 scale; None when O*NET rates none of the six interests."""
    if all(i.score is None for i in interests):
        return None
    span = INTEREST_MAX - INTEREST_MIN
    bars = [
        InterestBar(i, round(PLOT * (i.score - INTEREST_MIN) / span) if i.score is not None else 0)
        for i in interests
    ]
    ticks = [Tick(q, PLOT * q // 100, INTEREST_MIN + Decimal(span) * q / 100) for q in QUARTERS]
    return InterestChart(bars, ticks)
