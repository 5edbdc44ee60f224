"""Overview figures: a wage with its unit, and a signed difference from the state."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from pathways.occupations.wages import TOP_CODES
from pathways.web.templatetags.pathways import dollars

register = template.Library()


def _money(value: Decimal, per_hour: bool) -> str:
    return f"${value:,.2f}" if per_hour else dollars(value)


@register.simple_tag
def median_wage(value: Decimal | None, per_hour: bool, top_coded: bool = False) -> str:
    """$94,340, or "$23.75 an hour"; "≥ $239,200" where BLS top-codes it."""
    if value is None and top_coded:
        value, prefix = TOP_CODES["hourly" if per_hour else "annual"], "≥ "
    elif value is None:
        return "—"
    else:
        prefix = ""
    amount = prefix + _money(value, per_hour)
    return _("%(wage)s an hour") % {"wage": amount} if per_hour else amount


@register.simple_tag
def wage_difference(value: Decimal | None, per_hour: bool) -> str:
    """+$3,120 or −$8,320 (a true minus sign); "—" without both medians."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return sign + _money(abs(value), per_hour)
