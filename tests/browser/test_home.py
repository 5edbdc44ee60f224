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


def test_the_menu_folds_away_on_a_phone_and_opens_with_the_keyboard(site_url, page):
    page.goto(site_url + "/")
    clusters = page.locator(".site-menu").get_by_role("link", name="Career clusters", exact=True)
    assert not clusters.is_visible()
    page.focus(".site-menu > summary")
    page.keyboard.press("Enter")
    assert clusters.is_visible()
    clusters.click()
    page.wait_for_url(site_url + "/clusters/")


def test_the_menu_is_open_on_a_wide_screen_with_or_without_javascript(site_url, browser):
    for javascript in (True, False):
        context = browser.new_context(
            viewport={"width": 1200, "height": 800}, java_script_enabled=javascript
        )
        page = context.new_page()
        page.goto(site_url + "/")
        assert (
            page.locator(".site-menu")
            .get_by_role("link", name="Career clusters", exact=True)
            .is_visible()
        )
        context.close()


def test_without_javascript_the_phone_menu_starts_folded_and_opens(site_url, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/")
    clusters = page.locator(".site-menu").get_by_role("link", name="Career clusters", exact=True)
    assert not clusters.is_visible()
    page.click(".site-menu > summary")
    assert clusters.is_visible()
    context.close()


def test_the_front_door_leads_to_the_four_first_questions_on_a_phone(site_url, page):
    page.goto(site_url + "/")
    for name in (
        "Find careers you’d like",
        "See what a life costs",
        "Explore careers near you",
        "Programs of study in your district",
    ):
        assert page.get_by_role("link", name=name).is_visible()
    page.select_option("#door-district", label="Albuquerque Public Schools")
    page.get_by_role("button", name="Show programs").click()
    page.wait_for_url("**/programs/?district=3500060")
