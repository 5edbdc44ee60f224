"""Chart geometry: whole-number coordinates, round axis steps, top-coded and missing wages."""

from decimal import Decimal

from pathways.occupations.charts import PLOT, interest_bars, nice_step, wage_ranges
from pathways.occupations.models import WageEstimate
from pathways.occupations.profile import Interest


def estimate(**values: object) -> WageEstimate:
    return WageEstimate(soc_code="00-0000", oews_title="", is_detailed=True, **values)


def test_nice_steps():
    assert nice_step(Decimal(34367)) == 40000
    assert nice_step(Decimal(30000)) == 30000
    assert nice_step(Decimal("7.1")) == Decimal("8")
    assert nice_step(Decimal("0.7")) == Decimal("0.8")
    assert nice_step(Decimal(0)) == 1


def test_ranges_scale_to_a_round_axis_with_integer_coordinates():
    rows = [
        (
            "A",
            estimate(
                pct10_annual=40000,
                pct25_annual=50000,
                median_annual=60000,
                pct75_annual=70000,
                pct90_annual=120000,
            ),
        ),
        (
            "B",
            estimate(
                pct10_annual=30000,
                pct25_annual=35000,
                median_annual=41000,
                pct75_annual=52000,
                pct90_annual=61000,
            ),
        ),
    ]
    chart = wage_ranges(rows)
    assert chart is not None and chart.unit == "annual"
    assert [t.value for t in chart.ticks] == [0, 30000, 60000, 90000, 120000]
    a = chart.rows[0]
    assert (a.low, a.q1, a.median, a.q3, a.high) == (333, 417, 500, 583, 1000)
    for row in chart.rows:
        for x in (row.low, row.q1, row.median, row.q3, row.high):
            assert isinstance(x, int) and 0 <= x <= PLOT
    assert a.box_width == 583 - 417 and a.open_from is None and not chart.capped


def test_top_coded_percentiles_draw_an_open_end_at_the_cap():
    top = ["pct90_annual", "pct90_hourly"]
    capped = estimate(
        pct10_annual=150000,
        pct25_annual=190000,
        median_annual=220000,
        pct75_annual=235000,
        top_coded=top,
    )
    every = estimate(top_coded=[c for c in WageEstimate.WAGE_COLUMNS])
    chart = wage_ranges([("capped", capped), ("all", every)])
    assert chart is not None and chart.capped
    first, second = chart.rows
    assert first.high is None and first.open_from is not None
    assert first.whisker_end == first.open_from
    assert second.median is None and second.low is None and second.open_from == first.open_from
    assert chart.ticks[-1].value > 239200  # room beyond the cap for the dashed line


def test_hourly_only_and_missing_wages():
    hourly = estimate(
        pct10_hourly=Decimal("15.10"),
        median_hourly=Decimal("22.50"),
        pct90_hourly=Decimal("48.00"),
        hourly_only=True,
    )
    chart = wage_ranges([("hourly", hourly), ("none", None)])
    assert chart is not None and chart.unit == "hourly" and chart.median_column == "median_hourly"
    assert chart.rows[1].median is None
    assert wage_ranges([("none", None), ("empty", estimate())]) is None


def test_interest_bars_on_the_one_to_seven_scale():
    interests = [
        Interest("R", Decimal("1.00"), None),
        Interest("I", Decimal("7.00"), 1),
        Interest("A", Decimal("4.00"), None),
        Interest("S", None, None),
        Interest("E", Decimal("2.50"), 2),
        Interest("C", Decimal("5.50"), 3),
    ]
    chart = interest_bars(interests)
    assert chart is not None
    assert [b.length for b in chart.bars] == [0, 1000, 500, 0, 250, 750]
    assert [t.value for t in chart.ticks] == [1, Decimal("2.5"), 4, Decimal("5.5"), 7]
    assert interest_bars([Interest(letter, None, None) for letter in "RIASEC"]) is None
