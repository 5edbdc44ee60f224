"""Occupation search: the service on the real titles, the results page and the typeahead."""

import re
import time

import pytest

from pathways.occupations.search import search, search_occupations, spelling_suggestion
from pathways.occupations.search_index import words

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def socs(query: str, limit: int = 10) -> list[str]:
    return [hit.soc for hit in search_occupations(query, limit)]


def test_words_fold_case_accents_apostrophes_and_plurals():
    assert words("Sheriff’s Deputies") == ("sheriff", "deputy")
    assert words("ENFERMERÍA") == ("enfermeria",)
    assert words("Welders, Cutters") == ("welder", "cutter")
    assert words("Nurses (RN)") == ("nurse", "rn")


def test_nurse_finds_the_nursing_occupations_first(real_data):
    found = socs("nurse", 8)
    assert found[0] == "29-1141"  # Registered Nurses: "Nurse" is an O*NET title for it
    for soc in ("29-1171", "29-1151", "29-1161", "29-2061"):
        assert soc in found


def test_welder_and_a_word_being_typed(real_data):
    assert socs("welder")[0] == "51-4121"
    assert socs("weld")[:2] == ["51-4121", "51-4122"]  # titles before alternate titles
    assert socs("Welders")[0] == "51-4121"


def test_coder_finds_medical_coders_and_programmers(real_data):
    hits = search_occupations("coder", 10)
    assert hits[0].soc == "29-2072"  # Medical Records Specialists
    assert hits[0].matched_title == "Coder"
    assert "15-1251" in [h.soc for h in hits]  # Computer Programmers: "Computer Language Coder"


def test_matches_ignore_case_accents_and_apostrophes(real_data):
    assert socs("NURSÉ") == socs("nurse")
    assert socs("sheriff's deputy")[0] == socs("sheriffs deputy")[0] == "33-3051"
    assert socs("Registered Nurses")[0] == "29-1141"


def test_spanish_job_words_are_read_as_english(real_data):
    result = search("Enfermería", 8)
    assert result.translated == {"enfermeria": "nurse"}
    assert [h.soc for h in result.hits] == socs("nurse", 8)
    assert socs("enfermera")[0] == "29-1141"
    assert socs("soldador")[0] == "51-4121"
    assert socs("electricista")[0] == "47-2111"


def test_alternate_title_match_is_reported(real_data):
    hit = search_occupations("medical coder", 1)[0]
    assert (hit.soc, hit.matched_title) == ("29-2072", "Medical Coder")
    assert search_occupations("registered nurse", 1)[0].matched_title == ""


def test_short_unknown_and_empty_queries(real_data):
    assert search_occupations("n") == []
    assert search_occupations("") == []
    assert search_occupations("   ") == []
    assert search_occupations("xyzzyq") == []
    assert search("nurse", 3).total > 3


def test_spelling_suggestions(real_data):
    assert spelling_suggestion("nurce") == "nurse"
    assert spelling_suggestion("electrision") == "electrician"
    assert spelling_suggestion("nurse") == ""


def test_search_is_fast_on_the_real_titles(real_data):
    search("warm the index", 1)
    for query in ("nurse", "co", "ma", "registered nurse", "medical assistant", "enfermería", "zz"):
        start = time.perf_counter()
        for _ in range(5):
            search(query, 25)
        assert (time.perf_counter() - start) / 5 < 0.020, query


def test_results_page_shows_matches_with_statewide_median(client, real_data):
    html = client.get("/search/?q=coder").content.decode()
    assert html.count("<h1") == 1
    assert 'href="/occupations/29-2072/"' in html
    assert "Matched job title:" in html and ">Coder</span>" in html
    assert "Median wage in New Mexico:" in html
    assert re.search(r"\$\d{2},\d{3}", html)
    assert 'class="source-note"' in html


def test_results_page_without_results_helps(client, real_data):
    html = client.get("/search/?q=nurce").content.decode()
    assert "No occupations match “nurce”." in html
    assert 'href="?q=nurse"' in html  # did you mean
    assert "Suggestions" in html
    assert 'href="/clusters/"' in html


def test_results_page_in_spanish(client, real_data):
    html = client.get("/es/search/?q=enfermera").content.decode()
    assert '<html lang="es">' in html
    assert 'href="/es/occupations/29-1141/"' in html


def test_empty_search_page(client, real_data):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Try one of these" in response.content.decode()


def test_odd_queries_never_fail(client, real_data):
    for query in ("%00", "<script>", "a" * 500, "'; DROP TABLE x; --", "∑∫", "-- --"):
        assert client.get("/search/", {"q": query}).status_code == 200
        assert (
            client.get("/search/suggest/", {"q": query}, HTTP_HX_REQUEST="true").status_code == 200
        )


def test_suggest_is_a_fragment_of_at_most_eight_links_for_htmx(client, real_data):
    response = client.get("/search/suggest/?q=nurse", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith("<ul")
    assert html.count("<li>") == 8
    assert html.count("<a ") == 8
    assert 'href="/occupations/29-1141/"' in html
    assert "HX-Request" in response["Vary"]


def test_suggest_with_few_matches_and_none(client, real_data):
    html = client.get("/search/suggest/?q=plumber", HTTP_HX_REQUEST="true").content.decode()
    assert 0 < html.count("<li>") <= 8
    html = client.get("/search/suggest/?q=xyzzyq", HTTP_HX_REQUEST="true").content.decode()
    assert "<li>" not in html and "No occupations match" in html
    html = client.get("/search/suggest/?q=n", HTTP_HX_REQUEST="true").content.decode()
    assert html.strip() == ""


def test_suggest_without_htmx_goes_to_the_results_page(client, real_data):
    response = client.get("/search/suggest/?q=nurse")
    assert response.status_code == 302
    assert response["Location"] == "/search/?q=nurse"
    assert client.get("/search/suggest/?q=nurse", follow=True).status_code == 200
    assert client.get("/es/search/suggest/?q=enfermera")["Location"] == "/es/search/?q=enfermera"


def test_search_query_counts_are_bounded(client, real_data, django_assert_max_num_queries):
    client.get("/search/?q=nurse")  # the word index is built once per process
    with django_assert_max_num_queries(6):
        assert client.get("/search/?q=nurse").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/search/suggest/?q=weld", HTTP_HX_REQUEST="true").status_code == 200
