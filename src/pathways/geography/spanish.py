"""The project's Spanish names of BLS OEWS areas (places_es.toml, a reviewed data file)."""

import tomllib
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

PLACES_ES = Path(__file__).with_name("places_es.toml")


@cache
def places() -> dict[str, dict[str, str]]:
    with PLACES_ES.open("rb") as file:
        return tomllib.load(file)


def local_area_name(area_code: str, english: str) -> str:
    """An OEWS area's name in the page's language."""
    if not (get_language() or "").startswith("es"):
        return english
    return places()["areas"].get(area_code, english)
