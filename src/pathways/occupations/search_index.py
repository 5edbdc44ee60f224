"""The word index occupation search runs on: every SOC title, O*NET title and O*NET
alternate and reported title (and, for Spanish pages, the project's Spanish titles and
keywords) cut into normalised words, ranked once, and kept in memory per process until
O*NET, SOC or the projections are reloaded. The query side is `occupations.search`."""

import bisect
import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal

from pathways.core.text import fold
from pathways.datasets.models import DataSource
from pathways.occupations.models import NationalProjection, OnetOccupation, OnetTitle, SocCode
from pathways.occupations.search_spanish import gender_key

INDEXED_SOURCES = ("soc_2018", "onet", "bls_ep")
# Which kind of title matched, best first.
SOC_TITLE, ONET_TITLE, ALTERNATE, REPORTED = range(4)
KINDS: dict[str, int] = {OnetTitle.Kind.ALTERNATE: ALTERNATE, OnetTitle.Kind.REPORTED: REPORTED}

WORD = re.compile(r"[a-z0-9]+")
_singulars: dict[str, str] = {}


def words(text: str) -> tuple[str, ...]:
    """Normalised words: folded, apostrophes dropped, simple English plurals made singular."""
    folded = text.lower() if text.isascii() else fold(text)  # the same, faster, for ASCII
    folded = folded.replace("'", "").replace("\u2019", "")
    return tuple(singular(w) for w in WORD.findall(folded))


def singular(word: str) -> str:
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


@dataclass(frozen=True)
class Entry:
    soc: str
    title: str
    words: tuple[str, ...]
    kind: int
    spanish: bool = False


def title_penalty(
    query_words: int, *, exact: bool, titled: bool, missing: int, starts: bool
) -> int:
    """How far a matching title is from the best, in whole ranks; smaller is better.

    In order of weight: the title is the query exactly; fewer query words only begin one of
    its words (not matched whole, see `search._whole`); it is the SOC or O*NET title rather
    than an alternate; its first word begins with the first query word. Each weight exceeds the sum
    of all lighter ones."""
    return (4 * query_words + 4) * (not exact) + 4 * missing + 2 * (not titled) + (not starts)


@dataclass
class WordIndex:
    entries: list[Entry]
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
    # Spanish pages: vocabulary words by their gender key ("enfermer": enfermera, enfermero).
    gendered: dict[str, list[str]] = field(default_factory=dict)

    def prefixed(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\uffff")
        return self.vocabulary[start:end]

    def score(self, number: int, penalty: int) -> int:
        """One number for sorting: the penalty, then the rank (recoverable as % span)."""
        return penalty * len(self.entries) + self.rank[number]


def _build_index(language: str = "en") -> WordIndex:
    titles = dict(SocCode.objects.filter(level=SocCode.Level.DETAILED).values_list("code", "title"))
    entries = [Entry(soc, title, words(title), SOC_TITLE) for soc, title in titles.items()]
    if language == "es":
        entries += spanish_entries(set(titles))
    for soc, title in OnetOccupation.objects.values_list("soc_code", "title"):
        if soc in titles and words(title) != words(titles[soc]):
            entries.append(Entry(soc, title, words(title), ONET_TITLE))
    seen = {(e.soc, e.words) for e in entries}
    for onet_code, title, kind in OnetTitle.objects.values_list("onet_code", "title", "kind"):
        soc, found = onet_code[:7], words(title)
        if soc in titles and found and (soc, found) not in seen:
            seen.add((soc, found))
            entries.append(Entry(soc, title, found, KINDS.get(kind, REPORTED)))
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
    index = WordIndex(
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
    if index.spanish:
        for word in index.vocabulary:
            index.gendered.setdefault(gender_key(word), []).append(word)
    return index


def spanish_entries(socs: set[str]) -> list[Entry]:
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
        entries.append(Entry(soc, spanish.title, words(title), SOC_TITLE, True))
        # Ranked with titles, ahead of O*NET's English alternate titles, on Spanish pages.
        entries += [Entry(soc, word, words(word), ONET_TITLE, True) for word in spanish.keywords]
    return entries


# "Enfermeros(as)": the feminine ending in brackets is left out of the words searched.
GENDER_ENDING = re.compile(r"\((?:as|a|es)\)")


def _single_word_scores(index: WordIndex, word: str) -> list[tuple[str, tuple[int, int, int]]]:
    """`WordIndex.single` for one word: the scores `search` would give, computed once.

    `title_penalty` is a sum of independent terms, so each term is worked out once here."""
    span, alone = len(index.entries), (word,)
    not_exact = title_penalty(1, exact=False, titled=True, missing=0, starts=True)
    only_begun = title_penalty(1, exact=True, titled=True, missing=1, starts=True)
    untitled = title_penalty(1, exact=True, titled=False, missing=0, starts=True)
    not_first = title_penalty(1, exact=True, titled=True, missing=0, starts=False)
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


def word_index(language: str = "en") -> WordIndex:
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
    assert isinstance(index, WordIndex)
    return index
