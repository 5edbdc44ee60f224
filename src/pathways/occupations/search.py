"""Occupation search over SOC titles and O*NET alternate and reported titles.

Every title is cut into normalised words (case, accents, apostrophes and plurals ignored)
and kept in memory, in a word index built once per process and rebuilt when O*NET or SOC
is reloaded. A query matches a title when each of its words begins a word of the title
("weld" finds "Welders"); common Spanish job words are read as their English equivalents
("enfermería" finds nurses). An occupation ranks by its best-matching title.
"""

import bisect
import difflib
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language

from pathways.core.text import fold
from pathways.datasets.models import DataSource
from pathways.occupations.models import NationalProjection, OnetOccupation, OnetTitle, SocCode

MIN_QUERY = 2
INDEXED_SOURCES = ("soc_2018", "onet", "bls_ep")
# Which kind of title matched, best first.
SOC_TITLE, ONET_TITLE, ALTERNATE, REPORTED = range(4)
KINDS: dict[str, int] = {OnetTitle.Kind.ALTERNATE: ALTERNATE, OnetTitle.Kind.REPORTED: REPORTED}

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


WORD = re.compile(r"[a-z0-9]+")
_singulars: dict[str, str] = {}


def words(text: str) -> tuple[str, ...]:
    """Normalised words: folded, apostrophes dropped, simple English plurals made singular."""
    folded = text.lower() if text.isascii() else fold(text)  # the same, faster, for ASCII
    folded = folded.replace("'", "").replace("\u2019", "")
    return tuple(_singular(w) for w in WORD.findall(folded))


def _singular(word: str) -> str:
    known = _singulars.get(word)
    if known is not None:
        return known
    single = word
    if len(word) > 4 and word.endswith("ies"):
        single = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        single = word[:-1]
    if len(_singulars) < 100_000:
        _singulars[word] = single
    return single


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


@dataclass(frozen=True)
class _Entry:
    soc: str
    title: str
    words: tuple[str, ...]
    kind: int
    spanish: bool = False


def _penalty(query_words: int, *, exact: bool, titled: bool, missing: int, starts: bool) -> int:
    """How far a matching title is from the best, in whole ranks; smaller is better.

    In order of weight: the title is the query exactly; fewer query words only begin one of
    its words (not matched whole, see `_whole`); it is the SOC or O*NET title rather than an
    alternate; its first word begins with the first query word. Each weight exceeds the sum
    of all lighter ones."""
    return (4 * query_words + 4) * (not exact) + 4 * missing + 2 * (not titled) + (not starts)


