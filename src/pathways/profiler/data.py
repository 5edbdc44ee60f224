"""The profiler's and the cluster survey's texts (items.toml), read once, in both languages.

Texts are `Bilingual` values: rendering one (`str()`, or `{{ item.text }}` in a template)
gives the language of the current request, so views pass them to templates unchanged.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

ITEMS_PATH = Path(__file__).with_name("items.toml")
AREAS = "RIASEC"
ITEMS_PER_AREA = 10
SHORT_ITEMS_PER_AREA = 5
SURVEY_SECTIONS = ("activity", "quality", "subject")


def current_language() -> str:
    return "es" if (get_language() or "en").startswith("es") else "en"


@dataclass(frozen=True)
class Bilingual:
    en: str
    es: str

    def __str__(self) -> str:
        return self.es if current_language() == "es" else self.en


@dataclass(frozen=True)
class Area:
    code: str  # one RIASEC letter
    name: Bilingual
    nickname: Bilingual
    explanation: Bilingual


@dataclass(frozen=True)
class Item:
    id: str
    area: str
    short: bool
    text: Bilingual


@dataclass(frozen=True)
class Choice:
    value: int
    label: Bilingual


@dataclass(frozen=True)
class SurveyItem:
    id: str
    section: str  # activity | quality | subject
    clusters: tuple[str, ...]  # 2024 cluster codes
    text: Bilingual


@dataclass(frozen=True)
class Instrument:
    scale: tuple[Choice, ...]
    areas: dict[str, Area]
    items: tuple[Item, ...]  # questionnaire order: one item per area in turn
    clusters: dict[str, Bilingual]  # 2024 cluster code -> name
    survey: tuple[SurveyItem, ...]

    def questionnaire(self, short: bool = False) -> tuple[Item, ...]:
        """The items in the order they are asked (and `answers` are given)."""
        return tuple(i for i in self.items if i.short) if short else self.items


def parse_instrument(text: str) -> Instrument:
    data = tomllib.loads(text)
    scale = tuple(Choice(c["value"], Bilingual(c["en"], c["es"])) for c in data["scale"])
    areas = {
        code: Area(
            code,
            Bilingual(a["name_en"], a["name_es"]),
            Bilingual(a["nickname_en"], a["nickname_es"]),
            Bilingual(a["explain_en"], a["explain_es"]),
        )
        for code, a in data["areas"].items()
    }
    by_area: dict[str, list[Item]] = {}
    for i in data["items"]:
        item = Item(i["id"], i["area"], bool(i["short"]), Bilingual(i["en"], i["es"]))
        by_area.setdefault(item.area, []).append(item)
    # Asked in turns, one item of each area, so no area comes in a run.
    rounds = max((len(v) for v in by_area.values()), default=0)
    items = tuple(
        by_area[area][n] for n in range(rounds) for area in AREAS if n < len(by_area.get(area, []))
    )
    extra = set(by_area) - set(AREAS)
    if extra:
        raise ValueError(f"items.toml: unknown areas {sorted(extra)}")
    clusters = {code: Bilingual(c["en"], c["es"]) for code, c in data["clusters"].items()}
    survey = tuple(
        SurveyItem(s["id"], s["section"], tuple(s["clusters"]), Bilingual(s["en"], s["es"]))
        for s in data["survey"]
    )
    return Instrument(scale, {a: areas[a] for a in AREAS}, items, clusters, survey)


@cache
def instrument() -> Instrument:
    return parse_instrument(ITEMS_PATH.read_text(encoding="utf-8"))
