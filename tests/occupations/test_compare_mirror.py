"""Comparing occupations over the real data: real New Mexico figures, a merged OEWS code,
Spanish search among all titles, and the query bound on a full load. The page's behaviour
on the tiny labour market is in test_compare.py."""

import csv
import io

import pytest

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
FOUR = ["29-1141", "29-2061", "31-1131", "47-2111"]


def get(client, socs, **params):  # type: ignore[no-untyped-def]
    return client.get("/compare/", {"soc": socs, **params})


def test_real_new_mexico_figures_side_by_side(client, real_data):
    html = get(client, ["29-1141", "25-2031"]).content.decode()
    table = html.split('class="figures compare-table"')[1].split("</table>")[0]
    assert "$94,340" in table  # Registered Nurses, statewide median
    assert "$75,900" in table  # teachers: annual only
    assert "1,006" in table  # nurses' openings estimate
    assert "(Social, Investigative, Conventional)" in table  # nurses' interest code, SIC


def test_adding_by_words_offers_a_choice(client, real_data):
    html = get(client, ["29-1141"], add="coder").content.decode()
    assert "Which occupation did you mean?" in html
    assert 'href="?soc=29-1141&amp;soc=29-2072"' in html
    response = get(client, ["29-1141"], add="electricians")  # exact title: added
    assert response["Location"] == "/compare/?soc=29-1141&soc=47-2111"
    html = get(client, ["29-1141"], add="xyzzyq").content.decode()
    assert "No occupation matches “xyzzyq”." in html


def test_comparison_downloads_as_csv(client, real_data):
    response = get(client, ["29-1141", "13-1021"], format="csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["soc_code"] for r in rows] == ["29-1141", "13-1021"]
    assert rows[0]["median_annual"] == "94340"
    assert rows[1]["wage_soc_code"] == "13-1020"
    assert rows[0]["wage_source"].startswith("Occupational Employment and Wage Statistics")
    assert get(client, [*FOUR, "15-1252"], format="csv").status_code == 400


def test_spanish_comparison(client, real_data):
    response = client.get("/es/compare/", {"soc": ["29-1141", "29-2061"]})
    assert response.status_code == 200
    assert '<html lang="es">' in response.content.decode()
    response = client.get("/es/compare/", {"soc": "29-1141", "add": "47-2111"})
    assert response["Location"] == "/es/compare/?soc=29-1141&soc=47-2111"
    html = client.get("/es/compare/", {"soc": "29-1141", "add": "soldad"}).content.decode()
    assert 'href="?soc=29-1141&amp;soc=51-4121"' in html  # Welders, offered to choose
    # A Spanish word that only one occupation has adds it at once ("embalsamadora", an
    # embalmer); "soldadora" now offers the welding trades to choose from.
    response = client.get("/es/compare/", {"soc": "29-1141", "add": "embalsamadora"})
    assert response["Location"] == "/es/compare/?soc=29-1141&soc=39-4011"
    html = client.get("/es/compare/", {"soc": "29-1141", "add": "soldadora"}).content.decode()
    assert 'soc=51-4121"' in html and 'soc=51-4122"' in html


def test_compare_query_count_is_bounded(client, real_data, django_assert_max_num_queries):
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(15):
        assert get(client, FOUR).status_code == 200
