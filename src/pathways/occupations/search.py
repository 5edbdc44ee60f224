"""Occupation search over SOC titles and O*NET alternate and reported titles.

Every title is cut into normalised words (case, accents, apostrophes and plurals ignored)
and kept in memory, in a word index built once per process and rebuilt when O*NET or SOC
is reloaded. A query matches a title when each of its words begins a word of the title
("weld" finds "Welders"). A Spanish job word (`search_spanish`) also finds its other forms
and the English words the titles use ("soldadora" finds Welders first, then welding machine
operators and brazers); feminine and masculine forms are the same word on Spanish pages.
An occupation ranks by its best-matching title.
This module reads and ranks queries; the index is built in `search_index`.
"""

import difflib
from dataclasses import dataclass, field

from django.utils.translation import get_language

from pathways.core.text import fold
from pathways.occupations.search_index import (
    SOC_TITLE,
    WordIndex,
    title_penalty,
    word_index,
    words,
)
from pathways.occupations.search_spanish import (
    JobWord,
    gender_key,
    job_word,
    job_words,
    job_words_starting,
)

MIN_QUERY = 2


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


# How a vocabulary word matches a query word: (found only through the query's job word,
# column of `WordIndex.single`: 0 the word itself, 1 it with an ending, 2 it only begins so).
Match = tuple[bool, int]


def _column(word: str, query: str) -> int:
    return 0 if word == query else 1 if _whole(word, query) else 2


def _matches(index: WordIndex, word: str) -> tuple[dict[str, Match], JobWord | None]:
    """The vocabulary words a query word matches, and the job word it is a form of."""
    found: dict[str, Match] = {}

    def add(spelling: str, also: bool, least: int = 0) -> None:
        # The other gender of the word ("maestro" for "maestra") counts as the word with an
        # ending, so "maestra suplente" ranks above an English title that is just "Maestro".
        gendered = [(w, 1) for w in index.gendered.get(gender_key(spelling), ()) if w != spelling]
        begun = [(w, _column(w, spelling)) for w in index.prefixed(spelling)]
        for vocabulary_word, column in (*begun, *gendered):
            match = (also, max(column, least))
            found[vocabulary_word] = min(found.get(vocabulary_word, match), match)

    add(word, False)
    job = job_word(word)
    if job is None and not found and len(word) >= 4:
        typed = job_words_starting(word)  # a job word being typed: "solda"
        job = typed[0] if len(typed) == 1 else None
    if job is None:
        return found, None
    # A word that finds nothing itself (a Spanish word on an English page) is read as its
    # job word's words; otherwise its other Spanish forms count as it with an ending, and
    # its English words rank after everything the Spanish finds.
    also = bool(found)
    for spelling in (job.word, *job.forms):
        add(spelling, False, least=0 if spelling == word or not also else 1)
    for spelling in job.english:
        add(spelling, also)
    return found, job


def _also_penalty(query_words: int) -> int:
    """More than any `title_penalty`: matches through a job word rank after the others."""
    worst = title_penalty(query_words, exact=False, titled=False, missing=query_words, starts=False)
    return worst + 1


def search(query: str, limit: int = 10, offset: int = 0, language: str = "") -> SearchResult:
    """Occupations whose title, O*NET title, or an alternate or reported title matches.

    Each query word must begin a word of the title (or be a form of the same Spanish job
    word); the occupation ranks by its best title (see `title_penalty`, then
    `WordIndex.by_rank`). In Spanish (the page's language by default) the project's Spanish
    titles and keywords count too. `offset` skips the first hits (paging)."""
    if len(fold(query)) < MIN_QUERY:
        return SearchResult(query, [], 0)
    index = word_index(_language(language))
    query_words = list(dict.fromkeys(words(query)))
    matching, translated = [], {}
    for word in query_words:
        found, job = _matches(index, word)
        matching.append(found)
        if job and job.english and any(index.prefixed(e) for e in job.english):
            translated[word] = ", ".join(job.english)
    if not query_words or not all(matching):
        return SearchResult(query, [], 0, translated)
    if len(query_words) == 1:
        best = _best_one_word(index, matching[0])
    else:
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


def _best_one_word(index: WordIndex, matching: dict[str, Match]) -> dict[str, int]:
    best: dict[str, int] = {}
    later = _also_penalty(1) * len(index.entries)
    for word, (also, column) in matching.items():
        for soc, scores in index.single[word]:
            score = scores[column] + also * later
            if score < best.get(soc, score + 1):
                best[soc] = score
    return best


def _best_many_words(
    index: WordIndex, query_words: list[str], matching: list[dict[str, Match]]
) -> dict[str, int]:
    """Entries holding the rarest query word, kept when every other word matches one too."""
    sizes = [sum(len(index.postings[word]) for word in words) for words in matching]
    rarest = min(range(len(query_words)), key=sizes.__getitem__)
    exact, count = tuple(query_words), len(query_words)
    later = _also_penalty(count)
    best: dict[str, int] = {}
    for word in matching[rarest]:
        for number in index.postings[word]:
            found = index.words[number]
            per_word = [min((m[w] for w in found if w in m), default=None) for m in matching]
            if None in per_word:
                continue
            first = matching[0].get(found[0])
            penalty = title_penalty(
                count,
                exact=found == exact,
                titled=index.titled[number],
                missing=sum(m[1] == 2 for m in per_word if m),
                starts=first is not None and not first[0],
            ) + later * any(m[0] for m in per_word if m)
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
        if index.prefixed(word) or job_word(word) is not None:
            fixed.append(word)
            continue
        spanish = {j.word for j in job_words().values() if j.word[:1] == word[:1]}
        same_start = [*index.prefixed(word[:1]), *sorted(spanish)]
        pool = [v for v in same_start if abs(len(v) - len(word)) <= 2]
        close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75)
        if close:
            fixed.append(close[0])
            changed = True
        else:
            fixed.append(word)
    return " ".join(fixed) if changed else ""
