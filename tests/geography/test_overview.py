"""Regional and district overviews on the tiny labour market: each section's figures, the
area they describe, the vintages behind them, Spanish, PDF and bad addresses. Figures are
the fixture's (tests/fixtures/labour_market.py), worked out in the comments."""

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from pathways.datasets.models import DataSource
from pathways.occupations.models import WageEstimate
from tests.factories.geography import ALBUQUERQUE_METRO, state_area
from tests.geography.pages import get_page, table_starting, tables_of

pytestmark = pytest.mark.django_db

CENTRAL = "/regions/central/overview/"
EASTERN = "/regions/eastern/overview/"
COBRE = "/districts/3500600/overview/"  # Grant County: no OEWS area known, statewide figures


def test_region_page_and_district_page_link_to_their_overviews(client, labour_market):
    assert f'href="{CENTRAL}"' in get_page(client, "/regions/central/")
    assert 'href="/districts/3500060/overview/"' in get_page(client, "/districts/3500060/")


def test_largest_occupations_are_ranked_by_jobs_in_the_regions_area(client, labour_market):
    page = get_page(client, CENTRAL)
    assert page.count("<h1>") == 1
    assert "<h1>Central region: overview</h1>" in page
    assert "These figures are for Albuquerque, NM, the Central region’s primary OEWS area." in page
    caption, rows = table_starting(tables_of(page), "The 10 occupations with the most jobs")
    assert caption.endswith(", Albuquerque, NM")
    assert rows == [
        ["Rank", "Occupation", "Jobs", "Annual openings (estimate)", "Median annual wage"],
        ["1", "Registered Nurses", "9,100", "524", "$91,520"],
        ["2", "Cooks, Restaurant", "5,000", "714", "$33,280"],
        ["3", "Teaching Assistants, Except Postsecondary", "4,000", "492", "$34,320"],
        ["4", "Secondary School Teachers, Except Special and Career/Technical Education",
         "3,000", "29", "$66,040"],
        ["5", "Electricians", "2,100", "212", "$60,320"],
        ["6", "Nurse Practitioners", "1,000", "103", "$133,120"],
    ]  # fmt: skip
    # The area's openings, each occupation once: 524 + 714 + 492 + 29 + 212 + 103.
    assert "<dt>Estimated annual openings</dt>\n  <dd>2,074</dd>" in page


def test_fastest_growing_occupations_need_100_jobs_in_the_area(client, labour_market):
    parsed = tables_of(get_page(client, COBRE))
    _, growth = table_starting(parsed, "The 10 occupations with the fastest projected growth")
    assert [(row[1], row[4]) for row in growth[1:4]] == [
        ("Nurse Practitioners", "40.1%"),
        ("Electricians", "9.0%"),
        ("Cooks, Restaurant", "6.8%"),
    ]
    _, largest = table_starting(parsed, "The 10 occupations with the most jobs")
    # Cardiologists (90 jobs statewide, 3.0%) are among the largest list's eight, not here.
    assert "Cardiologists" in [row[1] for row in largest]
    assert "Cardiologists" not in [row[1] for row in growth]
    assert len(growth) == 1 + 7


def test_openings_by_cluster_add_up_each_clusters_occupations(client, labour_market):
    page = get_page(client, CENTRAL)
    caption, rows = table_starting(tables_of(page), "Estimated annual openings by 2024 career")
    assert caption.endswith(", Albuquerque, NM")
    assert rows[1:] == [
        ["Hospitality, Events, & Tourism", "1", "714"],
        ["Healthcare & Human Services", "2", "627"],  # 524 nurses + 103 NPs
        ["Education", "2", "521"],  # 492 teaching assistants + 29 teachers
        ["Construction", "1", "212"],
    ]
    assert '<svg class="bar-chart" aria-hidden="true"' in page  # the chart repeats the table
    assert "National Career Clusters® Framework (2024) crosswalks" in page  # its source


def test_openings_by_cluster_in_the_legacy_framework(client, labour_market):
    page = get_page(client, CENTRAL + "?framework=legacy")
    _, rows = table_starting(tables_of(page), "Estimated annual openings by legacy career")
    assert rows[1:] == [
        ["Health Science", "2", "627"],
        ["Architecture & Construction", "1", "212"],
        # The legacy export places 25-9042, not the OEWS combined code 25-9045.
        ["Education & Training", "1", "29"],
    ]
    assert "Career Clusters (legacy 16 clusters) to O*NET-SOC occupations" in page


