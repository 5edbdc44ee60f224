"""Overviews on a 360 px phone: WCAG 2.1 AA (axe-core), no sideways scrolling; and in print,
the tables without the page's controls or the chart that repeats a table."""

import pytest

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.mark.parametrize(
    "path",
    [
        "/regions/eastern/overview/",
        "/es/regions/central/overview/?framework=legacy",
        "/districts/3500060/overview/",
        "/districts/3500600/overview/",  # Cobre: statewide figures
    ],
)
def test_overviews_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_the_printed_overview_keeps_tables_and_drops_controls(site_url, page):
    page.goto(site_url + "/regions/eastern/overview/")
    page.emulate_media(media="print")
    assert page.locator(".overview-actions").is_hidden()
    assert page.locator(".bar-chart").is_hidden()
    assert page.locator("table.wage-gaps").is_visible()
    assert page.locator("table.load-history").is_visible()
