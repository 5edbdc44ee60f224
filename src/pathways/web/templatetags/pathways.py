"""Template helpers for figures: money as BLS publishes it, and the source of every figure."""

from decimal import Decimal
from typing import Any

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.urls import reverse, translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from pathways.datasets.registry import get_source
from pathways.occupations.wages import TOP_CODES

register = template.Library()


@register.filter
def dollars(value: int | Decimal | None) -> str:
    """$94,340 or $45.36; an em dash when BLS published no figure."""
    if value is None:
        return "—"
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return f"${value:,.2f}"
    return f"${intcomma(int(value))}"


@register.simple_tag
def wage(estimate: Any, column: str) -> SafeString:
    """One OEWS wage cell: the value, "≥ cap" where BLS top-codes it, or "not published"."""
    if estimate is None:
        return format_html('<span title="{}">—</span>', _("not published"))
    value = getattr(estimate, column)
    if value is not None:
        return format_html("{}", dollars(value))
    if column in estimate.top_coded:
        cap = TOP_CODES["hourly" if column.endswith("hourly") else "annual"]
        return format_html('<span class="top-coded">≥ ${}</span>', f"{cap:,}")
    return format_html('—<span class="visually-hidden"> {}</span>', _("not published"))


@register.simple_tag
def source_note(*slugs: str) -> SafeString:
    """ "Source: BLS OEWS, May 2025; ..." linked to the data sources page."""
    url = reverse("core:data_sources")
    parts = format_html_join(
        "; ",
        '<a href="{}#source-{}">{}</a>',
        ((url, slug, get_source(slug).local_citation) for slug in slugs),
    )
    return format_html('<p class="source-note">{} {}</p>', _("Source:"), parts)


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed: shareable filter links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    """This page in each language: plain links, so switching needs no form and no cookie
    (and the page stays cacheable). An address that cannot be translated leads home."""
    request = context["request"]
    here = request.get_full_path()
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(here, code)
        if url == here and code != current:
            with override(code):
                url = reverse("core:home")
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links
