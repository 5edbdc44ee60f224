"""Regions, counties and school districts on a 360 px phone: WCAG 2.1 AA (axe-core, including
scrollable-region-focusable), no sideways scrolling, occupation rows as cards."""

import pytest

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.mark.parametrize(
    "path",
    [
        "/regions/",
        "/regions/central/",
        "/es/regions/northern/",
        "/counties/35001/",
        "/counties/35017/",  # Grant: statewide figures
        "/districts/",
        "/districts/3500060/",
    ],
)
def test_place_pages_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_every_scrolling_table_can_be_reached_with_the_keyboard(site_url, page):
    page.goto(site_url + "/counties/35001/")
    wrappers = page.locator(".table-scroll")
    assert wrappers.count() > 0
    for index in range(wrappers.count()):
        wrapper = wrappers.nth(index)
        assert wrapper.get_attribute("tabindex") == "0"
        assert wrapper.get_attribute("role") == "region"
        assert wrapper.get_attribute("aria-label") or wrapper.get_attribute("aria-labelledby")
