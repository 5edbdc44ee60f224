"""A cluster's page on the tiny labour market: the occupation table, its sort, views, region
filter and CSV download. Real New Mexico figures and a full cluster are checked in
test_cluster_page_mirror.py."""

import csv
import io
import re

import pytest

from tests.framework.cluster_pages import csv_rows, get, socs, table_rows
from tests.html import visible_text as text

pytestmark = pytest.mark.django_db

STATE = "3500000"
CLUSTER = "healthcare-human-services"
PAGE = f"/clusters/{CLUSTER}/"
PHYSICAL_HEALTH = "healthcare-human-services--physical-health"
NURSES = "29-1141"
PRACTITIONERS = "29-1171"
CARDIOLOGISTS = "29-1212"  # top-coded statewide


def row_of(page: str, soc: str) -> dict[str, str]:
    return {k: text(v) for k, v in next(r for r in table_rows(page) if r["soc"] == soc).items()}


# --- The table ---------------------------------------------------------------------------


def test_the_table_shows_every_occupation_of_the_cluster(client, labour_market):
    page = get(client, PAGE)
    assert socs(page) == [NURSES, PRACTITIONERS, CARDIOLOGISTS]
    assert page.count("<h1") == 1
    assert '<caption id="occupations-caption">' in page
    assert page.count('<th scope="col"') == 7
    assert '<div class="table-scroll" role="region"' in page


def test_a_row_shows_the_fixtures_statewide_figures(client, labour_market):
    nurses = row_of(get(client, PAGE), NURSES)
    assert nurses["wage"] == "$88,400 $42.50 an hour"
    # 190.0 thousand national openings x 17,500 / 3,300,000 workers
    assert nurses["openings"] == "1,008"
    assert nurses["growth"] == "5.2% Bright outlook (derived)"
    assert nurses["title"] == "Registered Nurses"
    assert nurses["education"] == "Bachelor's degree"
    assert nurses["job_zone"] == "3"


def test_a_top_coded_wage_shows_as_at_or_above_the_cap(client, labour_market):
    assert row_of(get(client, PAGE), CARDIOLOGISTS)["wage"] == "≥ $239,200 ≥ $115.00 an hour"


def test_titles_link_to_the_occupation_profile_in_the_page_language(client, labour_market):
    row = next(r for r in table_rows(get(client, PAGE)) if r["soc"] == NURSES)
    assert '<a href="/occupations/29-1141/">Registered Nurses</a>' in row["title"]
    row = next(r for r in table_rows(get(client, "/es" + PAGE)) if r["soc"] == NURSES)
    assert '<a href="/es/occupations/29-1141/">Enfermeros(as) registrados(as)</a>' in row["title"]


def test_every_figure_names_its_source_and_openings_are_an_estimate(client, labour_market):
    page = get(client, PAGE)
    for slug in ("oews", "bls_ep", "state_projections", "onet", "advance_cte"):
        assert f'href="/data/#source-{slug}"' in page
    assert "Annual openings are an ESTIMATE" in page
    assert '<span class="col-note">estimate</span>' in page


def test_a_subcluster_page_shows_only_its_occupations(client, labour_market):
    from tests.factories.framework import SubClusterFactory, SubClusterOccupationFactory

    other = SubClusterFactory(code=f"{CLUSTER}--mental-health", cluster_id=CLUSTER)
    SubClusterOccupationFactory(subcluster=other, soc_code="35-2014")
    assert "35-2014" in socs(get(client, PAGE))
    page = get(client, f"{PAGE}{PHYSICAL_HEALTH}/")
    assert socs(page) == [NURSES, PRACTITIONERS, CARDIOLOGISTS]
    assert "<h1>Physical Health</h1>" in page
    assert '<strong aria-current="page">Physical Health</strong>' in page
    assert f'<option value="{PHYSICAL_HEALTH}" selected>' in page


def test_a_legacy_cluster_page_lists_pathways_and_its_2024_clusters(client, labour_market):
    page = get(client, "/clusters/health-science/")
    assert '<h2 id="parts-heading">Pathways</h2>' in page
    assert "In the 2024 framework" in page
    assert 'href="/clusters/healthcare-human-services/"' in page
    assert socs(page) == [NURSES, PRACTITIONERS, CARDIOLOGISTS]


