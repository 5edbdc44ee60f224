"""Explore your area over the real data: full top-ten lists, all fourteen clusters and real
HUD rents, CSVs against full pages, and query bounds on a full load. The pages' behaviour
on the tiny labour market is in test_pages.py."""

import csv
import io

import pytest
from django.core.cache import cache

from pathways.geography.models import FairMarketRent
from pathways.occupations.models import WageEstimate
from tests.geography.pages import (
    ALBUQUERQUE,
    QUERY_BOUNDS,
    get_page,
    money,
    table_starting,
    tables_of,
)

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_central_region_shows_albuquerque_msa_figures(client, real_data):
    page = get_page(client, "/regions/central/")
    assert page.count("<h1>") == 1
    assert "the Central region’s primary OEWS area" in page
    assert "Openings are an estimate." in page
    parsed = tables_of(page)
    caption, rows = table_starting(parsed, "The 10 occupations with the highest median wage")
    assert caption.endswith(", Albuquerque, NM")
    assert len(rows) == 11  # header and ten occupations
    socs = [link.split("/")[-2] for link in parsed.links[caption]]
    for soc, row in zip(socs, rows[1:], strict=True):
        estimate = WageEstimate.objects.get(area_id=ALBUQUERQUE, soc_code=soc)
        if estimate.median_annual is not None:
            assert row[3] == money(estimate.median_annual)
        else:
            assert row[3] == "≥ $239,200"
    # The openings table is the area's, scaled from the state estimate.
    _, openings = table_starting(parsed, "The 10 occupations with the most estimated annual")
    figures = [int(row[2].replace(",", "")) for row in openings[1:]]
    assert figures == sorted(figures, reverse=True)
    # Cluster mix: chart (hidden from assistive technology) beside the table carrying the data.
    assert '<svg class="bar-chart" aria-hidden="true"' in page
    _, clusters = table_starting(parsed, "Jobs by 2024 career cluster, Albuquerque, NM")
    assert clusters[0] == ["Career cluster", "Jobs", "Share of all jobs"]
    assert len(clusters) == 15  # header and 14 clusters
    assert '<a href="/districts/3500060/">Albuquerque Public Schools</a>' in page
    assert 'href="/occupations/' in page


def test_county_page_shows_hud_fair_market_rents(client, real_data):
    page = get_page(client, "/counties/35001/")
    caption, rows = table_starting(tables_of(page), "HUD Fair Market Rents, fiscal year")
    assert caption == "HUD Fair Market Rents, fiscal year 2026, Bernalillo County"
    expected = FairMarketRent.objects.filter(county_id="35001", fiscal_year=2026)
    assert [row[1] for row in rows[1:]] == [money(r.monthly_rent) for r in expected]
    assert rows[3] == ["2 bedrooms", "$1,464"]
    assert "Fair Market Rents by county, FY2026" in page  # source note


@pytest.mark.parametrize("table", ["openings", "wage", "growth"])
def test_occupation_csv_rows_equal_the_pages(client, real_data, table):
    page = get_page(client, "/regions/central/")
    prefix = {
        "openings": "The 10 occupations with the most",
        "wage": "The 10 occupations with the highest",
        "growth": "The 10 occupations with the fastest",
    }[table]
    parsed = tables_of(page)
    caption, rows = table_starting(parsed, prefix)
    response = client.get("/regions/central/?format=csv&table=" + table)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="region-central-{table}.csv"' in response["Content-Disposition"]
    records = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    socs = [link.split("/")[-2] for link in parsed.links[caption]]
    assert [r["SOC code"] for r in records] == socs
    assert [[r["Rank"], r["Occupation"]] for r in records] == [row[:2] for row in rows[1:]]
    for record, row in zip(records, rows[1:], strict=True):
        assert record["OEWS area code"] == ALBUQUERQUE
        openings = record["Estimated annual openings"]
        assert row[2] == (f"{int(openings):,}" if openings else "— no estimate")
        if record["Median annual wage"]:
            assert row[3] == money(int(record["Median annual wage"]))
        assert "Occupational Employment and Wage Statistics, May 2025" in record["Sources"]


def test_district_csv_downloads_its_labour_market(client, real_data):
    response = client.get("/districts/3500600/?format=csv&table=openings")
    assert response.status_code == 200
    records = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(records) == 10
    assert {r["OEWS area"] for r in records} == {"New Mexico"}  # as on Grant County's page


@pytest.mark.parametrize(("url", "most"), QUERY_BOUNDS)
def test_pages_make_a_bounded_number_of_queries(
    client, real_data, django_assert_max_num_queries, url, most
):
    cache.clear()  # the labour market is cached between loads: count the uncached page
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(7):  # cached: places and the cache key only
        assert client.get(url).status_code == 200
