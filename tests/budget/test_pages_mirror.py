"""The /budget/ pages over the real data: real HUD rents in the defaults and totals, a
region's twelve counties, a real gap and the full careers list. The pages' behaviour on
the tiny labour market is in test_pages.py."""

import pytest

from tests.budget.pages import careers_table
from tests.html import visible_text as text

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
BERNALILLO = {"place": "35001", "adults": "1", "working": "1", "children": "1", "child_care": "650"}


def test_the_form_shows_each_default_with_its_source(client, real_data):
    page = text(client.get("/budget/", BERNALILLO))
    assert "Default: $1,464 a month." in page
    assert "HUD Fair Market Rents, FY2026" in page
    assert "Thrifty Food Plan, September 2025" in page
    assert "No default: enter what you want to spend a month on fun." in page
    # 1,464 + 551.21 + 509.33 (older car) + 570.83 + 650 + 53.38 (phone) = 3,798.75,
    # saving 5% more: 3,988.69
    assert "Your monthly total $3,989" in page


def test_the_running_total_fragment_updates_defaults_out_of_band(client, real_data):
    response = client.get("/budget/total/", {**BERNALILLO, "bedrooms": "3"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    # (2,036 + 551.21 + 509.33 + 570.83 + 650 + 53.38) x 1.05
    assert 'id="monthly-total">$4,589<' in html
    assert 'id="default-housing" hx-swap-oob="true"' in html
    assert "Default: $2,036 a month." in html
    assert "an hour before taxes" in html


def test_results_for_a_region_and_a_county_without_a_wage_area(client, real_data):
    region = text(client.get("/budget/results/", {**BERNALILLO, "place": "eastern"}))
    assert "Eastern region" in region
    assert "the median of the Fair Market Rents of the region's 12 counties" in region
    assert "Wages are for this BLS wage area: Eastern New Mexico nonmetropolitan area." in region
    catron = text(client.get("/budget/results/", {**BERNALILLO, "place": "35003"}))
    assert "includes Catron County (not confirmed), so the figures are for New Mexico" in catron


def test_comparing_an_occupation_shows_surplus_or_gap(client, real_data):
    nurse = text(client.get("/budget/results/", {**BERNALILLO, "soc": "29-1141"}))
    assert "Registered Nurses" in nurse and "Surplus:" in nurse
    cashier = text(client.get("/budget/results/", {**BERNALILLO, "soc": "41-2011"}))
    assert "Gap:" in cashier and "a year short of what you need" in cashier
    unknown = text(client.get("/budget/results/", {**BERNALILLO, "soc": "00-0000"}))
    assert "has no wage estimate in this area" in unknown


def test_careers_that_pay_enough_come_most_openings_first(client, real_data):
    careers = careers_table(client.get("/budget/results/", BERNALILLO))
    openings = [n for _title, n, _education in careers if n is not None]
    assert len(careers) > 10
    assert openings == sorted(openings, reverse=True)


def test_the_running_total_follows_the_savings_and_phone_choices(client, real_data):
    chosen = {**BERNALILLO, "bedrooms": "3", "save": "none", "phone": "none"}
    html = client.get("/budget/total/", chosen, HTTP_HX_REQUEST="true").content.decode()
    # 2,036 + 551.21 + 509.33 + 570.83 + 650, nothing saved and no phone plan
    assert 'id="monthly-total">$4,317<' in html
    assert 'id="default-savings" hx-swap-oob="true"' in html
    assert "You chose to save nothing." in html