# --- Sorting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("openings", [NURSES, PRACTITIONERS, CARDIOLOGISTS]),  # 1,008, 196, 5
        ("median_wage", [CARDIOLOGISTS, PRACTITIONERS, NURSES]),  # top-coded ranks at the cap
        ("title", [CARDIOLOGISTS, PRACTITIONERS, NURSES]),
        ("growth", [PRACTITIONERS, NURSES, CARDIOLOGISTS]),  # 40.1%, 5.2%, 3.0%
    ],
)
def test_sorting_orders_the_rows_as_asked(client, labour_market, sort, order):
    assert socs(get(client, f"{PAGE}?sort={sort}")) == order


def test_an_occupation_without_an_openings_estimate_sorts_last(client, labour_market):
    page = get(client, PAGE + "?region=eastern&sort=openings")
    # Eastern New Mexico has estimates for Registered Nurses only.
    assert socs(page)[0] == NURSES
    assert [row_of(page, soc)["openings"] for soc in socs(page)] == [
        "69",
        "— no estimate",
        "— no estimate",
    ]


def test_the_sorted_column_says_so_and_sort_links_keep_the_filters(client, labour_market):
    page = get(client, PAGE + "?region=central&view=high-wage&sort=growth")
    assert page.count("aria-sort=") == 1
    assert re.search(
        r'<th scope="col" class="num" aria-sort="descending">\s*<a href="[^"]*sort=growth', page
    )
    assert 'href="?region=central&amp;view=high-wage&amp;sort=title"' in page
    title_sorted = get(client, PAGE + "?sort=title")
    assert '<th scope="col" aria-sort="ascending">' in title_sorted


def test_the_default_sort_is_by_openings(client, labour_market):
    assert socs(get(client, PAGE)) == socs(get(client, PAGE + "?sort=openings"))


# --- One-click views ---------------------------------------------------------------------


def test_high_demand_keeps_occupations_with_statewide_openings_at_or_above_the_median(
    client, labour_market
):
    page = get(client, PAGE + "?view=high-demand")
    # The median of the eight occupations' state estimates is 310; only nurses reach it.
    assert socs(page) == [NURSES]
    assert "At least 310 estimated job openings a year statewide" in page
    # With a region, the statewide estimate still decides (the table shows area openings).
    assert socs(get(client, PAGE + "?view=high-demand&region=northern")) == [NURSES]


def test_high_wage_keeps_occupations_paid_at_or_above_the_statewide_median(client, labour_market):
    page = get(client, "/clusters/education/?view=high-wage")
    # $64,480 teachers pass the all-occupations median of $50,960; $33,280 assistants don't.
    assert socs(page) == ["25-2031"]
    assert "A median wage of at least $50,960 a year" in page
    # A top-coded wage counts at the cap.
    assert CARDIOLOGISTS in socs(get(client, PAGE + "?view=high-wage"))


def test_high_skill_keeps_job_zones_4_and_5(client, labour_market):
    page = get(client, PAGE + "?view=high-skill")
    assert socs(page) == [PRACTITIONERS, CARDIOLOGISTS]  # nurses are job zone 3
    assert "O*NET job zone 4 or 5" in page


def test_view_links_mark_the_current_view(client, labour_market):
    page = get(client, PAGE + "?view=high-skill&sort=title")
    assert '<a href="?view=high-skill&amp;sort=title" aria-current="page">High skill</a>' in page
    assert '<a href="?sort=title">All occupations</a>' in page


# --- Region ------------------------------------------------------------------------------


def test_a_region_switches_wages_to_its_primary_oews_area(client, labour_market):
    page = get(client, PAGE + "?region=central")
    assert "Wages are for Albuquerque, NM" in page
    assert "Albuquerque, NM</caption>" in page
    assert '<option value="central" selected>' in page
    nurses = row_of(page, NURSES)
    assert nurses["wage"] == "$91,520 $44 an hour"
    # 1,008 statewide openings x 9,100 / 17,500 Albuquerque's share of employment
    assert nurses["openings"] == "524"


def test_a_row_says_so_where_the_wage_falls_back_to_statewide(client, labour_market):
    page = get(client, PAGE + "?region=eastern")
    notice = "statewide figure: this area has no estimate"
    assert row_of(page, NURSES)["wage"] == "$80,080 $38.50 an hour"
    assert row_of(page, PRACTITIONERS)["wage"] == f"$131,040 $63 an hour {notice}"
    assert notice in row_of(page, CARDIOLOGISTS)["wage"]
    assert "For 2 occupations shown, the area has no wage estimate" in page


