"""The project's own Spanish occupation content: reviewed data files, read by the Spanish pages.

titles/, descriptions/ and tasks/ hold one file per SOC major group, keyed by O*NET-SOC code
("29-1141.00") or by BLS combined code ("25-9045"); cip/ holds one file per CIP 2020 series
("51.toml"), keyed by CIP code ("51.3801"); job_zones.toml names the five O*NET Job
Zones (place names are in geography/places_es.toml). The database keeps the published
English; pages call the `local_*` functions, which answer in the page's language.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

HERE = Path(__file__).parent


@dataclass(frozen=True)
class SpanishTitle:
    title: str
    keywords: tuple[str, ...]


def is_spanish() -> bool:
    return (get_language() or "").startswith("es")


def _merged(kind: str) -> dict[str, dict]:
    entries: dict[str, dict] = {}
    for path in sorted((HERE / kind).glob("*.toml")):
        with path.open("rb") as file:
            entries.update(tomllib.load(file))
    return entries


def _toml(name: str) -> dict:
    with (HERE / name).open("rb") as file:
        return tomllib.load(file)


@cache
def titles() -> dict[str, SpanishTitle]:
    """Every Spanish title, by O*NET-SOC code or BLS combined code."""
    return {
        code: SpanishTitle(entry["title"], tuple(entry.get("keywords", ())))
        for code, entry in _merged("titles").items()
    }


@cache
def descriptions() -> dict[str, str]:
    return {code: entry["description"] for code, entry in _merged("descriptions").items()}


@cache
def tasks() -> dict[str, dict[int, str]]:
    """Spanish task statements by O*NET-SOC code, then by O*NET task id."""
    return {
        code: {int(task_id): text for task_id, text in entries.items()}
        for code, entries in _merged("tasks").items()
    }


@cache
def cip_titles() -> dict[str, str]:
    """Spanish titles of CIP 2020 programs, by CIP code ("51.3801")."""
    return {code: entry["title"] for code, entry in _merged("cip").items()}


@cache
def job_zones() -> dict[int, dict[str, str]]:
    return {int(number): zone for number, zone in _toml("job_zones.toml").items()}


def _onet_code(code: str) -> str:
    """An SOC code's O*NET-SOC code ("29-1141" -> "29-1141.00"); other codes unchanged."""
    return f"{code}.00" if len(code) == 7 else code


def title_es(code: str) -> str:
    """The Spanish title of an SOC, O*NET-SOC or BLS combined code, or ""."""
    found = titles().get(_onet_code(code)) or titles().get(code)
    return found.title if found else ""


def description_es(code: str) -> str:
    return descriptions().get(_onet_code(code), "")


def local_title(code: str, english: str) -> str:
    """The title in the page's language: Spanish where there is one, else English."""
    return (title_es(code) or english) if is_spanish() else english


def cip_title_es(code: str) -> str:
    return cip_titles().get(code, "")


def local_description(code: str, english: str) -> str:
    return (description_es(code) or english) if is_spanish() else english


def local_tasks(onet_code: str, english: dict[int, str]) -> list[tuple[str, bool]]:
    """Task statements in the page's language, each with True when it is the Spanish text."""
    spanish = tasks().get(onet_code, {}) if is_spanish() else {}
    return [
        (spanish[task_id], True) if task_id in spanish else (text, False)
        for task_id, text in english.items()
    ]


def local_job_zone(number: int, english: str) -> str:
    """The Job Zone's name without its number ("preparación media"); pages add the number."""
    zone = job_zones().get(number) if is_spanish() else None
    return zone["name"].partition(": ")[2] or zone["name"] if zone else english
