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


def socs(query: str, limit: int = 10, language: str = "es") -> list[str]:
    return [h.soc for h in search(query, limit, language=language).hits]


@pytest.mark.parametrize("query", ["soldador", "soldadora", "Soldadoras", "soldadores"])
def test_soldador_finds_welders_then_welding_machine_operators(real_data, query):
    found = socs(query)
    assert found[:2] == ["51-4121", "51-4122"], found


def test_soldador_reaches_the_english_titles_of_solderers_and_brazers(real_data):
    result = search("soldador", 25, language="es")
    assert result.total > 5
    assert "welder" in result.translated["soldador"]
    assert "brazer" in result.translated["soldador"]


@pytest.mark.parametrize("query", ["enfermera", "enfermero", "enfermeras", "Enfermeros"])
def test_enfermera_finds_the_nursing_occupations_whatever_the_gender(real_data, query):
    found = socs(query, 6)
    assert found[0] == "29-1141"
    # licensed practical nurses, nurse practitioners, anesthetists, midwives
    assert {"29-2061", "29-1171", "29-1151", "29-1161"} <= set(found), found


def test_masculine_and_feminine_forms_find_the_same_occupations(real_data):
    for masculine, feminine in [("cajero", "cajera"), ("carpintero", "carpintera")]:
        assert set(socs(masculine, 25)) == set(socs(feminine, 25))


def test_a_spanish_title_match_ranks_above_an_english_alternate_title(real_data):
    # O*NET lists "Maestro" as a title of music directors; a "maestra" is a teacher.
    assert socs("maestra", 3)[0].startswith("25-")


def test_spanish_job_words_work_on_english_pages_too(real_data):
    found = socs("soldadora", 3, language="en")
    assert found[0] == "51-4121" and "51-4122" in found
    assert socs("enfermera", 1, language="en") == ["29-1141"]


def test_accents_are_optional_in_spanish_job_words(real_data):
    assert socs("mecanica", 5) == socs("mecánica", 5)
    assert socs("policía", 1) == socs("policia", 1) == ["33-3051"]


def test_every_english_word_of_the_job_words_begins_a_real_title_word(real_data):
    from pathways.occupations.search_index import word_index
    from pathways.occupations.search_spanish import job_words

    index = word_index("en")
    unused = {e for job in job_words().values() for e in job.english if not index.prefixed(e)}
    assert unused == set()
