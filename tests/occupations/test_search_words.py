"""The project's Spanish job words for search (occupations/spanish/search_words.toml)."""

import tomllib

import pytest

from pathways.occupations.search_index import words
from pathways.occupations.search_spanish import WORDS_PATH, gender_key, job_word


@pytest.mark.parametrize(
    ("one", "other"),
    [("enfermera", "enfermero"), ("soldadora", "soldador"), ("doctora", "doctor")],
)
def test_the_gender_key_joins_feminine_and_masculine(one, other):
    assert gender_key(one) == gender_key(other)


def test_plurals_reach_the_same_key_through_the_search_words():
    assert {gender_key(w) for w in words("soldadores soldadoras soldador")} == {"soldador"}


def test_short_words_keep_their_ending():
    assert gender_key("casa") != gender_key("caso")


def test_forms_and_feminines_lead_to_their_job_word():
    assert job_word("soldadura").word == "soldador"
    assert job_word("soldadora").word == "soldador"
    assert job_word("plomera").word == "plomero"
    assert job_word("zzzz") is None


def test_the_file_is_attributed_and_every_word_is_one_word():
    text = WORDS_PATH.read_text(encoding="utf-8")
    assert "New Mexico Career Pathways" in text.splitlines()[0]
    for name, entry in tomllib.loads(text).items():
        assert set(entry) <= {"forms", "english"} and entry.get("english"), name
        for word in [*entry.get("forms", ()), *entry["english"]]:
            assert len(words(word)) == 1, (name, word)
