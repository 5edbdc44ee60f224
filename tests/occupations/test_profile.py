"""The occupation profile page on the tiny labour market: figures, fallbacks, notices, CSV,
Spanish. Real New Mexico figures are checked in test_profile_mirror.py."""

import csv
import io

import pytest

from pathways.datasets.registry import get_source
from pathways.occupations.models import OnetOccupation, WageEstimate
from tests.html import element_text, table_rows, visible_text

pytestmark = pytest.mark.django_db
RN = "/occupations/29-1141/"


def page(client, url):  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_registered_nurses_show_the_statewide_median_from_oews(client, labour_market):
    html = page(client, RN)
    assert "Median wage in New Mexico $88,400 a year $42.50 an hour" in visible_text(html)
    assert html.count("<h1") == 1
    assert "<h1>Registered Nurses</h1>" in html


def test_profile_carries_onet_description_attribution_and_tasks(client, labour_market):
    words = visible_text(page(client, RN))
    assert get_source("onet").attribution in words
    assert "What the work involves Monitor and record the condition of patients." in words
    assert OnetOccupation.objects.get(code="29-1141.00").description in words


def test_wage_chart_is_inline_svg_beside_a_captioned_table(client, labour_market):
    html = page(client, RN)
    assert 'class="range-chart" aria-hidden="true"' in html
    assert "<svg" in html
    assert "<script" not in html.split('<main id="main"')[1]
    assert "<caption" in html.split('id="annual-wages"')[1].split("</table>")[0]
    assert table_rows(html, "annual-wages") == [
        ["Area", "Workers", "10th percentile", "25th percentile", "Median", "75th percentile",
         "90th percentile"],
        ["New Mexico", "17,500", "$54,800", "$70,720", "$88,400", "$107,840", "$128,180"],
        ["Albuquerque, NM", "9,100", "$56,740", "$73,210", "$91,520", "$111,650", "$132,700"],
        ["Eastern New Mexico nonmetropolitan area", "1,200", "$49,640", "$64,060", "$80,080",
         "$97,690", "$116,110"],
        ["United States", "3,300,000", "$58,030", "$74,880", "$93,600", "$114,190", "$135,720"],
    ]  # fmt: skip
    hourly = {row[0]: row[3] for row in table_rows(html, "hourly-wages")}
    assert hourly["New Mexico"] == "$42.50" and hourly["Albuquerque, NM"] == "$44"
    # Every area with an estimate has a row in the chart too.
    chart = html.split('class="range-chart"')[1].split('class="chart-axis"')[0]
    assert chart.count('class="range-row"') == 4


def test_figures_name_their_sources(client, labour_market):
    html = page(client, RN)
    for slug in ("oews", "bls_ep", "state_projections", "onet", "nces_cip", "advance_cte"):
        assert f"#source-{slug}" in html
    # Every section that shows figures ends with a source note (the programs of study
    # section lists this site's own approved programs, no figures; keep is print/share).
    for section in html.split("<section")[1:]:
        if 'id="pos-heading"' not in section and 'id="keep"' not in section:
            assert 'class="source-note"' in section
    assert "Source: Occupational Employment and Wage Statistics, May 2025" in visible_text(html)


def test_projections_national_and_the_state_estimate_labelled_as_such(client, labour_market):
    words = visible_text(page(client, RN))
    assert "National projection, 2024-34" in words
    assert "Employment, 2024 (thousands) 3,391.0" in words
    assert "Openings a year (thousands) 190.0" in words
    assert "New Mexico openings: an estimate" in words
    # 190.0 thousand x 17,500 / 3,300,000 = 1,007.6
    assert "About 1,008 openings a year (estimate)." in words
    assert "It is not an official projection for New Mexico." in words


def test_education_job_zone_interests_clusters_related_and_programs(client, labour_market):
    html = page(client, RN)
    words = visible_text(html)
    assert "Typical education for entry Bachelor's degree" in words
    assert "Job zone 3 of 5: Medium preparation needed" in words
    assert (
        "Bachelor's degree 61.5% Associate's degree 27.3% Postsecondary certificate 11.3% "
        "less reliable" in words
    )
    assert 'id="interests-caption"' in html
    assert "Social (S) 6.50 Yes, number 1" in words
    assert "Healthcare & Human Services › : Physical Health" in words
    assert "Health Science › : Therapeutic Services" in words
    assert (
        'href="/clusters/healthcare-human-services/healthcare-human-services--physical-health/"'
        in html
    )
    assert 'href="/occupations/29-1171/"' in html  # Nurse Practitioners, related
    assert "Related occupations Nurse Practitioners Source" in words  # not its own specialty
    assert "51.3801 Registered Nursing/Registered Nurse." in words
    assert "Critical Care Nurses (29-1141.03)" in words  # an O*NET specialty


def test_top_coded_wages_show_at_or_above_the_cap(client, labour_market):
    html = page(client, "/occupations/29-1212/")
    words = visible_text(html)
    assert "Median wage in New Mexico ≥ $239,200 a year ≥ $115.00 an hour" in words
    statewide = table_rows(html, "annual-wages")[1]
    assert statewide == ["New Mexico", "90", "$141,440", "$208,000", "≥ $239,200", "≥ $239,200",
                         "≥ $239,200"]  # fmt: skip
    assert "means BLS publishes the wage only as at or above" in words


