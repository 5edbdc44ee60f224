"""The interest profiler on paper: the 60 activities numbered in the order the online
questionnaire asks them, and a hand-scoring sheet whose columns add up to the same six
area scores `scoring.score_answers` gives (each area's 10 answers, 0-40)."""

from dataclasses import dataclass
from functools import cache

from django.template.loader import render_to_string
from django.utils import translation

from pathways.core.pdf import html_to_pdf

from .data import AREAS, Area, Item, instrument


@dataclass(frozen=True)
class PaperItem:
    number: int  # 1-60, the questionnaire's order
    item: Item


@dataclass(frozen=True)
class ScoringRow:
    numbers: tuple[int, ...]  # one item number per area, in RIASEC order


def paper_items() -> list[PaperItem]:
    """The full questionnaire, numbered from 1."""
    return [PaperItem(n, item) for n, item in enumerate(instrument().questionnaire(), 1)]


def scoring_rows() -> list[ScoringRow]:
    """The sheet's rows: row k holds each area's k-th item number, so a column is an area."""
    by_area: dict[str, list[int]] = {area: [] for area in AREAS}
    for entry in paper_items():
        by_area[entry.item.area].append(entry.number)
    return [ScoringRow(numbers) for numbers in zip(*(by_area[a] for a in AREAS), strict=True)]


def areas() -> list[Area]:
    return [instrument().areas[a] for a in AREAS]


def context() -> dict[str, object]:
    return {
        "items": paper_items(),
        "rows": scoring_rows(),
        "areas": areas(),
        "scale": instrument().scale,
        "item_count": len(paper_items()),
    }


@cache
def paper_pdf(language: str, results_url: str) -> bytes:
    """The printable survey as a tagged PDF (PDF/UA-1) in one language; it depends only on
    items.toml, the templates and the site's address, so one copy of each is kept."""
    with translation.override(language):
        html = render_to_string(
            "profiler/paper_pdf.html", {**context(), "results_url": results_url}
        )
    return html_to_pdf(html)
