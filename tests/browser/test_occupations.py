"""Occupation pages in headless Chromium: WCAG 2.1 AA (axe-core), a 360 px phone, no-JS, print."""

import re

import pytest

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def open_page(page, site_url, path):
    page.goto(site_url + path)


@pytest.mark.parametrize(
    "path",
    [
        "/occupations/29-1141/",
        "/es/occupations/47-2111/",
        "/occupations/29-1212/",  # top-coded
        "/occupations/25-2031/",  # annual only
        "/occupations/13-1021/",  # merged OEWS code
        "/search/?q=nurse",
        "/search/?q=nurce",
        "/es/search/",
        "/compare/?soc=29-1141&soc=29-2061&soc=31-1131&soc=47-2111",
        "/compare/?soc=29-1141&add=coder",
        "/compare/?soc=29-1141&soc=1&soc=29-2061&soc=31-1131&soc=47-2111&soc=15-1252",
    ],
)
def test_pages_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    open_page(page, site_url, path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_typeahead_lists_suggestions_and_the_form_works_without_it(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        open_page(tab, site_url, "/")
        tab.fill("#site-search", "weld")
        tab.wait_for_selector("#search-suggestions li a")
        links = tab.locator("#search-suggestions li a")
        assert 0 < links.count() <= 8
        assert "Welders" in links.first.inner_text()
    finally:
        context.close()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(site_url + "/")
        tab.fill("#site-search", "electrician")
        tab.press("#site-search", "Enter")
        tab.wait_for_url("**/search/?q=electrician")
        tab.click("text=Electricians")
        tab.wait_for_url("**/occupations/47-2111/")
        tab.click("text=Compare with other occupations")
        tab.fill("#compare-add", "plumber")
        tab.press("#compare-add", "Enter")
        tab.wait_for_url("**/compare/?soc=47-2111&**")
        assert (
            tab.locator("table.compare-table").is_visible()
            or tab.locator(".compare-candidates").is_visible()
        )
    finally:
        context.close()


def test_print_leaves_out_the_controls(site_url, page):
    open_page(page, site_url, "/compare/?soc=29-1141&soc=29-2061")
    page.emulate_media(media="print")
    assert not page.locator("form.compare-form").is_visible()
    assert page.locator("table.compare-table").is_visible()
    open_page(page, site_url, "/occupations/29-1141/")
    page.emulate_media(media="print")
    assert page.locator("#annual-wages").is_visible()
    assert not page.locator(".page-actions").is_visible()


def printed_pages(page) -> int:  # type: ignore[no-untyped-def]
    pdf = page.pdf(format="Letter")
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize(
    "path", ["/occupations/29-1141/", "/es/occupations/29-1141/", "/occupations/25-2031/"]
)
def test_an_occupation_prints_on_two_pages(site_url, page, path):
    open_page(page, site_url, path)
    assert printed_pages(page) <= 2


def test_an_occupation_offers_its_link_and_a_print_button(site_url, page):
    open_page(page, site_url, "/occupations/29-1141/")
    assert page.locator("#share-link").input_value() == site_url + "/occupations/29-1141/"
    assert page.get_by_role("button", name="Print this occupation (2 pages)").is_visible()
