"""Template helpers for analyses: a figure's source note and its value in words."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from pathways.datasets.registry import get_source

register = template.Library()


@register.simple_tag
def sources_note(slugs: tuple[str, ...]) -> SafeString:
    """The sources a figure cites, as every figure on the site names them (core source note)."""
    url = reverse("core:data_sources")
    parts = format_html_join(
        "; ",
        '<a href="{}#source-{}">{}</a>',
        ((url, slug, get_source(slug).local_citation) for slug in slugs),
    )
    return format_html('<p class="source-note">{} {}</p>', _("Source:"), parts)


@register.filter
def source_at(slug: str, vintage: str) -> str:
    """A source as it was when an analysis was published: its title and that vintage."""
    try:
        title = get_source(slug).local_title
    except KeyError:  # no longer registered
        title = slug
    return title if vintage in title else f"{title} ({vintage})"


@register.filter
def figure_value(value: int | None, unit: str) -> str:
    """A snapshot's number as the page shows it: $88,400, or 120."""
    if value is None:
        return "—"
    if unit == "dollars":
        return f"${intcomma(int(value))}"
    return str(intcomma(int(value)))
