"""Building a budget on a phone, in Spanish: the running total, the required wage, axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_build_a_scenario_in_spanish_on_a_phone(site_url, page, axe):
    page.goto(site_url + "/es/budget/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)

    page.select_option("#place", "35001")
    page.fill("#adults", "1")
    page.fill("#working", "1")
    page.fill("#children", "1")
    # htmx brings the county's rent default and the running total without a reload.
    # Spanish groups thousands with a space. (Locator assertions, not wait_for_function,
    # which evaluates strings: the Content-Security-Policy refuses that.)
    expect(page.locator("#default-housing")).to_contain_text(re.compile(r"1\D?464"))
    before = page.locator("#monthly-total").inner_text()
    page.fill("#child_care", "650")
    page.fill("#phone_internet", "95")
    page.select_option("#transport", "car")
    page.fill("#miles", "600")
    expect(page.locator("#monthly-total")).not_to_have_text(before)
    # 1,464 rent + 551.21 food + 570.83 health + 420 car (600 mi x $0.70) + 650 + 95,
    # and 5% of that saved: 3,938.59
    expect(page.locator("#monthly-total")).to_contain_text(re.compile(r"3\D?939"))
    assert wcag_violations(axe, page) == []

    page.locator("button.budget-primary").click()
    page.wait_for_url(re.compile(r".*/es/budget/results/\?.*"))
    hourly = page.locator("#required-hourly").inner_text()
    assert re.fullmatch(r"\$\d{2}\.\d\d", hourly.strip())
    assert page.locator("#required-annual").inner_text().startswith("$")
    assert page.locator("#jobs-share").is_visible()
    page.select_option("#filter-education", "Associate's degree")
    page.locator(".budget-filter button").click()
    page.wait_for_url(re.compile(r".*education=Associate.*"))
    assert page.locator("#careers-count").is_visible()
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_the_form_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + "/es/budget/")
        page.select_option("#place", "35049")
        page.fill("#food", "400")
        page.locator("button.budget-secondary").click()  # update the total: a plain GET
        page.wait_for_url(re.compile(r".*/es/budget/\?.*place=35049.*"))
        note = page.locator("#default-housing").inner_text()
        assert "1259" in re.sub(r"\D", "", note)  # Santa Fe studio
        # Lifestyle choices without typing: they travel in the URL like everything else.
        page.select_option("#save", "more")
        page.select_option("#phone", "none")
        page.locator("button.budget-secondary").click()
        page.wait_for_url(re.compile(r"^(?=.*save=more)(?=.*phone=none).*"))
        assert "10" in page.locator("#default-savings").inner_text()
        assert "Sin plan de teléfono propio" in page.locator("#default-phone_internet").inner_text()
        page.locator("button.budget-primary").click()
        page.wait_for_url(re.compile(r".*/es/budget/results/\?.*"))
        assert page.locator("#required-hourly").inner_text().startswith("$")
    finally:
        context.close()


SCENARIO = (
    "place=35001&adults=2&working=2&children=3&child_care=1200&transportation=300"
    "&phone_internet=100&clothing_personal_care=150&entertainment=100&savings=200"
    "&debt_payments=250&soc=41-2011"
)


def test_the_results_print_on_one_page(site_url, page):
    page.goto(site_url + "/es/budget/results/?" + SCENARIO)
    pdf = page.pdf(format="Letter", prefer_css_page_size=True)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1


def test_side_by_side_comparison_on_a_phone(site_url, page, axe):
    page.goto(site_url + "/es/budget/compare/?q=place%3D35001&q=place%3D35049%26adults%3D2")
    assert page.locator("table.budget-compare-table thead th").count() == 3
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)