def test_annual_only_occupation_shows_no_hourly_figure(client, labour_market):
    html = page(client, "/occupations/25-2031/")
    words = visible_text(html)
    assert "Median wage in New Mexico $64,480 a year" in words
    assert 'id="hourly-wages"' not in html
    assert "an hour" not in words
    assert "BLS publishes only annual wages for this occupation" in words


def test_hourly_only_occupation_shows_no_annual_figure(client, labour_market):
    html = page(client, "/occupations/27-2011/")
    words = visible_text(html)
    assert "Median wage in New Mexico $23.75 an hour Openings" in words
    assert 'id="annual-wages"' not in html
    assert "a year" not in element_text(html, tag="main").split("Openings")[0]
    assert "BLS publishes only hourly wages for this occupation" in words


def test_a_member_of_a_combined_code_shows_the_combined_figure_named(client, labour_market):
    words = visible_text(page(client, "/occupations/25-9042/"))
    assert "BLS publishes this occupation together with" in words
    assert "as 25-9045." in words
    assert "“Teaching Assistants, Special Education” (25-9043)" in words
    assert "Median wage in New Mexico $33,280 a year $16 an hour combined figure, 25-9045" in words


def test_occupation_without_onet_record_still_renders(client, labour_market):
    html = page(client, "/occupations/35-2014/")
    assert "O*NET has no profile for this occupation" in html
    assert "Cooks, Restaurant" in html
    assert "Median wage in New Mexico $32,240 a year" in visible_text(html)
    assert 'id="interests-caption"' not in html


@pytest.mark.parametrize(
    "url",
    [
        "/occupations/99-9999/",  # unknown
        "/occupations/29-0000/",  # a major group, not an occupation
        "/occupations/29-11411/",
        "/occupations/nurse/",
        "/occupations/29_1141/",
        "/occupations/%3Cscript%3E/",
        "/es/occupations/00-0000/",
    ],
)
def test_unknown_or_malformed_codes_are_404(client, labour_market, url):
    assert client.get(url).status_code == 404


def test_onet_code_redirects_to_its_occupation(client, labour_market):
    response = client.get("/occupations/29-1141.03/")
    assert response.status_code == 302
    assert response["Location"] == RN


def test_wage_table_downloads_as_csv(client, labour_market):
    response = client.get(RN + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="wages-29-1141.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["area_code"] for r in rows] == ["3500000", "0010740", "3500007", "0000000"]
    statewide = rows[0]
    assert (statewide["median_annual"], statewide["median_hourly"]) == ("88400", "42.50")
    assert statewide["source"] == get_source("oews").title
    assert statewide["vintage"] == get_source("oews").vintage


def test_top_coded_csv_cells_are_empty_and_named(client, labour_market):
    response = client.get("/occupations/29-1212/?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    statewide = next(r for r in rows if r["area_code"] == "3500000")
    assert statewide["median_annual"] == ""
    assert statewide["pct25_annual"] == "208000"
    assert "median_annual" in statewide["top_coded"].split()


def test_spanish_profile(client, labour_market):
    html = page(client, "/es/occupations/29-1141/")
    assert '<html lang="es">' in html
    words = visible_text(html)
    assert "Nuevo México" in words
    assert "Salario mediano en Nuevo México $88,400 al año $42.50 por hora" in words
    assert 'href="/es/occupations/29-1171/"' in html


def test_profile_query_count_is_bounded(client, labour_market, django_assert_max_num_queries):
    client.get(RN)  # warm: the site's own per-process caches
    with django_assert_max_num_queries(24):
        assert client.get(RN).status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get("/occupations/25-9042/").status_code == 200


def test_an_area_without_an_estimate_has_no_row(client, labour_market):
    WageEstimate.objects.filter(soc_code="29-1141", area_id="3500007").delete()
    areas = [row[0] for row in table_rows(page(client, RN), "annual-wages")[1:]]
    assert areas == ["New Mexico", "Albuquerque, NM", "United States"]


def test_spanish_profile_shows_the_projects_spanish_content(client, labour_market):
    html = client.get("/es/occupations/29-1141/").content.decode()
    assert "<h1>Enfermeros(as) registrados(as)</h1>" in html
    assert "traducción propia de este proyecto" in html and "CC BY 4.0" in html
    assert "Zona de trabajo" in html
    assert 'lang="en">Registered Nurses' not in html


def test_api_gives_the_spanish_title_and_description(client, labour_market):
    body = client.get("/api/v1/occupations/29-1141").json()
    assert body["title_es"] == "Enfermeros(as) registrados(as)"
    assert body["description_es"]
    schema = client.get("/api/v1/openapi.json").json()
    assert "title_es" in schema["components"]["schemas"]["OccupationDetailOut"]["properties"]


def csv_table(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_wage_csv_keeps_bls_column_names_on_english_pages(client, labour_market):
    header = csv_table(client, RN + "?format=csv")[0]
    assert header[:4] == ["soc_code", "wage_soc_code", "oews_title", "area_code"]
    assert "median_annual" in header
    assert header[-2:] == ["source", "vintage"]


def test_the_wage_csv_from_a_spanish_page_has_spanish_columns_and_source(client, labour_market):
    table = csv_table(client, "/es" + RN + "?format=csv")
    header = table[0]
    assert header[:4] == ["codigo_soc", "codigo_soc_del_salario", "titulo_oews", "codigo_del_area"]
    assert "salario_mediano_anual" in header
    assert header[-2:] == ["fuente", "edicion"]
    statewide = dict(zip(header, table[1], strict=True))
    assert statewide["fuente"].startswith("Estadísticas de Empleo y Salarios")
    assert statewide["edicion"] == "mayo de 2025"
