"""The cluster pages in headless Chromium: WCAG 2.1 AA (axe-core), a 360 px phone, print."""

import pytest

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def open_page(page, site_url, path):
    page.goto(site_url + path)


@pytest.mark.parametrize(
    "path",
    [
        "/clusters/",
        "/es/clusters/?framework=legacy",
        "/clusters/healthcare-human-services/",
        "/clusters/healthcare-human-services/?region=northern&view=high-wage&sort=median_wage",
        "/es/clusters/construction/construction--skilled-trades/?view=high-skill",
        "/clusters/health-science/",
    ],
)
def test_cluster_pages_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    open_page(page, site_url, path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_on_a_phone_each_occupation_is_a_card_led_by_its_title_and_wage(site_url, page):
    open_page(page, site_url, "/clusters/healthcare-human-services/")
    wrapper = page.locator(".table-scroll")
    assert not wrapper.evaluate("el => el.scrollWidth > el.clientWidth + 1")
    row = page.locator("table.occupation-table tbody tr").first
    title, wage, soc = (row.locator(s).bounding_box() for s in ("th", "td.num >> nth=0", "td.soc"))
    assert title["y"] < wage["y"] < soc["y"]  # the title first, the SOC code last
    assert wage["x"] + wage["width"] <= 360
    assert page.locator("table.occupation-table caption").bounding_box()["width"] <= 360


def test_filters_work_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(site_url + "/clusters/healthcare-human-services/")
        tab.select_option("#filter-region", "central")
        tab.click("form.table-filters button[type=submit]")
        tab.wait_for_url("**/clusters/healthcare-human-services/?region=central&sort=openings")
        tab.click("nav.view-tabs >> text=High skill")
        tab.wait_for_url("**view=high-skill**")
        assert "Albuquerque" in tab.locator("caption").inner_text()
    finally:
        context.close()


def test_the_filters_are_left_out_of_print(site_url, page):
    open_page(page, site_url, "/clusters/healthcare-human-services/")
    page.emulate_media(media="print")
    assert not page.locator("form.table-filters").is_visible()
    assert page.locator("table.occupation-table").is_visible()
