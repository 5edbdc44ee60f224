"""Display helpers for budget pages: money rounded to the dollar, labels in the page's language."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

from pathways.occupations.labels import JOB_ZONE_NAMES, TYPICAL_EDUCATION, label

register = template.Library()


@register.filter
def usd(value: int | Decimal | None) -> str:
    """$1,464: money rounded to the whole dollar (half up) for display; "—" for None."""
    if value is None:
        return "—"
    whole = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "−" if whole < 0 else ""
    return f"{sign}${intcomma(int(abs(whole)))}"


@register.filter
def negative_usd(value: int | Decimal | None) -> str:
    """A credit, shown as what it takes off the taxes: −$1,464."""
    if value is None:
        return "—"
    return usd(-Decimal(value))


@register.filter
def usd_cents(value: int | Decimal | None) -> str:
    """$27.94: money to the cent, for hourly wages; "—" for None."""
    if value is None:
        return "—"
    cents = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "−" if cents < 0 else ""
    whole, _dot, fraction = f"{abs(cents):.2f}".partition(".")
    return f"{sign}${intcomma(int(whole))}.{fraction}"


@register.filter
def education(value: str) -> str:
    return label(TYPICAL_EDUCATION, value) if value else "—"


@register.filter
def job_zone(value: int | None) -> str:
    if not value:
        return "—"
    return f"{value}: {JOB_ZONE_NAMES[value]}" if value in JOB_ZONE_NAMES else str(value)
