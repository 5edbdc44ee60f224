"""A Bright-Outlook-style flag, derived here from BLS national projections.

O*NET marks an occupation "Bright Outlook" when it meets at least one of its published
criteria: projected to grow much faster than average, projected to have 100,000 or more
openings over the projection period, or new and emerging. This module applies the first
two to the BLS Employment Projections loaded here; it is not O*NET's own list, and pages
and the API say so. "New and emerging" is an O*NET designation that no loaded file
carries, so it is not applied.

"Much faster than average" is BLS's phrase for growth well above its all-occupations rate;
BLS's numeric band for it is not in any file loaded here, so this module takes it as growth
of at least twice BLS's projected growth for all occupations (3.1% for 2024-34, so 6.2% or
more) and says so wherever the flag is shown.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from pathways.occupations.models import NationalProjection

ALL_OCCUPATIONS = "00-0000"
MUCH_FASTER_MULTIPLE = 2
# 100,000 openings over the ten-year period; BLS publishes annual openings in thousands.
OPENINGS_OVER_PERIOD = 100_000
PROJECTION_YEARS = 10
ANNUAL_OPENINGS_THOUSANDS = Decimal(OPENINGS_OVER_PERIOD) / PROJECTION_YEARS / 1000
LABEL = _("Bright outlook (derived)")
BASIS = (
    "Derived here from BLS Employment Projections 2024-34 with O*NET's Bright Outlook "
    "criteria (growth at least twice the all-occupations rate, or 100,000+ openings over "
    "the period); not O*NET's own list."
)


@dataclass(frozen=True)
class OutlookRule:
    growth_percent: Decimal | None  # at or above: "much faster than average"; None unknown
    annual_openings_thousands: Decimal = ANNUAL_OPENINGS_THOUSANDS


def outlook_rule(all_occupations: NationalProjection | None = None) -> OutlookRule:
    """The thresholds, from BLS's all-occupations projection (one query unless given)."""
    total = all_occupations or NationalProjection.objects.filter(soc_code=ALL_OCCUPATIONS).first()
    growth = total.change_percent if total else None
    return OutlookRule(None if growth is None else growth * MUCH_FASTER_MULTIPLE)


def grows_much_faster(projection: NationalProjection | None, rule: OutlookRule) -> bool:
    return bool(
        projection
        and projection.change_percent is not None
        and rule.growth_percent is not None
        and projection.change_percent >= rule.growth_percent
    )


def many_openings(projection: NationalProjection | None, rule: OutlookRule) -> bool:
    return bool(
        projection
        and projection.annual_openings is not None
        and projection.annual_openings >= rule.annual_openings_thousands
    )


def is_bright(projection: NationalProjection | None, rule: OutlookRule) -> bool:
    """True when the projection meets at least one of the criteria applied here."""
    return grows_much_faster(projection, rule) or many_openings(projection, rule)
