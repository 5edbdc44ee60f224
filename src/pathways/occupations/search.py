"""Occupation search over SOC titles and O*NET alternate and reported titles.

Every title is cut into normalised words (case, accents, apostrophes and plurals ignored)
and kept in memory, in a word index built once per process and rebuilt when O*NET or SOC
is reloaded. A query matches a title when each of its words begins a word of the title
("weld" finds "Welders"); common Spanish job words are read as their English equivalents
("enfermería" finds nurses). An occupation ranks by its best-matching title.
This module reads and ranks queries; the index is built in `search_index`.
"""

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import get_language

from pathways.core.text import fold
from pathways.occupations.search_index import (
    SOC_TITLE,
    WordIndex,
    singular,
    title_penalty,
    word_index,
    words,
)

MIN_QUERY = 2
# Spanish job words (folded) and the English word the titles use. Applied to whole words,
# and to the beginning of a word that matches no English title word (typeahead).
SPANISH: dict[str, str] = {
    "abogado": "lawyer",
    "abogada": "lawyer",
    "agricultor": "farmer",
    "albanil": "mason",
    "arquitecto": "architect",
    "arquitecta": "architect",
    "bombero": "firefighter",
    "bombera": "firefighter",
    "camionero": "truck",
    "carpintero": "carpenter",
    "carpintera": "carpenter",
    "chef": "chef",
    "cocinero": "cook",
    "cocinera": "cook",
    "contador": "accountant",
    "contadora": "accountant",
    "dentista": "dentist",
    "disenador": "designer",
    "disenadora": "designer",
    "electricista": "electrician",
    "enfermera": "nurse",
    "enfermero": "nurse",
    "enfermeria": "nurse",
    "farmaceutico": "pharmacist",
    "farmaceutica": "pharmacist",
    "fontanero": "plumber",
    "ganadero": "rancher",
    "ingeniero": "engineer",
    "ingeniera": "engineer",
    "ingenieria": "engineer",
    "maestro": "teacher",
    "maestra": "teacher",
    "mecanico": "mechanic",
    "mecanica": "mechanic",
    "medico": "physician",
    "medica": "physician",
    "mesero": "waiter",
    "mesera": "waitress",
    "minero": "miner",
    "panadero": "baker",
    "panadera": "baker",
    "peluquero": "hairdresser",
    "peluquera": "hairdresser",
    "periodista": "reporter",
    "piloto": "pilot",
    "plomero": "plumber",
    "policia": "police",
    "profesor": "teacher",
    "profesora": "teacher",
    "programador": "programmer",
    "programadora": "programmer",
    "psicologo": "psychologist",
    "psicologa": "psychologist",
    "secretario": "secretary",
    "secretaria": "secretary",
    "soldador": "welder",
    "soldadora": "welder",
    "soldadura": "welder",
    "veterinario": "veterinarian",
    "veterinaria": "veterinarian",
}
SPANISH_PLURALS = {f"{word}s": english for word, english in SPANISH.items()}


WORD_ENDINGS = ("", "r", "er", "ing", "ed", "d")


def _whole(word: str, query: str) -> bool:
    """The title word (which begins with the query word) is it, or it with a common ending."""
    return word[len(query) :] in WORD_ENDINGS


@dataclass(frozen=True)
class SearchHit:
    soc: str
    title: str
    matched_title: str  # the alternate or reported title that matched, if not the title itself
    matched_in_spanish: bool = False  # the match is one of the project's Spanish keywords


@dataclass
class SearchResult:
    query: str
    hits: list[SearchHit]
    total: int  # occupations matched, of which `hits` are the first
    # Spanish words read as English, e.g. {"enfermeria": "nurse"}.
    translated: dict[str, str] = field(default_factory=dict)


def _interpret(index: WordIndex, query_words: Iterable[str]) -> tuple[list[str], dict[str, str]]:
    """The query's words, Spanish job words replaced by the English the titles use."""
    result: dict[str, None] = {}
    translated = {}
    for word in query_words:
        english = SPANISH.get(word) or SPANISH_PLURALS.get(word)
        if english is not None and index.spanish and index.prefixed(word):
            english = None  # the Spanish titles have the word itself
        if english is None and len(word) >= 4 and not index.prefixed(word):
            matches = sorted({e for s, e in SPANISH.items() if s.startswith(word)})
            english = matches[0] if len(matches) == 1 else None
        if english is not None and english != word:
            translated[word] = english
            word = singular(english)
        result[word] = None
    return list(result), translated


