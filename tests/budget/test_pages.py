"""The /budget/ pages on the tiny labour market: the form (with and without htmx), results,
comparison, saved scenarios. Real New Mexico rents and careers are checked in
test_pages_mirror.py."""

from urllib.parse import urlencode

import pytest

from pathways.budget.models import Scenario
from pathways.geography.models import FairMarketRent
from tests.budget.pages import careers_table
from tests.factories import CounselorFactory, StudentFactory
from tests.html import visible_text as text

pytestmark = pytest.mark.django_db
BERNALILLO = {"place": "35001", "adults": "1", "working": "1", "children": "1", "child_care": "650"}


def test_the_empty_form(client, labour_market):
    response = client.get("/budget/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="get"' in html and 'action="/budget/results/"' in html
    assert 'hx-get="/budget/total/"' in html
    assert '<option value="35001">Bernalillo County</option>' in html
    assert '<option value="central">Central region</option>' in html
    assert "Please check" not in html  # no errors before anything is asked
    for key in ("housing", "food", "child_care", "savings", "debt_payments"):
        assert f'id="{key}"' in html and f'id="default-{key}"' in html


def test_the_form_shows_each_default_with_its_source(client, labour_market):
    page = text(client.get("/budget/", BERNALILLO))
    assert "Default: $1,240 a month." in page  # the fixture's two-bedroom rent
    assert "HUD Fair Market Rents, FY2026" in page
    assert "Thrifty Food Plan, September 2025" in page
    assert "No default: enter what you want to spend a month on fun." in page
    # 1,240 + 551.21 + 509.33 (older car) + 570.83 + 650 + 53.38 (phone) = 3,574.75,
    # saving 5% more: 3,753.49
    assert "Your monthly total $3,753" in page


def test_the_running_total_fragment_updates_defaults_out_of_band(client, labour_market):
    response = client.get("/budget/total/", {**BERNALILLO, "bedrooms": "3"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    # (1,700 + 551.21 + 509.33 + 570.83 + 650 + 53.38) x 1.05
    assert 'id="monthly-total">$4,236<' in html
    assert 'id="default-housing" hx-swap-oob="true"' in html
    assert "Default: $1,700 a month." in html
    assert "an hour before taxes" in html


def test_errors_are_shown_beside_their_fields(client, labour_market):
    response = client.get("/budget/results/", {**BERNALILLO, "food": "lots", "working": "3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-food"' in html and 'aria-invalid="true"' in html
    assert 'href="#working"' in html and 'href="#food"' in html
    assert 'value="lots"' in html


def test_results_show_the_required_wage_taxes_and_jobs(client, labour_market):
    response = client.get("/budget/results/", BERNALILLO)
    assert response.status_code == 200
    page = text(response)
    assert "A year, before taxes $48,449 A month, before taxes $4,037" in page
    assert "An hour, working full time $23.29" in page
    assert "filing as: Head of household" in page
    assert "Child Tax Credit" in page and "All taxes, after credits" in page
    assert "Wages are for this BLS wage area: Albuquerque, NM." in page
    # Nurses, practitioners, teachers and electricians: 15,200 of Albuquerque's 24,200 jobs.
    assert "62.8% of the area's jobs pay enough: 15,200 of 24,200 jo" in page
    assert "Bachelor's degree" in page
    assert "Sign in with a student account" in page


def test_results_for_a_region_and_a_county_without_a_wage_area(client, labour_market):
    FairMarketRent.objects.create(
        county_id="35005", fiscal_year=2026, bedrooms=2, monthly_rent=1100, hud_area_name="Chaves"
    )
    region = text(client.get("/budget/results/", {**BERNALILLO, "place": "eastern"}))
    assert "Eastern region" in region
    # Curry's $900 and Chaves's $1,100 two-bedroom rents: the median is $1,000.
    assert (
        "$1,000 2 bedrooms: the median of the Fair Market Rents of the region's 2 counties "
        "(lowest $900, highest $1,100)" in region
    )
    assert "Wages are for this BLS wage area: Eastern New Mexico nonmetropolitan area." in region
    catron = text(client.get("/budget/results/", {**BERNALILLO, "place": "35003"}))
    assert "includes Catron County (not confirmed), so the figures are for New Mexico" in catron


def test_comparing_an_occupation_shows_surplus_or_gap(client, labour_market):
    nurse = text(client.get("/budget/results/", {**BERNALILLO, "soc": "29-1141"}))
    assert "Registered Nurses" in nurse and "Surplus:" in nurse
    assert "Surplus: $43,071 a year" in nurse  # $91,520 in Albuquerque less $48,449
    cooks = text(client.get("/budget/results/", {**BERNALILLO, "soc": "35-2014"}))
    assert "Median wage: $33,280 a year (Albuquerque, NM)." in cooks
    assert "Gap: $15,169 a year short of what you need" in cooks
    unknown = text(client.get("/budget/results/", {**BERNALILLO, "soc": "00-0000"}))
    assert "has no wage estimate in this area" in unknown


def test_careers_that_pay_enough_come_most_openings_first(client, labour_market):
    careers = careers_table(client.get("/budget/results/", BERNALILLO))
    # The four Albuquerque occupations paying at least $48,449, by the metro's openings.
    assert [(n, education) for _title, n, education in careers] == [
        (524, "Bachelor's degree"),
        (212, "High school diploma or equivalent"),
        (103, "Master's degree"),
        (29, "Bachelor's degree"),
    ]
    assert careers[0][0].startswith("Registered Nurses")


def test_careers_filtered_by_education_and_cluster(client, labour_market):
    only = careers_table(
        client.get("/budget/results/", {**BERNALILLO, "education": "Bachelor's degree"})
    )
    assert only and {education for _t, _n, education in only} == {"Bachelor's degree"}
    health = text(
        client.get("/budget/results/", {**BERNALILLO, "cluster": "healthcare-human-services"})
    )
    assert "Registered Nurses" in health
    bogus = client.get("/budget/results/", {**BERNALILLO, "cluster": "nope", "education": "x"})
    assert bogus.status_code == 200  # unknown filters are ignored


@pytest.mark.parametrize("url", ["/budget/", "/budget/total/", "/budget/results/"])
def test_a_27_digit_amount_is_refused_with_a_message(client, labour_market, url):
    response = client.get(url, {**BERNALILLO, "food": "9" * 27})
    assert response.status_code in (200, 400)
    assert "more than $100,000 a month" in text(response)
    if url == "/budget/results/":
        assert response.status_code == 400


def test_results_explain_each_category_with_its_source(client, labour_market):
    page = text(client.get("/budget/results/", {**BERNALILLO, "child_care": ""}))
    assert "AAA, Your Driving Costs 2025" in page
    assert "Universal Child Care" in page
    assert "5% of your other monthly costs" in page
    assert "Starts with no debt." in page
    assert "Personal Income and Outlays" in page


def test_transit_is_free_where_the_county_system_charges_no_fare(client, labour_market):
    page = text(client.get("/budget/", {**BERNALILLO, "transport": "transit"}))
    assert "ABQ RIDE charges no fare" in page
    luna = text(client.get("/budget/", {**BERNALILLO, "place": "35029", "transport": "transit"}))
    assert "No default for transit here" in luna


def test_comparison_in_the_link(client, labour_market):
    first = urlencode(BERNALILLO)
    second = {**BERNALILLO, "place": "35049", "cmp": first}
    results = client.get("/budget/results/", second).content.decode()
    assert 'id="compare-side-by-side"' in results
    page = text(
        client.get(
            "/budget/compare/", [("q", first), ("q", urlencode(BERNALILLO | {"place": "35049"}))]
        )
    )
    assert "Scenario 1" in page and "Scenario 2" in page
    assert "Bernalillo" in page and "Santa Fe" in page


def test_students_save_and_compare_their_own_scenarios(client, labour_market):
    student = StudentFactory()
    client.force_login(student)
    response = client.post("/budget/save/", {**BERNALILLO, "name": "Nursing in ABQ"})
    assert response.status_code == 303 and response["Location"] == "/budget/saved/"
    client.post("/budget/save/", {**BERNALILLO, "place": "35049", "name": "Santa Fe"})
    saved = Scenario.objects.filter(user=student)
    assert saved.count() == 2
    abq = saved.get(name="Nursing in ABQ")
    assert abq.params == {**BERNALILLO, "child_care": "650"}
    listing = text(client.get("/budget/saved/"))
    assert "Nursing in ABQ" in listing and "Santa Fe" in listing
    ids = [("id", s.pk) for s in saved]
    compared = text(client.get("/budget/compare/", ids))
    assert "Nursing in ABQ" in compared and "Wage needed a year" in compared


def test_nobody_else_can_read_or_delete_a_students_scenarios(client, labour_market):
    owner = StudentFactory()
    scenario = Scenario.objects.create(user=owner, name="Private plan", params=BERNALILLO)
    other = StudentFactory()
    client.force_login(other)
    assert "Private plan" not in text(client.get("/budget/saved/"))
    assert client.get("/budget/compare/", {"id": scenario.pk}).status_code == 404
    assert client.post(f"/budget/saved/{scenario.pk}/delete/").status_code == 404
    assert Scenario.objects.filter(pk=scenario.pk).exists()
    client.force_login(CounselorFactory())
    assert client.get("/budget/saved/").status_code == 403
    assert client.post("/budget/save/", BERNALILLO).status_code == 403
    assert client.get("/budget/compare/", {"id": scenario.pk}).status_code == 404
    client.logout()
    assert client.get("/budget/saved/").status_code == 302
    assert client.post("/budget/save/", BERNALILLO).status_code == 302
    assert client.get("/budget/compare/", {"id": scenario.pk}).status_code == 302
    client.force_login(owner)
    assert client.post(f"/budget/saved/{scenario.pk}/delete/").status_code == 303
    assert not Scenario.objects.filter(pk=scenario.pk).exists()


def test_the_spanish_pages_answer(client, labour_market):
    response = client.get("/es/budget/results/", BERNALILLO)
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    assert 'action="/es/budget/results/' in response.content.decode()


def test_a_student_chooses_savings_and_a_phone_plan_without_typing(client, labour_market):
    form = client.get("/budget/", BERNALILLO).content.decode()
    assert '<select id="save" name="save"' in form and '<select id="phone" name="phone"' in form
    assert '<option value="some" selected>' in form and '<option value="cell" selected>' in form
    chosen = {**BERNALILLO, "save": "more", "phone": "none"}
    page = text(client.get("/budget/results/", chosen))
    assert "10% of your other monthly costs" in page
    assert "No phone plan of your own" in page
    again = client.get("/budget/", chosen).content.decode()
    assert '<option value="more" selected>' in again and '<option value="none" selected>' in again


def test_an_unknown_savings_choice_is_a_400_with_a_message(client, labour_market):
    response = client.get("/budget/results/", {**BERNALILLO, "save": "everything"})
    assert response.status_code == 400
    assert "Choose how much you would save." in text(response)


def test_results_say_which_amounts_the_new_mexico_child_credit_uses(client, labour_market):
    page = text(client.get("/budget/results/", BERNALILLO))
    assert "the amounts enacted in 2023, not the Department's inflation-adjusted 2025" in page


def test_the_running_total_follows_the_savings_and_phone_choices(client, labour_market):
    chosen = {**BERNALILLO, "bedrooms": "3", "save": "none", "phone": "none"}
    html = client.get("/budget/total/", chosen, HTTP_HX_REQUEST="true").content.decode()
    # 1,700 + 551.21 + 509.33 + 570.83 + 650, nothing saved and no phone plan
    assert 'id="monthly-total">$3,981<' in html
    assert 'id="default-savings" hx-swap-oob="true"' in html
    assert "You chose to save nothing." in html
