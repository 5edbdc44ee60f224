"""The interest profiler on paper (#19): the printed activities are the online questionnaire,
and scoring a filled sheet by its printed rules gives the profiler's own scores and code."""

import random
import re

import pytest
from pypdf import PdfReader

from pathways.profiler.data import AREAS, instrument
from pathways.profiler.scoring import score_answers
from tests.html import element, table_rows, visible_text

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def printed_columns(html: str) -> dict[str, list[int]]:
    """The scoring sheet as printed: for each column (area letter), its activity numbers."""
    sheet = element(html, "scoring-sheet")
    letters = re.findall(r'data-area="([A-Z])"', sheet)
    columns: dict[str, list[int]] = {letter: [] for letter in letters}
    for row in re.findall(r"<tr>(.*?)</tr>", element(sheet, tag="tbody"), re.S):
        for letter, number in zip(letters, re.findall(r'data-item="(\d+)"', row), strict=True):
            columns[letter].append(int(number))
    return columns


def score_by_the_printed_rules(columns: dict[str, list[int]], marked: dict[int, int]) -> tuple:
    """Add up each column; the code is the three highest, ties in R I A S E C order."""
    totals = {letter: sum(marked[n] for n in numbers) for letter, numbers in columns.items()}
    code = "".join(sorted(totals, key=lambda a: (-totals[a], "RIASEC".index(a)))[:3])
    return totals, code


def test_the_printed_activities_are_the_online_questionnaire_in_order(client):
    rows = table_rows(page(client, "/interests/paper/"), "paper-items", body_only=True)
    online = instrument().questionnaire()
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(online) + 1)]
    assert [row[1] for row in rows] == [item.text.en for item in online]


def test_the_sheet_has_one_column_per_area_with_every_activity_once(client):
    columns = printed_columns(page(client, "/interests/paper/"))
    assert list(columns) == list(AREAS)
    numbers = sorted(n for column in columns.values() for n in column)
    assert numbers == list(range(1, 61))


@pytest.mark.parametrize("seed", range(12))
def test_scoring_a_filled_sheet_by_hand_equals_the_profilers_scoring(client, seed):
    columns = printed_columns(page(client, "/interests/paper/"))
    chance = random.Random(seed)
    answers = [chance.randint(0, 4) for _ in range(60)]
    marked = {number: answer for number, answer in enumerate(answers, 1)}
    totals, code = score_by_the_printed_rules(columns, marked)
    profile = score_answers(answers)
    assert totals == {a: int(profile.scores[a]) for a in AREAS}
    if not profile.flat:
        assert code == profile.code()


def test_ties_follow_the_printed_riasec_rule(client):
    columns = printed_columns(page(client, "/interests/paper/"))
    answers = [2] * 60  # every area 20 ...
    for number in columns["E"] + columns["A"]:
        answers[number - 1] = 3  # ... but Artistic and Enterprising 30, tied
    _, code = score_by_the_printed_rules(columns, dict(enumerate(answers, 1)))
    assert code == score_answers(answers).code() == "AER"


def test_the_sheet_prints_the_results_address_for_the_six_totals(client):
    text = visible_text(page(client, "/interests/paper/"))
    assert "/interests/results/?R=__&I=__&A=__&S=__&E=__&C=__" in text


def test_the_spanish_paper_survey_is_in_spanish(client):
    html = page(client, "/es/interests/paper/")
    rows = table_rows(html, "paper-items", body_only=True)
    assert rows[0][1] == instrument().questionnaire()[0].text.es
    text = visible_text(html)
    assert "Hoja de puntuación" in text and "Me gusta mucho" in text


@pytest.mark.parametrize(("prefix", "language"), [("", "en"), ("/es", "es")])
def test_the_pdf_is_tagged_in_its_language_with_the_activities_and_the_sheet(
    client, prefix, language
):
    from io import BytesIO

    response = client.get(f"{prefix}/interests/paper.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == language and "/StructTreeRoot" in root
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    first = instrument().questionnaire()[0].text
    assert " ".join((first.es if language == "es" else first.en).split()) in text
    assert ("Hoja de puntuación" if language == "es" else "Scoring sheet") in text


def test_the_profiler_start_page_links_to_the_paper_version(client):
    assert 'href="/interests/paper/"' in page(client, "/interests/")