def test_wages_against_the_state_give_the_difference_and_the_ratio(client, labour_market):
    page = get_page(client, EASTERN)
    caption, rows = table_starting(tables_of(page), "Median wage, ")
    assert caption == "Median wage, Eastern New Mexico nonmetropolitan area against New Mexico"
    assert rows[1:] == [
        ["Registered Nurses", "$80,080", "$88,400", "−$8,320", "0.91"],  # 80,080 / 88,400
        ["Cooks, Restaurant", "$30,160", "$32,240", "−$2,080", "0.94"],
    ]


def test_wages_against_the_state_start_with_all_occupations(client, labour_market):
    WageEstimate.objects.create(
        area=state_area(ALBUQUERQUE_METRO),
        soc_code="00-0000",
        oews_title="All Occupations",
        is_detailed=False,
        employment=400000,
        median_annual=53040,
    )
    _, rows = table_starting(tables_of(get_page(client, CENTRAL)), "Median wage, ")
    # 53,040 against the state's 50,960: 2,080 more, 1.04 times.
    assert rows[1] == ["All occupations", "$53,040", "$50,960", "+$2,080", "1.04"]
    assert rows[2][0] == "Registered Nurses"


def test_a_district_overview_says_whose_figures_it_shows(client, labour_market):
    page = get_page(client, "/districts/3500060/overview/")
    assert "<h1>Albuquerque Public Schools: overview</h1>" in page
    assert "BLS publishes no wages or employment for school districts" in page
    assert "These figures are for Albuquerque, NM, the OEWS area that includes Bernalillo" in page
    assert "The district is in the Central workforce region." in page
    caption, _ = table_starting(tables_of(page), "The 10 occupations with the most jobs")
    assert caption.endswith(", Albuquerque, NM")


def test_a_district_with_statewide_figures_has_no_wage_comparison(client, labour_market):
    page = get_page(client, COBRE)
    assert "<strong>Statewide figures.</strong>" in page
    assert "includes Grant County (not confirmed)" in page
    parsed = tables_of(page)
    caption, rows = table_starting(parsed, "The 10 occupations with the most jobs")
    assert caption.endswith(", New Mexico")
    assert rows[7:] == [["7", "Actors", "400", "53", "$23.75 an hour"],
                        ["8", "Cardiologists", "90", "5", "≥ $239,200"]]  # fmt: skip
    assert "These are statewide figures, so there is no separate area to compare" in page
    assert not [c for c in parsed.tables if c.startswith("Median wage, ")]


def test_priority_clusters_say_plainly_they_are_not_loaded(client, labour_market):
    page = get_page(client, CENTRAL)
    assert "CTE priority clusters are not loaded in this site" in page
    assert "cannot say which clusters are this area’s priorities" in page


def test_what_changed_shows_the_loaded_vintages_and_no_invented_change(client, labour_market):
    DataSource.objects.create(
        slug="oews",
        title="OEWS",
        publisher="BLS",
        vintage="May 2025",
        licence="Public domain",
        origin="package",
        row_counts={"wage estimates": 2709},
        loaded_at=datetime(2026, 11, 30, 12, tzinfo=UTC),
    )
    page = get_page(client, CENTRAL)
    assert "No earlier vintage is loaded, so there is nothing to compare yet" in page
    _, rows = table_starting(tables_of(page), "Data vintages behind this overview")
    assert rows[0] == ["Source", "Vintage", "Loaded", "Rows"]
    assert rows[1] == [
        "Occupational Employment and Wage Statistics, May 2025",
        "May 2025",
        "Nov. 30, 2026",
        "2,709",
    ]
    assert rows[2] == ["Employment Projections 2024-34", "2024-34", "not loaded", "0"]


def test_every_section_names_its_source(client, labour_market):
    page = get_page(client, CENTRAL)
    sections = page.split('<section class="overview-section"')[1:4]
    assert len(sections) == 3
    for section in sections:
        assert '<p class="source-note">Source:' in section
        assert "Occupational Employment and Wage Statistics, May 2025" in section


