"""The Career Clusters Guide in headless Chromium: WCAG 2.1 AA (axe-core) on a 360 px phone."""

import pytest

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.mark.parametrize(
    "path",
    [
        "/guide/",
        "/es/guide/?framework=legacy",
        "/guide/healthcare-human-services/",
        "/es/guide/construction/?region=northern",
    ],
)
def test_guide_pages_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_the_region_choice_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    tab = context.new_page()
    try:
        tab.goto(site_url + "/guide/healthcare-human-services/")
        tab.select_option("#guide-region", "central")
        tab.click("form.guide-choices button[type=submit]")
        tab.wait_for_url("**region=central**")
        assert "Albuquerque" in tab.locator(".area-note").inner_text()
    finally:
        context.close()