@dataclass
class _Index:
    entries: list[_Entry]
    # Entry numbers in the order that breaks ties: shorter titles first, then occupations
    # with more workers nationally, then titles before alternate and reported titles.
    by_rank: list[int]
    # For the search loop, by entry number: its words, its SOC, its place in `by_rank`.
    words: list[tuple[str, ...]]
    socs: list[str]
    rank: list[int]
    titled: list[bool]
    vocabulary: list[str]  # sorted distinct words
    postings: dict[str, list[int]]  # word -> entry numbers
    # For one-word queries: per word, each SOC's best score among the entries holding it,
    # as (SOC, score when the query is this word, when it is this word less an ending,
    # when it only begins it).
    single: dict[str, list[tuple[str, tuple[int, int, int]]]]
    titles: dict[str, str]  # detailed SOC -> title
    spanish: bool = False  # the index holds the Spanish titles and keywords

    def prefixed(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\uffff")
        return self.vocabulary[start:end]

    def score(self, number: int, penalty: int) -> int:
        """One number for sorting: the penalty, then the rank (recoverable as % span)."""
        return penalty * len(self.entries) + self.rank[number]


def _build_index(language: str = "en") -> _Index:
    titles = dict(SocCode.objects.filter(level=SocCode.Level.DETAILED).values_list("code", "title"))
    entries = [_Entry(soc, title, words(title), SOC_TITLE) for soc, title in titles.items()]
    if language == "es":
        entries += spanish_entries(set(titles))
    for soc, title in OnetOccupation.objects.values_list("soc_code", "title"):
        if soc in titles and words(title) != words(titles[soc]):
            entries.append(_Entry(soc, title, words(title), ONET_TITLE))
    seen = {(e.soc, e.words) for e in entries}
    for onet_code, title, kind in OnetTitle.objects.values_list("onet_code", "title", "kind"):
        soc, found = onet_code[:7], words(title)
        if soc in titles and found and (soc, found) not in seen:
            seen.add((soc, found))
            entries.append(_Entry(soc, title, found, KINDS.get(kind, REPORTED)))
    entries = [e for e in entries if e.words]
    postings: dict[str, list[int]] = {}
    for number, entry in enumerate(entries):
        for word in set(entry.words):
            postings.setdefault(word, []).append(number)
    zero = Decimal(0)
    employment = {
        soc: value or zero
        for soc, value in NationalProjection.objects.filter(soc_code__in=titles).values_list(
            "soc_code", "employment_2024"
        )
    }
    by_rank = sorted(
        range(len(entries)),
        key=lambda n: (
            len(entries[n].words),
            -employment.get(entries[n].soc, zero),
            entries[n].kind,
            entries[n].title,
        ),
    )
    rank = [0] * len(entries)
    for place, number in enumerate(by_rank):
        rank[number] = place
    index = _Index(
        entries=entries,
        by_rank=by_rank,
        words=[e.words for e in entries],
        socs=[e.soc for e in entries],
        rank=rank,
        titled=[e.kind <= ONET_TITLE for e in entries],
        vocabulary=sorted(postings),
        postings=postings,
        single={},
        titles=titles,
        spanish=language == "es",
    )
    index.single = {word: _single_word_scores(index, word) for word in postings}
    return index


def spanish_entries(socs: set[str]) -> list[_Entry]:
    """The project's Spanish titles and keywords, as entries of the word index."""
    from pathways.occupations.combined import combined_codes
    from pathways.occupations.spanish import titles as spanish_titles

    pages = socs | set(combined_codes())
    entries = []
    for code, spanish in spanish_titles().items():
        soc = code[:7]
        if soc not in pages:
            continue
        title = GENDER_ENDING.sub("", spanish.title)
        entries.append(_Entry(soc, spanish.title, words(title), SOC_TITLE, True))
        # Ranked with titles, ahead of O*NET's English alternate titles, on Spanish pages.
        entries += [_Entry(soc, word, words(word), ONET_TITLE, True) for word in spanish.keywords]
    return entries


# "Enfermeros(as)": the feminine ending in brackets is left out of the words searched.
GENDER_ENDING = re.compile(r"\((?:as|a|es)\)")


def _single_word_scores(index: _Index, word: str) -> list[tuple[str, tuple[int, int, int]]]:
    """`_Index.single` for one word: the scores `search` would give, computed once.

    `_penalty` is a sum of independent terms, so each term is worked out once here."""
    span, alone = len(index.entries), (word,)
    not_exact = _penalty(1, exact=False, titled=True, missing=0, starts=True)
    only_begun = _penalty(1, exact=True, titled=True, missing=1, starts=True)
    untitled = _penalty(1, exact=True, titled=False, missing=0, starts=True)
    not_first = _penalty(1, exact=True, titled=True, missing=0, starts=False)
    found_words, titled, socs, rank = index.words, index.titled, index.socs, index.rank
    best: dict[str, list[int]] = {}
    for number in index.postings[word]:
        found = found_words[number]
        penalty = (not titled[number]) * untitled + (found[0] != word) * not_first
        inexact = (penalty + not_exact) * span + rank[number]
        exact = penalty * span + rank[number] if found == alone else inexact
        old = best.get(socs[number])
        if old is None:
            best[socs[number]] = [exact, inexact]
        else:
            old[0], old[1] = min(old[0], exact), min(old[1], inexact)
    return [(soc, (e, i, i + only_begun * span)) for soc, (e, i) in best.items()]


_lock = threading.Lock()
_cache: dict[str, object] = {}


def _index(language: str = "en") -> _Index:
    """The word index for the loaded data (and the language's own titles); one query to
    check it is current."""
    version = tuple(
        DataSource.objects.filter(slug__in=INDEXED_SOURCES)
        .order_by("slug")
        .values_list("slug", "loaded_at")
    )
    with _lock:
        if _cache.get(f"version-{language}") != version or language not in _cache:
            _cache[language] = _build_index(language)
            _cache[f"version-{language}"] = version
        index = _cache[language]
    assert isinstance(index, _Index)
    return index


def _interpret(index: _Index, query_words: Iterable[str]) -> tuple[list[str], dict[str, str]]:
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
            word = _singular(english)
        result[word] = None
    return list(result), translated


def search(query: str, limit: int = 10, offset: int = 0, language: str = "") -> SearchResult:
    """Occupations whose title, O*NET title, or an alternate or reported title matches.

    Each query word must begin a word of the title; the occupation ranks by its best title
    (see `_penalty`, then `_Index.by_rank`). In Spanish (the page's language by default) the
    project's Spanish titles and keywords count too. `offset` skips the first hits (paging)."""
    if len(fold(query)) < MIN_QUERY:
        return SearchResult(query, [], 0)
    index = _index(_language(language))
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


def _best_one_word(index: _Index, query: str, matching: list[str]) -> dict[str, int]:
    best: dict[str, int] = {}
    for word in matching:
        column = 0 if word == query else 1 if _whole(word, query) else 2
        for soc, scores in index.single[word]:
            score = scores[column]
            if score < best.get(soc, score + 1):
                best[soc] = score
    return best


def _best_many_words(
    index: _Index, query_words: list[str], matching: list[list[str]]
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
            penalty = _penalty(
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
    index = _index(_language(language))
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
