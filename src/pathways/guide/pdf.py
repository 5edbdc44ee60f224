"""The guide as PDF (WeasyPrint): tagged PDF/UA, language set, cached by content version."""

import base64

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from pathways.core.cache import content_version, data_version
from pathways.core.pdf import html_to_pdf

from .services import Chapter, GuideQuery, chapter, chapters, occupation_index

CACHE_SECONDS = 24 * 60 * 60


def _key(name: str, query: GuideQuery) -> str:
    params = "&".join(f"{k}={v}" for k, v in sorted(query.params().items()))
    return (
        f"pathways:guide-pdf:{name}:{query.language}:{params}:{content_version()}:{data_version()}"
    )


def with_chart_image(found: Chapter) -> Chapter:
    """The chapter with its chart as an SVG image: WeasyPrint tags an image with its alt."""
    if found.chart:
        svg = render_to_string(
            "guide/chart.svg", {"chapter": found, "height": 30 * len(found.chart)}
        )
        found.chart_image = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return found


def chapter_html(code: str, query: GuideQuery) -> str | None:
    """The HTML a chapter's PDF is made from (in the query's language); None: no cluster."""
    with translation.override(query.language):
        found = chapter(code, query)
        if found is None:
            return None
        return render_to_string(
            "guide/pdf.html",
            {"chapters": [with_chart_image(found)], "query": query, "whole": False},
        )


def chapter_pdf(code: str, query: GuideQuery) -> bytes | None:
    """One cluster's chapter as PDF; None when there is no such cluster."""
    key = _key(code, query)
    cached = cache.get(key)
    if cached is not None:
        return bytes(cached)
    html = chapter_html(code, query)
    if html is None:
        return None
    pdf = html_to_pdf(html)
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def guide_html(query: GuideQuery) -> str:
    """The HTML the whole guide's PDF is made from, in the query's language."""
    with translation.override(query.language):
        found = [
            with_chart_image(c) for s in chapters(query.framework) if (c := chapter(s.code, query))
        ]
        return render_to_string(
            "guide/pdf.html",
            {
                "chapters": found,
                "query": query,
                "whole": True,
                "index": occupation_index(query.framework),
            },
        )


def guide_pdf(query: GuideQuery) -> bytes:
    """The whole guide: cover, how to read it, every chapter and the occupation index."""
    key = _key("whole", query)
    cached = cache.get(key)
    if cached is not None:
        return bytes(cached)
    pdf = html_to_pdf(guide_html(query))
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf
