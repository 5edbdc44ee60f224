"""A cluster's page over the real data: real New Mexico figures, sorts and views across a
full cluster, the CSV against the page, and query bounds on a full load. The page's
behaviour on the tiny labour market is in test_cluster_page.py."""

import re
import statistics

import pytest

from pathways.geography.models import WorkforceRegion
from pathways.occupations.models import (
    OnetOccupation,
    StateProjectionEstimate,
    WageEstimate,
)
from pathways.occupations.tables import cluster_socs, occupation_rows
from tests.framework.cluster_pages import csv_rows, get, socs, table_rows
from tests.html import visible_text as text

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]

STATE = "3500000"
CLUSTER = "healthcare-human-services"
PAGE = f"/clusters/{CLUSTER}/"
PHYSICAL_HEALTH = "healthcare-human-services--physical-health"
NURSES = "29-1141"
CARDIOLOGISTS = "29-1212"  # top-coded statewide


def figure(cell: str) -> int | None:
    """The first number in a cell ("$94,340 ..." -> 94340), None for a dash."""
    match = re.search(r"[\d,]+", text(cell))
    return int(match.group().replace(",", "")) if match else None


def dollars(value: int) -> str:
    return f"${value:,}"


def test_a_known_occupation_shows_the_real_statewide_median_wage(client, real_data):
    row = next(r for r in table_rows(get(client, PAGE)) if r["soc"] == NURSES)
    estimate = WageEstimate.objects.get(area_id=STATE, soc_code=NURSES)
    assert estimate.median_annual
    assert dollars(estimate.median_annual) in row["wage"]
    assert f"${estimate.median_hourly} an hour" in text(row["wage"])
    state = StateProjectionEstimate.objects.get(soc_code=NURSES)
    assert figure(row["openings"]) == state.annual_openings
    assert "Registered Nurses" in row["title"]
    assert text(row["education"]) == "Bachelor's degree"


def test_sorting_orders_the_rows_as_asked(client, real_data):
    by_openings = table_rows(get(client, PAGE + "?sort=openings"))
    openings = [figure(r["openings"]) for r in by_openings]
    present = [o for o in openings if o is not None]
    assert present == sorted(present, reverse=True)
    assert openings[: len(present)] == present  # occupations without an estimate come last

    by_wage = table_rows(get(client, PAGE + "?sort=median_wage"))
    # Annual medians, largest first (a top-coded one ranks at the cap; hourly-only ones are
    # ranked at 2,080 hours and left out here).
    wages = [figure(r["wage"]) for r in by_wage if text(r["wage"]).startswith(("$", "≥"))]
    assert len(wages) > 50
    assert wages == sorted(wages, key=lambda w: w or 0, reverse=True)

    by_title = table_rows(get(client, PAGE + "?sort=title"))
    titles = [text(r["title"]) for r in by_title]
    assert titles == sorted(titles, key=str.casefold)

    by_growth = table_rows(get(client, PAGE + "?sort=growth"))
    growth = [float(text(r["growth"]).split("%")[0]) for r in by_growth if "%" in r["growth"]]
    assert growth == sorted(growth, reverse=True)

    orders = [[r["soc"] for r in rows] for rows in (by_openings, by_wage, by_title, by_growth)]
    assert len({tuple(order) for order in orders}) == 4


def median_openings() -> int:
    return round(
        statistics.median(StateProjectionEstimate.objects.values_list("annual_openings", flat=True))
    )


def state_median_wage() -> int:
    wage = WageEstimate.objects.get(area_id=STATE, soc_code="00-0000").median_annual
    assert wage is not None
    return wage


def test_high_demand_keeps_occupations_with_statewide_openings_at_or_above_the_median(
    client, real_data
):
    limit = median_openings()
    openings = dict(
        StateProjectionEstimate.objects.filter(soc_code__in=cluster_socs(CLUSTER)).values_list(
            "soc_code", "annual_openings"
        )
    )
    expected = {soc for soc, value in openings.items() if value >= limit}
    page = get(client, PAGE + "?view=high-demand")
    assert set(socs(page)) == expected
    assert 0 < len(expected) < len(cluster_socs(CLUSTER))
    assert f"At least {limit} estimated job openings a year statewide" in page
    # With a region, the statewide estimate still decides (the table shows area openings).
    assert set(socs(get(client, PAGE + "?view=high-demand&region=northern"))) == expected


def test_high_wage_keeps_occupations_paid_at_or_above_the_statewide_median(client, real_data):
    limit = state_median_wage()
    rows = occupation_rows(cluster_socs(CLUSTER))
    expected = {
        r.soc
        for r in rows
        if r.comparable_annual_wage is not None and r.comparable_annual_wage >= limit
    }
    page = get(client, PAGE + "?view=high-wage")
    assert set(socs(page)) == expected
    assert 0 < len(expected) < len(rows)
    assert CARDIOLOGISTS in expected  # top-coded counts at the cap
    assert f"A median wage of at least {dollars(limit)} a year" in page
    for row in table_rows(page):
        value = figure(row["wage"])
        assert value is None or value >= limit


def test_high_skill_keeps_job_zones_4_and_5(client, real_data):
    zones = dict(
        OnetOccupation.objects.filter(
            soc_code__in=cluster_socs(CLUSTER), code__endswith=".00"
        ).values_list("soc_code", "job_zone")
    )
    expected = {soc for soc, zone in zones.items() if zone in (4, 5)}
    page = get(client, PAGE + "?view=high-skill")
    assert set(socs(page)) == expected
    assert {text(r["job_zone"]) for r in table_rows(page)} <= {"4", "5"}
    assert "O*NET job zone 4 or 5" in page


def test_a_region_switches_wages_to_its_primary_oews_area(client, real_data):
    central = WorkforceRegion.objects.get(slug="central")
    area = central.primary_oews_area
    page = get(client, PAGE + "?region=central")
    assert f"Wages are for {area.name}" in page
    assert f"{area.name}</caption>" in page
    assert '<option value="central" selected>' in page
    row = next(r for r in table_rows(page) if r["soc"] == NURSES)
    local = WageEstimate.objects.get(area_id=area.code, soc_code=NURSES)
    statewide = WageEstimate.objects.get(area_id=STATE, soc_code=NURSES)
    assert local.median_annual and local.median_annual != statewide.median_annual
    assert dollars(local.median_annual) in row["wage"]
    assert "statewide figure" not in row["wage"]
    # Openings are scaled by the area's share of statewide employment.
    state_openings = StateProjectionEstimate.objects.get(soc_code=NURSES).annual_openings
    assert local.employment and statewide.employment
    expected = round(state_openings * local.employment / statewide.employment)
    assert abs((figure(row["openings"]) or 0) - expected) <= 1


def test_a_row_says_so_where_the_wage_falls_back_to_statewide(client, real_data):
    northern = WorkforceRegion.objects.get(slug="northern")
    area = northern.primary_oews_area
    page = get(client, PAGE + "?region=northern")
    notice = "statewide figure: this area has no estimate"
    fallbacks = [r for r in table_rows(page) if notice in r["wage"]]
    assert fallbacks
    local = set(
        WageEstimate.objects.filter(area_id=area.code, median_annual__isnull=False).values_list(
            "soc_code", flat=True
        )
    )
    for row in fallbacks:
        assert row["soc"] not in local
        statewide = WageEstimate.objects.get(area_id=STATE, soc_code=row["soc"])
        if statewide.median_annual:
            assert dollars(statewide.median_annual) in row["wage"]
    assert f"For {len(fallbacks)} occupations shown, the area has no wage estimate" in page


@pytest.mark.parametrize(
    "query",
    ["", "?sort=title", "?region=northern&view=high-wage&sort=median_wage", "?view=high-skill"],
)
def test_the_csv_has_exactly_the_rows_shown(client, real_data, query):
    page = get(client, PAGE + query)
    joiner = "&" if query else "?"
    rows = csv_rows(client, PAGE + query + joiner + "format=csv")
    assert [r["SOC code"] for r in rows] == socs(page)
    for shown, row in zip(table_rows(page), rows, strict=True):
        annual = row["Median annual wage (USD)"]
        if annual:
            assert text(shown["wage"]).startswith(dollars(int(annual)))
        else:
            assert text(shown["wage"]).startswith(("—", "≥"))
        openings = row["Annual openings (estimate)"]
        assert figure(shown["openings"]) == (int(openings) if openings else None)


@pytest.mark.parametrize(
    "url",
    [
        PAGE,
        PAGE + "?region=northern&view=high-demand&sort=median_wage",
        f"{PAGE}{PHYSICAL_HEALTH}/?region=central",
        "/clusters/health-science/",
        PAGE + "?format=csv",
    ],
)
def test_the_cluster_page_takes_a_bounded_number_of_queries(
    client, real_data, django_assert_max_num_queries, url
):
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200
