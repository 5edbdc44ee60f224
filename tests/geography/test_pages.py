"""Explore your area on the tiny labour market: region, county and school district pages,
their figures, CSV downloads and errors. Real New Mexico figures (full top-ten lists, all
fourteen clusters, real rents) are checked in test_pages_mirror.py."""

import csv
import io
import re
from itertools import pairwise

import pytest
from django.core.cache import cache

from pathways.geography.models import County, District, WorkforceRegion
from pathways.occupations.models import WageEstimate
from tests.geography.pages import (
    ALBUQUERQUE,
    CLUSTER_JOBS,
    NEW_MEXICO,
    QUERY_BOUNDS,
    get_page,
    money,
    table_starting,
    tables_of,
)

pytestmark = pytest.mark.django_db


def test_regions_page_lists_the_four_regions_with_their_counties_and_areas(client, labour_market):
    page = get_page(client, "/regions/")
    assert page.count("<h1>") == 1
    sections = page.split('<section class="region-summary"')[1:]
    assert len(sections) == 4
    for region, section in zip(
        WorkforceRegion.objects.prefetch_related("counties", "oews_areas"), sections, strict=True
    ):
        assert f'href="/regions/{region.slug}/">{region.name} region</a>' in section
        for county in region.counties.all():
            assert f'<a href="/counties/{county.fips}/">{county.name}</a>' in section
        for area in region.oews_areas.all():
            assert area.name in section
        flagged = "county list not yet confirmed by the state" in section
        assert flagged is not region.verified
    assert "do not line up" in page  # why regions name OEWS areas
    northern = tables_of(sections[2]).tables
    rows = next(iter(northern.values()))
    assert rows[1][0].startswith("Northern New Mexico nonmetropolitan area")  # primary first
    assert "primary: the region’s figures" in rows[1][0]
    assert "Santa Fe match not confirmed" not in rows[2][1] + rows[3][1]  # MSA matches confirmed
    assert "Taos match not confirmed" in rows[1][1]
    # Southwestern: six counties with no OEWS area, described by statewide figures.
    southwestern = next(iter(tables_of(sections[3]).tables.values()))
    assert southwestern[-1][0] == "No OEWS area: statewide figures"
    assert southwestern[-1][1] == "Catron Grant Hidalgo Luna Sierra Socorro"


def test_central_region_shows_albuquerque_msa_figures(client, labour_market):
    page = get_page(client, "/regions/central/")
    assert page.count("<h1>") == 1
    assert "the Central region’s primary OEWS area" in page
    assert "Openings are an estimate." in page
    parsed = tables_of(page)
    caption, rows = table_starting(parsed, "The 10 occupations with the highest median wage")
    assert caption.endswith(", Albuquerque, NM")
    # The six occupations with an Albuquerque estimate, ranked by the metro's median wage.
    assert rows[0] == ["Rank", "Occupation", "Annual openings (estimate)", "Median annual wage",
                       "Growth 2024–34 (U.S.)"]  # fmt: skip
    assert rows[1:3] == [
        ["1", "Nurse Practitioners", "103", "$133,120", "40.1%"],
        ["2", "Registered Nurses", "524", "$91,520", "5.2%"],
    ]
    assert len(rows) == 7
    assert parsed.links[caption][:2] == ["/occupations/29-1171/", "/occupations/29-1141/"]
    # The openings table is the area's, scaled from the state estimate.
    _, openings = table_starting(parsed, "The 10 occupations with the most estimated annual")
    assert [row[2] for row in openings[1:]] == ["714", "524", "492", "212", "103", "29"]
    # Cluster mix: chart (hidden from assistive technology) beside the table carrying the data.
    assert '<svg class="bar-chart" aria-hidden="true"' in page
    _, clusters = table_starting(parsed, "Jobs by 2024 career cluster, Albuquerque, NM")
    assert clusters == [
        ["Career cluster", "Jobs", "Share of all jobs"],
        ["Healthcare & Human Services", "10,100", "—"],  # 9,100 nurses and 1,000 NPs
        ["Education", "7,000", "—"],
        ["Hospitality, Events, & Tourism", "5,000", "—"],
        ["Construction", "2,100", "—"],
    ]
    assert '<a href="/districts/3500060/">Albuquerque Public Schools</a>' in page
    assert "Occupational Employment and Wage Statistics" in page  # the source is named


def test_a_region_page_can_show_another_of_its_areas(client, labour_market):
    page = get_page(client, "/regions/northern/?area=0042140")
    assert "These figures are for Santa Fe, NM, one of the Northern region’s OEWS areas." in page
    caption, _ = table_starting(tables_of(page), "The 10 occupations with the most estimated")
    assert caption.endswith("Santa Fe, NM")
    response = client.get("/regions/central/?area=0042140")
    assert response.status_code == 400
    assert "Unknown area" in response.content.decode()


