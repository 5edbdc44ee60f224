"""Spanish job words for occupation search: the reviewed word list
(`spanish/search_words.toml`) and the gender- and number-blind form of a Spanish word.

A query word such as "soldadora" is the job word "soldador"; it finds what its own letters
find, and then what the word list's Spanish forms ("soldadura") and English words
("welder", "brazing") find. `occupations.search` ranks the second kind after the first.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pathways.core.text import fold

WORDS_PATH = Path(__file__).parent / "spanish" / "search_words.toml"
MIN_GENDERED = 5  # shorter words keep their last letter ("casa" is not "caso")


def gender_key(word: str) -> str:
    """A folded, singular word without its gender ending: "enfermera", "enfermero" and
    "enfermeros" (already made singular: "enfermero") are all "enfermer"; "soldadora" and
    "soldadore" (from "soldadores") are "soldador"."""
    if len(word) >= MIN_GENDERED and word[-1] in "aoe":
        return word[:-1]
    return word


@dataclass(frozen=True)
class JobWord:
    word: str  # folded masculine singular, e.g. "soldador"
    forms: tuple[str, ...]  # other folded Spanish words it also finds
    english: tuple[str, ...]  # the English title words it also finds

    @property
    def also(self) -> tuple[str, ...]:
        return (self.word, *self.forms, *self.english)


def _folded_singular(text: str) -> str:
    from pathways.occupations.search_index import singular

    return singular(fold(text).replace("'", ""))


@cache
def job_words() -> dict[str, JobWord]:
    """Every job word, by the gender key of the word and of each of its Spanish forms."""
    with WORDS_PATH.open("rb") as file:
        data = tomllib.load(file)
    by_key: dict[str, JobWord] = {}
    for name, entry in data.items():
        job = JobWord(
            _folded_singular(name),
            tuple(_folded_singular(f) for f in entry.get("forms", ())),
            tuple(_folded_singular(e) for e in entry.get("english", ())),
        )
        for spelling in (job.word, *job.forms):
            by_key.setdefault(gender_key(spelling), job)  # the word's own table wins
        by_key[gender_key(job.word)] = job
    return by_key


def job_word(word: str) -> JobWord | None:
    """The job word a folded, singular query word is a form of, if any."""
    return job_words().get(gender_key(word))


def job_words_starting(prefix: str) -> list[JobWord]:
    """Job words whose word begins with a word being typed ("solda" -> soldador)."""
    found = {j.word: j for j in job_words().values() if j.word.startswith(prefix)}
    return [found[w] for w in sorted(found)]