def test_the_spanish_page_names_the_region_in_spanish(client, labour_market):
    response = client.get(f"/es{PAGE}?region=northern")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in page
    assert '<option value="northern" selected>Norte</option>' in page


# --- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["", "?sort=title", "?region=eastern&view=high-wage&sort=median_wage"]
)
def test_the_csv_has_exactly_the_rows_shown(client, labour_market, query):
    page = get(client, PAGE + query)
    joiner = "&" if query else "?"
    rows = csv_rows(client, PAGE + query + joiner + "format=csv")
    assert [r["SOC code"] for r in rows] == socs(page)


def test_the_csv_names_area_and_sources(client, labour_market):
    response = client.get(PAGE + "?region=eastern&format=csv")
    assert 'filename="healthcare-human-services-eastern.csv"' in response["Content-Disposition"]
    rows = {r["SOC code"]: r for r in csv_rows(client, PAGE + "?region=eastern&format=csv")}
    nurses = rows[NURSES]
    assert (nurses["Wage area code"], nurses["Median annual wage (USD)"]) == ("3500007", "80080")
    assert nurses["Annual openings (estimate)"] == "69"
    assert nurses["Wage source"] == "Occupational Employment and Wage Statistics, May 2025"
    assert nurses["Openings source"].startswith("State annual openings estimate")
    assert nurses["Growth and education source"] == "Employment Projections 2024-34"
    fallback = rows[PRACTITIONERS]
    assert (fallback["Wage area code"], fallback["Median annual wage (USD)"]) == (STATE, "131040")
    assert (
        fallback["Wage notes"]
        == "statewide figure: Eastern New Mexico nonmetropolitan area has no estimate"
    )
    cardiologists = rows[CARDIOLOGISTS]
    assert cardiologists["Median annual wage (USD)"] == ""
    assert "at or above $239,200" in cardiologists["Wage notes"]


# --- Bad addresses and the filter form ---------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/clusters/nope/", f"/clusters/construction/{PHYSICAL_HEALTH}/", f"{PAGE}nope/"],
)
def test_unknown_clusters_and_subclusters_are_not_found(client, labour_market, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?sort=salary", "“salary” is not a sort order"),
        ("?view=cheap", "“cheap” is not a view"),
        ("?region=atlantis", "“atlantis” is not a workforce region"),
        ("?subcluster=nope", "“nope” is not a part of"),
        ("?sort=salary&format=csv", "“salary” is not a sort order"),
    ],
)
def test_bad_query_values_are_a_bad_request_with_a_message(client, labour_market, query, message):
    response = client.get(PAGE + query)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'<a href="{PAGE}">Show this page without filters</a>' in page


def test_the_filter_form_takes_a_chosen_subcluster_to_its_page(client, labour_market):
    response = client.get(
        PAGE, {"region": "central", "subcluster": PHYSICAL_HEALTH, "view": "", "sort": "title"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}{PHYSICAL_HEALTH}/?region=central&sort=title"
    back = client.get(PAGE, {"region": "", "subcluster": "", "sort": "openings"})
    assert back["Location"] == f"{PAGE}?sort=openings"


def test_the_filter_form_is_labelled_and_works_without_javascript(client, labour_market):
    page = get(client, PAGE)
    assert f'<form class="table-filters" method="get" action="{PAGE}">' in page
    for control in ("filter-region", "filter-subcluster"):
        assert f'<label for="{control}">' in page and f'id="{control}"' in page
    assert "hx-" not in page.split('<main id="main"')[1]


def first_csv_row(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_from_an_english_page_has_english_columns(client, labour_market):
    header = first_csv_row(client, PAGE + "?format=csv")
    assert header[:4] == ["SOC code", "Occupation", "Wage area code", "Wage area"]
    assert header[-1] == "Job zone source"


def test_the_csv_from_a_spanish_page_has_spanish_columns_and_sources(client, labour_market):
    header = first_csv_row(client, "/es" + PAGE + "?format=csv")
    assert header[:4] == ["Código SOC", "Ocupación", "Código del área salarial", "Área salarial"]
    assert header[-1] == "Fuente de la zona de trabajo"
    rows = {r["Código SOC"]: r for r in csv_rows(client, "/es" + PAGE + "?format=csv")}
    assert rows[NURSES]["Fuente del salario"].startswith("Estadísticas de Empleo y Salarios")
