"""End-to-end truths of the occupation profile over the real data: the New Mexico figures
BLS publishes. Page behaviour is tested on the tiny labour market in test_profile.py."""

import csv
import io
import re

import pytest

from pathways.datasets.registry import get_source
from pathways.occupations.models import OnetOccupation, WageEstimate
from tests.html import visible_text as text

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
RN = "/occupations/29-1141/"


def page(client, url):  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_registered_nurses_show_the_statewide_median_from_oews(client, real_data):
    html = page(client, RN)
    estimate = WageEstimate.objects.get(area_id="3500000", soc_code="29-1141")
    assert estimate.median_annual == 94340
    assert "$94,340" in html
    assert html.count("<h1") == 1
    assert "<h1>Registered Nurses</h1>" in html


def test_profile_carries_onet_description_attribution_and_tasks(client, real_data):
    html = page(client, RN)
    attribution = get_source("onet").attribution
    assert attribution in html.replace("&#x27;", "'").replace("&reg;", "®")
    assert "What the work involves" in html
    assert OnetOccupation.objects.get(code="29-1141.00").description[:60] in html


def test_wage_chart_is_inline_svg_beside_a_captioned_table(client, real_data):
    html = page(client, RN)
    assert 'class="range-chart" aria-hidden="true"' in html
    assert "<svg" in html
    assert "<script" not in html.split('<main id="main"')[1]
    wages = html.split('id="annual-wages"')[1].split("</table>")[0]
    assert "<caption" in wages
    assert '<th scope="col" class="num">Median</th>' in wages
    assert '<th scope="row">New Mexico</th>' in wages
    assert '<th scope="row">Albuquerque, NM</th>' in wages
    for figure in ("$94,340", "$45.36"):  # annual and hourly medians
        assert figure in html
    # Every area with an estimate has a row in the chart too.
    chart = html.split('class="range-chart"')[1].split('class="chart-axis"')[0]
    assert (
        chart.count('class="range-row"') == WageEstimate.objects.filter(soc_code="29-1141").count()
    )


def test_projections_national_and_the_state_estimate_labelled_as_such(client, real_data):
    words = text(page(client, RN))
    assert "National projection, 2024-34" in words
    assert "openings: an estimate" in words
    assert "About 1,006 openings a year (estimate)." in words
    assert "It is not an official projection for New Mexico." in words
    assert "189.1 thousand" in words


def test_education_job_zone_interests_clusters_related_and_programs(client, real_data):
    html = page(client, RN)
    words = text(html)
    assert "Typical education for entry Bachelor's degree" in words.replace("&#x27;", "'")
    assert "Job zone 3 of 5" in words or "Job zone 4 of 5" in words
    assert 'id="interests-caption"' in html
    assert "Social (S)" in words
    assert "Healthcare &amp; Human Services" in html
    assert (
        'href="/clusters/healthcare-human-services/healthcare-human-services--physical-health/"'
        in html
    )
    assert 'href="/occupations/29-1171/"' in html  # Nurse Practitioners, related
    assert "51.3801" in html and "Registered Nursing/Registered Nurse" in html
    assert "Critical Care Nurses" in html  # an O*NET specialty


def test_top_coded_wages_show_at_or_above_the_cap(client, real_data):
    estimate = WageEstimate.objects.get(area_id="3500000", soc_code="29-1212")
    assert estimate.median_annual is None and "median_annual" in estimate.top_coded
    html = page(client, "/occupations/29-1212/")
    assert "≥ $239,200" in html
    assert "means BLS publishes the wage only as at or above" in html


def test_annual_only_occupation_shows_no_hourly_figure(client, real_data):
    html = page(client, "/occupations/25-2031/")
    assert "$75,900" in html  # statewide median, a year
    assert 'id="hourly-wages"' not in html
    assert "an hour" not in text(html)
    assert not re.search(r"\$\d+\.\d\d\b", html)
    assert "BLS publishes only annual wages for this occupation" in html


def test_merged_oews_code_is_named(client, real_data):
    words = text(page(client, "/occupations/13-1021/"))
    assert "BLS publishes this occupation together with" in words
    assert "as 13-1020." in words
    assert "Purchasing Agents, Except Wholesale, Retail, and Farm Products" in words
    assert "$76,740" in words  # the merged code's statewide median


def test_wage_table_downloads_as_csv(client, real_data):
    response = client.get(RN + "?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="wages-29-1141.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    statewide = next(r for r in rows if r["area_code"] == "3500000")
    assert statewide["median_annual"] == "94340"
    assert statewide["median_hourly"] == "45.36"
    assert statewide["source"] == get_source("oews").title
    assert len(rows) == WageEstimate.objects.filter(soc_code="29-1141").count()


def test_top_coded_csv_cells_are_empty_and_named(client, real_data):
    response = client.get("/occupations/29-1212/?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    statewide = next(r for r in rows if r["area_code"] == "3500000")
    assert statewide["median_annual"] == ""
    assert "median_annual" in statewide["top_coded"].split()


def test_spanish_profile(client, real_data):
    html = page(client, "/es/occupations/29-1141/")
    assert '<html lang="es">' in html
    assert "Nuevo México" in html
    assert re.search(r"\$94\D340", html)  # grouped the Spanish way
    assert 'href="/es/occupations/29-1171/"' in html
