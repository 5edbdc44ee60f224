"""Career and technical student organizations (CTSOs) by the clusters they serve, from the
project's reviewed data file `student_organizations.toml` (names, official homepages and
descriptions in English and Spanish)."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

ORGANIZATIONS_PATH = Path(__file__).with_name("student_organizations.toml")


@dataclass(frozen=True)
class StudentOrganization:
    slug: str
    name: str
    url: str
    clusters: frozenset[str]  # 2024 and legacy cluster codes
    description_en: str
    description_es: str

    @property
    def description(self) -> str:
        """The description in the page's language."""
        spanish = (get_language() or "").startswith("es")
        return self.description_es if spanish else self.description_en


@cache
def student_organizations() -> tuple[StudentOrganization, ...]:
    """Every organization in the file, in the file's order."""
    with ORGANIZATIONS_PATH.open("rb") as file:
        data = tomllib.load(file)
    return tuple(
        StudentOrganization(
            slug,
            entry["name"],
            entry["url"],
            frozenset([*entry["clusters"], *entry["legacy_clusters"]]),
            entry["en"],
            entry["es"],
        )
        for slug, entry in data.items()
    )


def organizations_for(cluster_code: str) -> list[StudentOrganization]:
    """The organizations that serve a cluster (of either framework), by name."""
    found = [o for o in student_organizations() if cluster_code in o.clusters]
    return sorted(found, key=lambda o: o.name.casefold())
