"""The interest profiler in a phone-sized browser: keyboard only, no WCAG 2.1 A/AA violations."""

import pytest

from pathways.profiler.data import instrument
from tests.browser.conftest import overflows_horizontally, wcag_violations

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
# Each area answered the same on every item: R "Dislike", I "Like", A "Strongly dislike",
# S "Strongly like", E and C "Not sure". Short-version sums doubled: R 10, I 30, A 0, S 40...
ANSWERS = {"R": 1, "I": 3, "A": 0, "S": 4, "E": 2, "C": 2}
EXPECTED = "/interests/results/?R=10&I=30&A=0&S=40&E=20&C=20&form=short"


def focused(page, expression: str) -> str:
    return str(page.evaluate(f"document.activeElement ? document.activeElement.{expression} : ''"))


def test_short_version_completed_with_the_keyboard_only(site_url, page, axe):
    page.goto(site_url + "/interests/questions/short/")
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)

    items = instrument().questionnaire(short=True)
    for _ in range(60):  # Tab through the header to the first question's answers
        page.keyboard.press("Tab")
        if focused(page, "name") == items[0].id:
            break
    else:
        pytest.fail("Tab never reached the first question")

    for n, item in enumerate(items):
        assert focused(page, "name") == item.id, f"question {n + 1} is not focused"
        assert focused(page, "value") == "0"  # Tab enters a group at its first answer
        value = ANSWERS[item.area]
        if value == 0:
            page.keyboard.press("Space")
        for _ in range(value):
            page.keyboard.press("ArrowDown")  # moves to the next answer and selects it
        assert page.is_checked(f'input[name="{item.id}"][value="{value}"]')
        page.keyboard.press("Tab")

    assert focused(page, "type") == "submit"
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + EXPECTED)

    assert page.locator("h1").inner_text() == "Your interest profile"
    assert page.locator(".score-table tbody tr").count() == 6
    assert page.locator(".top-areas li").count() == 3
    assert page.locator(".top-areas li").first.inner_text().startswith("Social")
    assert page.locator("table.matches tbody tr").count() > 0
    assert "High Social" in page.locator("table.matches tbody tr").first.inner_text()
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


@pytest.mark.parametrize(
    "path",
    [
        "/interests/",
        "/interests/questions/",
        "/es/interests/questions/short/",
        "/interests/results/?R=18&I=24&A=7&S=28&E=11&C=23&zone=3",
        "/es/interests/results/?R=10&I=30&A=12&S=36&E=14&C=20&form=short",
        "/interests/results/?R=20&I=20&A=20&S=20&E=20&C=20",
        "/interests/clusters/",
        "/interests/clusters/results/?item=act-vitals&item=q-caring&item=sub-math",
    ],
)
def test_profiler_pages_have_no_wcag_violations_and_fit_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


def test_an_incomplete_form_is_accessible_too(site_url, page, axe):
    page.goto(site_url + "/interests/questions/short/")
    page.locator("button.submit-answers").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").is_visible()
    assert page.locator(".error-summary li").count() == 30
    assert wcag_violations(axe, page) == []
    assert not overflows_horizontally(page)


@pytest.mark.parametrize("path", ["/interests/paper/", "/es/interests/paper/"])
def test_the_paper_survey_has_no_wcag_violations_on_a_phone(site_url, page, axe, path):
    page.goto(site_url + path)
    assert wcag_violations(axe, page) == []
    # The wide sheets scroll inside their own focusable regions; the page itself fits.
    assert not overflows_horizontally(page)


def test_the_paper_survey_prints_the_scoring_sheet_on_its_own_page(site_url, page):
    page.goto(site_url + "/interests/paper/")
    page.emulate_media(media="print")
    assert page.locator(".paper-sheet").evaluate("e => getComputedStyle(e).breakBefore") == "page"
    assert page.locator("p.no-print").evaluate("e => getComputedStyle(e).display") == "none"
