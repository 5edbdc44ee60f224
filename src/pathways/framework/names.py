"""Cluster and sub-cluster names in the page's language.

The frameworks publish English names only; names_es.toml holds the project's own Spanish
names, keyed by code. The database keeps the published English names (and the API serves
them); pages call `local_name` when they show a name.
"""

import tomllib
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

from pathways.core.text import fold

NAMES_PATH = Path(__file__).with_name("names_es.toml")


@cache
def spanish_names() -> dict[str, str]:
    """Every Spanish name, cluster and sub-cluster codes together (codes never collide:
    sub-cluster codes hold "--")."""
    with NAMES_PATH.open("rb") as file:
        data = tomllib.load(file)
    return {**data["clusters"], **data["subclusters"]}


def is_spanish() -> bool:
    return (get_language() or "").startswith("es")


def local_name(code: str, english: str) -> str:
    """The Spanish name on Spanish pages when there is one, else the English name."""
    if is_spanish():
        return spanish_names().get(code, english)
    return english


def name_key(name: str) -> str:
    """Sort key for names in either language: accents and case do not count."""
    return fold(name)