def search(query: str, limit: int = 10, offset: int = 0, language: str = "") -> SearchResult:
    """Occupations whose title, O*NET title, or an alternate or reported title matches.

    Each query word must begin a word of the title; the occupation ranks by its best title
    (see `title_penalty`, then `WordIndex.by_rank`). In Spanish (the page's language by default) the
    project's Spanish titles and keywords count too. `offset` skips the first hits (paging)."""
    if len(fold(query)) < MIN_QUERY:
        return SearchResult(query, [], 0)
    index = word_index(_language(language))
    query_words, translated = _interpret(index, words(query))
    matching = [index.prefixed(w) for w in query_words]
    if not query_words or not all(matching):
        return SearchResult(query, [], 0, translated)
    best = _best_one_word(index, query_words[0], matching[0]) if len(query_words) == 1 else {}
    if len(query_words) > 1:
        best = _best_many_words(index, query_words, matching)
    span = len(index.entries)
    hits = []
    for soc, score in sorted(best.items(), key=lambda item: item[1])[offset : offset + limit]:
        entry = index.entries[index.by_rank[score % span]]
        hits.append(
            SearchHit(
                soc,
                index.titles.get(soc, entry.title),
                "" if entry.kind == SOC_TITLE else entry.title,
                entry.spanish,
            )
        )
    return SearchResult(query, hits, len(best), translated)


def _best_one_word(index: WordIndex, query: str, matching: list[str]) -> dict[str, int]:
    best: dict[str, int] = {}
    for word in matching:
        column = 0 if word == query else 1 if _whole(word, query) else 2
        for soc, scores in index.single[word]:
            score = scores[column]
            if score < best.get(soc, score + 1):
                best[soc] = score
    return best


def _best_many_words(
    index: WordIndex, query_words: list[str], matching: list[list[str]]
) -> dict[str, int]:
    """Entries holding the rarest query word, kept when every other word begins one too."""
    sizes = [sum(len(index.postings[word]) for word in words) for words in matching]
    rarest = min(range(len(query_words)), key=sizes.__getitem__)
    others = [w for i, w in enumerate(query_words) if i != rarest]
    exact, first, wanted = tuple(query_words), query_words[0], set(query_words)
    best: dict[str, int] = {}
    for word in matching[rarest]:
        for number in index.postings[word]:
            found = index.words[number]
            if not all(any(w.startswith(o) for w in found) for o in others):
                continue
            penalty = title_penalty(
                len(query_words),
                exact=found == exact,
                titled=index.titled[number],
                missing=sum(not any(_whole(w, q) for w in found) for q in wanted),
                starts=found[0].startswith(first),
            )
            score, soc = index.score(number, penalty), index.socs[number]
            if score < best.get(soc, score + 1):
                best[soc] = score
    return best


def search_occupations(query: str, limit: int = 10, language: str = "") -> list[SearchHit]:
    """Titles first, then O*NET alternate and reported titles; case and accents ignored."""
    return search(query, limit, language=language).hits


def _language(language: str) -> str:
    return "es" if (language or get_language() or "").startswith("es") else "en"


def spelling_suggestion(query: str, language: str = "") -> str:
    """The query with each word that matches no title replaced by the closest one, or ""."""
    index = word_index(_language(language))
    fixed, changed = [], False
    for word in words(query):
        if index.prefixed(word) or word in SPANISH or word in SPANISH_PLURALS:
            fixed.append(word)
            continue
        same_start = [*index.prefixed(word[:1]), *(s for s in SPANISH if s[:1] == word[:1])]
        pool = [v for v in same_start if abs(len(v) - len(word)) <= 2]
        close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75)
        if close:
            fixed.append(close[0])
            changed = True
        else:
            fixed.append(word)
    return " ".join(fixed) if changed else ""
