"""Comparing occupations on the tiny labour market: one to four side by side, bad links
answered with 400 and a message. Real New Mexico figures are in test_compare_mirror.py."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db
FOUR = ["29-1141", "29-1171", "25-2031", "47-2111"]
FIFTH = "35-2014"


def get(client, socs, **params):  # type: ignore[no-untyped-def]
    return client.get("/compare/", {"soc": socs, **params})


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_one_to_four_occupations_side_by_side(client, labour_market, count):
    response = get(client, FOUR[:count])
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    table = html.split('class="figures compare-table"')[1].split("</table>")[0]
    assert table.count('<th scope="col">') == count
    for soc in FOUR[:count]:
        assert f'href="/occupations/{soc}/"' in table
    assert "$88,400" in table  # Registered Nurses, statewide median


def test_figures_shown_for_each_occupation(client, labour_market):
    html = get(client, ["29-1141", "25-2031"]).content.decode()
    table = html.split('class="figures compare-table"')[1].split("</table>")[0]
    for label in (
        "Median wage",
        "10th percentile",
        "90th percentile",
        "Openings a year",
        "Growth",
        "Typical education for entry",
        "Job zone",
        "Interest code",
    ):
        assert label in table
    assert "$64,480" in table  # teachers: annual only
    assert "1,008" in table  # nurses' openings estimate
    assert "(Social, Conventional, Investigative)" in table  # nurses' interest code, SCI
    assert 'class="range-chart" aria-hidden="true"' in html


def test_form_adds_and_links_remove_without_javascript(client, labour_market):
    html = get(client, ["29-1141", "29-1171"]).content.decode()
    assert '<input type="hidden" name="soc" value="29-1141">' in html
    assert 'href="?soc=29-1171"' in html  # remove Registered Nurses
    assert 'for="compare-add"' in html and 'id="compare-add"' in html
    response = get(client, ["29-1141"], add="47-2111")
    assert response.status_code == 302
    assert response["Location"] == "/compare/?soc=29-1141&soc=47-2111"


def test_adding_by_words_offers_a_choice(client, labour_market):
    html = get(client, ["29-1141"], add="teaching").content.decode()
    assert "Which occupation did you mean?" in html
    for assistants in ("25-9042", "25-9043", "25-9049"):
        assert f'href="?soc=29-1141&amp;soc={assistants}"' in html
    response = get(client, ["29-1141"], add="electricians")  # exact title: added
    assert response["Location"] == "/compare/?soc=29-1141&soc=47-2111"
    html = get(client, ["29-1141"], add="xyzzyq").content.decode()
    assert "No occupation matches “xyzzyq”." in html


def test_full_comparison_offers_no_add_form(client, labour_market):
    html = get(client, FOUR).content.decode()
    assert 'id="compare-add"' not in html
    assert "Remove one to add another." in html


def test_five_occupations_are_a_400_with_a_message(client, labour_market):
    response = get(client, [*FOUR, FIFTH])
    html = response.content.decode()
    assert response.status_code == 400
    assert "You can compare up to 4 occupations at a time, and this link names 5." in html
    assert 'role="alert"' in html
    assert 'href="?soc=29-1171&amp;soc=25-2031&amp;soc=47-2111&amp;soc=35-2014"' in html


@pytest.mark.parametrize(
    ("socs", "message"),
    [
        (["29-1141", "99-9999"], "No occupation has the SOC code 99-9999."),
        (["29-1141", "nurse"], "“nurse” is not an SOC code; codes look like 29-1141."),
        (["<b>x</b>"], "“&lt;b&gt;x&lt;/b&gt;” is not an SOC code"),
        (["29-0000"], "No occupation has the SOC code 29-0000."),
    ],
)
def test_bad_codes_are_a_400_with_a_message(client, labour_market, socs, message):
    response = get(client, socs)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_repeated_codes_count_once_and_empty_page_invites_a_choice(client, labour_market):
    assert get(client, ["29-1141", "29-1141"]).status_code == 200
    response = client.get("/compare/")
    assert response.status_code == 200
    assert "Choose occupations" in response.content.decode()


def test_comparison_downloads_as_csv(client, labour_market):
    response = get(client, ["29-1141", "25-9042"], format="csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["soc_code"] for r in rows] == ["29-1141", "25-9042"]
    assert rows[0]["median_annual"] == "88400"
    assert (rows[1]["wage_soc_code"], rows[1]["median_annual"]) == ("25-9045", "33280")
    assert rows[0]["wage_source"].startswith("Occupational Employment and Wage Statistics")
    assert get(client, [*FOUR, FIFTH], format="csv").status_code == 400


def test_spanish_comparison(client, labour_market):
    response = client.get("/es/compare/", {"soc": ["29-1141", "29-1171"]})
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    response = client.get("/es/compare/", {"soc": "29-1141", "add": "47-2111"})
    assert response["Location"] == "/es/compare/?soc=29-1141&soc=47-2111"
    html = client.get("/es/compare/", {"soc": "29-1141", "add": "asistentes"}).content.decode()
    assert 'href="?soc=29-1141&amp;soc=25-9043"' in html  # teaching assistants, to choose
    # A Spanish title or keyword that only one occupation has adds it at once.
    response = client.get("/es/compare/", {"soc": "29-1141", "add": "cocinero"})
    assert response["Location"] == "/es/compare/?soc=29-1141&soc=35-2014"


def test_compare_query_count_is_bounded(client, labour_market, django_assert_max_num_queries):
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(15):
        assert get(client, FOUR).status_code == 200