def test_a_nonmetro_county_without_an_area_shows_the_statewide_notice(client, labour_market):
    grant = County.objects.get(fips="35017")
    assert grant.oews_area is None
    page = get_page(client, "/counties/35017/")
    assert "<h1>Grant County</h1>" in page
    assert "<strong>Statewide figures.</strong> BLS places every county in one of its" in page
    assert "includes Grant County (not confirmed)" in page
    assert "no OEWS area of its own" not in page  # BLS areas cover every county
    assert 'href="/regions/southwestern/">Southwestern region</a>' in page
    parsed = tables_of(page)
    caption, rows = table_starting(parsed, "The 10 occupations with the highest median wage")
    assert caption.endswith(", New Mexico")
    soc = parsed.links[caption][0].split("/")[-2]
    top = WageEstimate.objects.get(area_id=NEW_MEXICO, soc_code=soc)
    assert rows[1][3] in (money(top.median_annual or 0), "≥ $239,200")
    assert "Silver City Consolidated Schools" in page


def test_a_county_with_an_area_names_it(client, labour_market):
    page = get_page(client, "/counties/35001/")
    assert "These figures are for Albuquerque, NM, the OEWS area that includes Bernalillo" in page
    assert "Statewide figures." not in page
    chaves = get_page(client, "/counties/35005/")
    assert "Eastern New Mexico nonmetropolitan area" in chaves
    assert "not yet confirmed against BLS’s area definitions" in chaves


def test_county_page_shows_hud_fair_market_rents(client, labour_market):
    page = get_page(client, "/counties/35001/")
    caption, rows = table_starting(tables_of(page), "HUD Fair Market Rents, fiscal year")
    assert caption == "HUD Fair Market Rents, fiscal year 2026, Bernalillo County"
    assert [row[1] for row in rows[1:]] == ["$900", "$1,000", "$1,240", "$1,700", "$2,000"]
    assert rows[3] == ["2 bedrooms", "$1,240"]
    assert "Fair Market Rents by county, FY2026" in page  # source note


def test_district_page_shows_its_county_region_and_labour_market(client, labour_market):
    page = get_page(client, "/districts/3500060/")
    assert "<h1>Albuquerque Public Schools</h1>" in page
    assert '<a href="/counties/35001/">Bernalillo County</a>' in page
    assert '<a href="/regions/central/">Central region</a>' in page
    assert "3500060 (NCES Common Core of Data)" in page
    assert 'id="programs"' in page  # approved programs listed here (none in this test)
    assert "the OEWS area that includes Bernalillo County" in page
    caption, _ = table_starting(tables_of(page), "The 10 occupations with the most estimated")
    assert caption.endswith("Albuquerque, NM")


SIX_COUNTIES = ["35003", "35017", "35023", "35029", "35051", "35053"]  # Catron ... Socorro


def test_district_uses_its_countys_area_with_the_same_note(client, labour_market):
    district = get_page(client, "/districts/3500600/")  # Cobre, Grant County
    county = get_page(client, "/counties/35017/")
    note = (
        "the files used here do not say which of the state’s nonmetropolitan areas includes "
        "Grant County (not confirmed), so the figures are for New Mexico as a whole."
    )
    assert note in district and note in county
    assert "Las Cruces" not in district.split('id="labour-market"')[1].split("</p>")[0]


@pytest.mark.parametrize("fips", SIX_COUNTIES)
def test_the_six_counties_get_one_area_on_every_page_and_in_the_api(client, labour_market, fips):
    county = County.objects.get(fips=fips)
    areas = {get_page(client, f"/counties/{fips}/").count("includes " + county.name)}
    assert areas == {1}
    for district in District.objects.filter(county=county):
        answer = client.get(f"/api/v1/districts/{district.nces_id}").json()
        assert answer["oews_area"]["code"] == NEW_MEXICO
        assert (answer["area_basis"], answer["area_confirmed"]) == ("state", False)
        assert answer["labour_market"]["area"]["code"] == NEW_MEXICO
        page = get_page(client, f"/districts/{district.nces_id}/")
        assert f"includes {county.name} County (not confirmed)" in page
    household = {"place": fips, "adults": "1", "working": "1", "children": "0"}
    budget = client.get("/budget/results/", household)
    assert budget.status_code == 200
    assert f"includes {county.name} County (not confirmed)" in budget.content.decode()


def test_district_list_groups_all_districts_and_filters(client, labour_market):
    page = get_page(client, "/districts/")
    assert page.count('href="/districts/35') == District.objects.count() == 89
    assert '<label for="id_region">Workforce region</label>' in page
    assert '<label for="id_county">County</label>' in page
    central = get_page(client, "/districts/?region=central")
    expected = set(
        District.objects.filter(county__region_id="central").values_list("nces_id", flat=True)
    )
    assert set(re.findall(r'href="/districts/(\d{7})/"', central)) == expected
    assert f"Showing {len(expected)} of 89 school districts." in central
    grant = get_page(client, "/districts/?county=35017")
    assert set(re.findall(r'href="/districts/(\d{7})/"', grant)) == {"3500600", "3502430"}
    nothing = get_page(client, "/districts/?region=central&county=35017")
    assert "No school district matches this filter." in nothing
    bad = client.get("/districts/?region=atlantis")
    assert bad.status_code == 400
    assert "Select a valid choice" in bad.content.decode()


