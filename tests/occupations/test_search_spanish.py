"""Spanish search on /es/: the project's Spanish titles and keywords, accents optional."""

import pytest

from pathways.occupations.search import search, spelling_suggestion

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("query", "soc"),
    [
        ("trabajador social", "21-1021"),
        ("trabajadora social", "21-1021"),
        ("asistente médico", "29-1071"),
        ("asistente medico", "29-1071"),
        ("auxiliar de enfermería", "31-1131"),
        ("técnico de computadoras", "49-2011"),
        ("tecnica de computadoras", "49-2011"),
        ("petrolero", "47-5071"),
        ("doctora", "29-1215"),
        ("doctor", "29-1215"),
        ("cajera", "41-2011"),
        ("cajero", "41-2011"),
        ("policía", "33-3051"),
        ("policia", "33-3051"),
        ("enfermera", "29-1141"),
        ("soldador", "51-4121"),
    ],
)
def test_spanish_query_finds_the_occupation_first(real_data, query, soc):
    hits = search(query, 5, language="es").hits
    assert hits and hits[0].soc == soc, [(h.soc, h.title, h.matched_title) for h in hits]


def test_exact_spanish_title_ranks_first(real_data):
    assert search("Policías de tránsito y ferrocarril", 3, language="es").hits[0].soc == "33-3052"


def test_cajera_suggests_no_english_word(real_data):
    assert search("cajera", 1, language="es").total > 0
    assert spelling_suggestion("cajerra", language="es") in {"", "cajera", "cajero"}


def test_results_page_past_the_first_page(real_data):
    first = search("tecnico", 25, language="es")
    second = search("tecnico", 25, offset=25, language="es")
    assert first.total > 25
    assert second.hits and not {h.soc for h in first.hits} & {h.soc for h in second.hits}


def test_english_pages_search_as_before(real_data):
    assert search("nurse", 1, language="en").hits[0].soc == "29-1141"
