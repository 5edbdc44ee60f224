"""The items file: complete, in both languages, balanced, and in plain language."""

import re
from collections import Counter

import pytest

from pathways.framework.models import Cluster, Framework
from pathways.profiler.data import (
    AREAS,
    ITEMS_PER_AREA,
    SHORT_ITEMS_PER_AREA,
    SURVEY_SECTIONS,
    Bilingual,
    instrument,
)
from pathways.profiler.survey import possible_checks

CLUSTERS_2024 = {
    "advanced-manufacturing",
    "agriculture",
    "arts-entertainment-design",
    "construction",
    "digital-technology",
    "education",
    "energy-natural-resources",
    "financial-services",
    "healthcare-human-services",
    "hospitality-events-tourism",
    "management-entrepreneurship",
    "marketing-sales",
    "public-service-safety",
    "supply-chain-transportation",
}


def bilingual_texts() -> list[tuple[str, Bilingual]]:
    data = instrument()
    texts: list[tuple[str, Bilingual]] = [(f"scale {c.value}", c.label) for c in data.scale]
    for area in data.areas.values():
        texts += [
            (f"area {area.code} name", area.name),
            (f"area {area.code} nickname", area.nickname),
            (f"area {area.code} explanation", area.explanation),
        ]
    texts += [(f"item {i.id}", i.text) for i in data.items]
    texts += [(f"cluster {code}", name) for code, name in data.clusters.items()]
    texts += [(f"survey {s.id}", s.text) for s in data.survey]
    return texts


def test_every_text_has_english_and_spanish():
    problems = []
    for where, text in bilingual_texts():
        if not text.en.strip() or not text.es.strip():
            problems.append(f"{where}: a language is missing")
        elif text.en.strip() == text.es.strip() and where != "area S name":  # "Social" both
            problems.append(f"{where}: the Spanish text is the English one")
    assert problems == []
    assert len(bilingual_texts()) == 5 + 6 * 3 + 60 + 14 + len(instrument().survey)


def test_each_area_has_ten_items_five_of_them_short():
    items = instrument().items
    assert len(items) == 60
    assert Counter(i.area for i in items) == dict.fromkeys(AREAS, ITEMS_PER_AREA)
    assert Counter(i.area for i in items if i.short) == dict.fromkeys(AREAS, SHORT_ITEMS_PER_AREA)
    assert len({i.id for i in items}) == 60
    assert len({i.text.en for i in items}) == 60
    assert len({i.text.es for i in items}) == 60


def test_questionnaires_take_the_areas_in_turns():
    full = instrument().questionnaire()
    short = instrument().questionnaire(short=True)
    assert len(short) == 30
    assert "".join(i.area for i in full) == AREAS * 10
    assert "".join(i.area for i in short) == AREAS * 5
    assert [i.id for i in full[:7]] == ["R1", "I1", "A1", "S1", "E1", "C1", "R2"]


def test_scale_runs_from_strongly_dislike_to_strongly_like():
    scale = instrument().scale
    assert [c.value for c in scale] == [0, 1, 2, 3, 4]
    assert scale[0].label.en == "Strongly dislike"
    assert scale[-1].label.en == "Strongly like"


def syllables(word: str) -> int:
    """A rough English syllable count: groups of vowels, less a silent final e."""
    word = word.lower().strip("'’")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", re.sub(r"^y", "", word))))


def flesch_kincaid_grade(sentences: list[str]) -> float:
    words = [w for s in sentences for w in re.findall(r"[A-Za-z'’]+", s)]
    return (
        0.39 * len(words) / len(sentences)
        + 11.8 * sum(syllables(w) for w in words) / len(words)
        - 15.59
    )


def test_texts_are_plain_language():
    """About an 8th-grade reading level or easier (Flesch-Kincaid), and short items."""
    data = instrument()
    for item in data.items:
        for text in (item.text.en, item.text.es):
            assert len(re.findall(r"[\w'’-]+", text)) <= 16, f"{item.id}: {text}"
            assert text.endswith("."), f"{item.id}: {text}"
    assert flesch_kincaid_grade([i.text.en for i in data.items]) <= 6
    assert flesch_kincaid_grade([a.explanation.en for a in data.areas.values()]) <= 8
    assert flesch_kincaid_grade([s.text.en for s in data.survey if s.section != "subject"]) <= 6


def test_survey_items_point_to_2024_clusters_evenly():
    data = instrument()
    assert set(data.clusters) == CLUSTERS_2024
    assert {s.section for s in data.survey} == set(SURVEY_SECTIONS)
    assert len({s.id for s in data.survey}) == len(data.survey)
    for item in data.survey:
        assert item.clusters, item.id
        assert set(item.clusters) <= CLUSTERS_2024, item.id
    # Every cluster can collect the same number of checks, so ranking by count is fair.
    assert set(possible_checks().values()) == {7}
    activities = Counter(c for s in data.survey if s.section == "activity" for c in s.clusters)
    assert activities == dict.fromkeys(CLUSTERS_2024, 3)


@pytest.mark.mirror
@pytest.mark.django_db
def test_survey_cluster_codes_are_the_loaded_2024_clusters(real_data):
    loaded = set(Cluster.objects.filter(framework=Framework.MODERN).values_list("code", flat=True))
    assert loaded == CLUSTERS_2024 == set(instrument().clusters)