@pytest.mark.parametrize("table", ["openings", "wage", "growth"])
def test_occupation_csv_rows_equal_the_pages(client, labour_market, table):
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


def test_cluster_csv_rows_equal_the_pages(client, labour_market):
    page = get_page(client, "/counties/35017/")
    _, rows = table_starting(tables_of(page), "Jobs by 2024 career cluster")
    response = client.get("/counties/35017/?format=csv&table=clusters")
    records = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    shown = [
        [
            r["Career cluster (2024 framework)"],
            f"{int(r[CLUSTER_JOBS]):,}",
        ]
        for r in records
    ]
    assert shown == [row[:2] for row in rows[1:]]
    assert {r["OEWS area code"] for r in records} == {NEW_MEXICO}


def test_district_csv_downloads_its_labour_market(client, labour_market):
    response = client.get("/districts/3500600/?format=csv&table=openings")
    assert response.status_code == 200
    records = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    # Every occupation with a statewide openings estimate, as on Grant County's page.
    assert [(r["SOC code"], r["Estimated annual openings"]) for r in records[:3]] == [
        ("35-2014", "1400"),
        ("25-9045", "1095"),
        ("29-1141", "1008"),
    ]
    assert len(records) == 8
    assert {r["OEWS area"] for r in records} == {"New Mexico"}


@pytest.mark.parametrize("url", ["/regions/central/", "/counties/35001/", "/districts/3500060/"])
def test_an_unknown_table_is_a_bad_request_that_says_why(client, labour_market, url):
    response = client.get(url + "?format=csv&table=salaries")
    assert response.status_code == 400
    assert "Unknown table: choose openings, wage, growth or clusters." in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/regions/atlantis/", "/counties/99999/", "/counties/35/", "/districts/0000000/"]
)
def test_unknown_places_are_not_found(client, labour_market, url):
    assert client.get(url).status_code == 404


def test_spanish_pages(client, labour_market):
    page = get_page(client, "/es/regions/")
    assert '<html lang="es">' in page
    for region in WorkforceRegion.objects.all():
        assert f'href="/es/regions/{region.slug}/">' in page
        assert region.name_es in page
    assert "Norte" in page and "Suroeste" in page and "Este" in page
    county = get_page(client, "/es/counties/35017/")
    assert '<html lang="es">' in county
    assert 'href="/es/regions/southwestern/">' in county
    assert "Suroeste" in county
    districts = get_page(client, "/es/districts/")
    assert '<option value="northern">Norte</option>' in districts
    assert '<optgroup label="Suroeste">' in districts


@pytest.mark.parametrize(("url", "most"), QUERY_BOUNDS)
def test_pages_make_a_bounded_number_of_queries(
    client, labour_market, django_assert_max_num_queries, url, most
):
    cache.clear()  # the labour market is cached between loads: count the uncached page
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(7):  # cached: places and the cache key only
        assert client.get(url).status_code == 200


def test_pages_have_ordered_headings_and_captioned_tables(client, labour_market):
    urls = [
        "/regions/",
        "/regions/northern/",
        "/counties/35001/",
        "/districts/",
        "/districts/3500060/",
    ]
    for url in urls:
        page = get_page(client, url)
        levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
        assert levels[0] == 1 and levels.count(1) == 1, url
        assert all(b - a <= 1 for a, b in pairwise(levels)), url
        assert page.count("<table") == page.count("<caption"), url
        assert "<th>" not in page, url  # every header cell has a scope


def csv_header_and_rows(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_place_csvs_from_english_pages_have_english_columns(client, labour_market):
    openings = csv_header_and_rows(client, "/regions/central/?format=csv&table=openings")
    assert openings[0][:4] == ["Rank", "SOC code", "Occupation", "OEWS area code"]
    assert openings[0][-1] == "Sources"
    clusters = csv_header_and_rows(client, "/counties/35017/?format=csv&table=clusters")
    assert clusters[0][:3] == ["Rank", "Cluster code", "Career cluster (2024 framework)"]


def test_place_csvs_from_spanish_pages_have_spanish_columns_and_sources(client, labour_market):
    openings = csv_header_and_rows(client, "/es/regions/central/?format=csv&table=openings")
    assert openings[0][:4] == ["Puesto", "Código SOC", "Ocupación", "Código del área de OEWS"]
    assert openings[0][-1] == "Fuentes"
    assert openings[1][-1].startswith("Estadísticas de Empleo y Salarios")
    clusters = csv_header_and_rows(client, "/es/counties/35017/?format=csv&table=clusters")
    assert clusters[0][:3] == ["Puesto", "Código del grupo", "Grupo de carreras (marco de 2024)"]
    district = csv_header_and_rows(client, "/es/districts/3500600/?format=csv&table=wage")
    assert district[0][-1] == "Fuentes"
