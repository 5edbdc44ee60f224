import pytest

from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.mark.parametrize("path", ["/", "/es/", "/data/"])
def test_page_has_no_wcag_violations_and_fits_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_switching_to_spanish_with_the_keyboard(site_url, page):
    page.goto(site_url + "/data/")
    page.focus(".lang-switch a[lang=es]")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "/es/data/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Fuentes de datos"