def test_the_spanish_overview_translates_titles_clusters_and_places(client, labour_market):
    page = get_page(client, "/es" + CENTRAL)
    assert '<html lang="es">' in page
    assert "<h1>Región Central: resumen</h1>" in page
    parsed = tables_of(page)
    _, rows = table_starting(parsed, "Las 10 ocupaciones con más empleos")
    assert rows[1] == ["1", "Enfermeros(as) registrados(as)", "9,100", "524", "$91,520"]
    _, clusters = table_starting(parsed, "Vacantes anuales estimadas por grupo profesional")
    assert clusters[2] == ["Salud y Servicios Humanos", "2", "627"]
    caption, _ = table_starting(parsed, "Salario mediano, ")
    assert caption.endswith("frente a Nuevo México")
    assert "Wages against the state" not in page


def test_print_leaves_out_the_controls_and_keeps_the_tables(client, labour_market):
    page = get_page(client, CENTRAL)
    assert '<p class="no-print overview-actions">' in page
    assert '<button type="button" data-print hidden>Print this overview</button>' in page
    assert 'href="/regions/central/overview.pdf?"' in page


def _pdf_text(content: bytes, language: str = "en") -> str:
    reader = PdfReader(io.BytesIO(content))
    assert reader.trailer["/Root"]["/Lang"] == language  # tagged with the page's language
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    return " ".join(page.extract_text() for page in reader.pages)


def test_the_overview_pdf_has_the_pages_figures(client, labour_market):
    response = client.get("/regions/eastern/overview.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response.content).split())
    assert "Eastern region: overview" in text
    assert "Registered Nurses $80,080 $88,400 −$8,320 0.91" in text
    assert "No earlier vintage is loaded" in text


def test_the_spanish_district_pdf_is_in_spanish(client, labour_market):
    response = client.get("/es/districts/3500060/overview.pdf?framework=legacy")
    assert response.status_code == 200
    text = " ".join(_pdf_text(response.content, "es").split())
    assert "Albuquerque Public Schools: resumen" in text
    assert "Ciencias de la Salud" in text  # the legacy cluster's Spanish name
    assert "Qué cambió desde la edición anterior de los datos" in text


@pytest.mark.parametrize(
    "url",
    [
        "/regions/atlantis/overview/",
        "/regions/atlantis/overview.pdf",
        "/districts/9999999/overview/",
        "/districts/9999999/overview.pdf",
        "/es/regions/atlantis/overview/",
    ],
)
def test_an_unknown_region_or_district_is_not_found(client, labour_market, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (CENTRAL + "?framework=2019", "Unknown framework"),
        (CENTRAL + "?area=0042140", "Unknown area"),  # Santa Fe is not a Central area
        (CENTRAL + "?area=" + "9" * 50, "Unknown area"),
        (COBRE + "?framework=2019", "Unknown framework"),
        ("/regions/central/overview.pdf?framework=x", "Unknown framework"),
    ],
)
def test_a_bad_choice_is_a_bad_request_with_a_message(client, labour_market, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_an_overview_takes_a_fixed_number_of_queries(
    client, labour_market, django_assert_max_num_queries
):
    # The labour market, the overview and the vintages: no query per occupation or cluster.
    with django_assert_max_num_queries(36):
        client.get("/regions/central/overview/")
    with django_assert_max_num_queries(6):
        client.get("/districts/3500060/overview/")  # the same area: its overview is cached


def test_a_region_overview_can_show_another_of_its_areas(client, labour_market):
    page = get_page(client, "/regions/northern/overview/?area=0042140")
    assert "These figures are for Santa Fe, NM, one of the Northern region’s OEWS areas." in page
    assert '<a href="?area=0042140" aria-current="true"><strong>Santa Fe, NM</strong>' in page
    assert 'Northern New Mexico nonmetropolitan area</a> <span class="tag tag-primary">' in page
    caption, _ = table_starting(tables_of(page), "The 10 occupations with the most jobs")
    assert caption.endswith(", Santa Fe, NM")


def test_a_top_coded_median_is_shown_as_the_cap_and_not_compared(client, labour_market):
    WageEstimate.objects.create(
        area=state_area("3500007"),  # Eastern New Mexico nonmetropolitan area
        soc_code="29-1212",
        oews_title="Cardiologists",
        is_detailed=True,
        employment=2000,
        top_coded=["median_annual", "median_hourly"],
    )
    _, rows = table_starting(tables_of(get_page(client, EASTERN)), "Median wage, ")
    assert rows[1] == ["Cardiologists", "≥ $239,200", "≥ $239,200", "—", "—"]
