"""The occupation profile's wage table: its estimates for every loaded area, the areas'
names in the page's language, and the table as a CSV download."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from pathways.datasets.registry import get_source
from pathways.geography.models import OewsArea, State
from pathways.geography.spanish import local_area_name
from pathways.occupations.combined import CombinedCode, oews_code_for
from pathways.occupations.models import WageEstimate

if TYPE_CHECKING:
    from pathways.occupations.profile import OccupationProfile

AREA_ORDER = {
    OewsArea.AreaType.STATE: 0,
    OewsArea.AreaType.METRO: 1,
    OewsArea.AreaType.NONMETRO: 2,
    OewsArea.AreaType.NATIONAL: 3,
}


def area_wages(soc: str, members: dict[str, list[CombinedCode]]) -> tuple[list[WageEstimate], str]:
    """Estimates for every loaded area, from the first code OEWS publishes for this SOC."""
    combined = oews_code_for(soc, members)
    for code in [soc] if combined is None else [soc, combined]:
        wages = list(WageEstimate.objects.filter(soc_code=code).select_related("area"))
        if wages:
            wages.sort(key=lambda w: (AREA_ORDER.get(w.area.area_type, 9), w.area.name))
            return wages, "" if code == soc else code
    return [], ""


def state_name(state: State | None) -> str:
    """The state's name in the page's language."""
    return state.local_name if state else ""


def area_name(area: OewsArea, state: State | None) -> str:
    """An OEWS area as pages name it: the state and the country in the page's language."""
    if area.area_type == OewsArea.AreaType.NATIONAL:
        return _("United States")
    if area.area_type == OewsArea.AreaType.STATE and state is not None:
        return state_name(state)
    return local_area_name(area.code, area.name)


def wage_csv_header() -> list[str]:
    """The wage download's column names in the page's language (BLS's names in English)."""
    wage_columns = {
        "mean_hourly": pgettext("wage CSV column", "mean_hourly"),
        "pct10_hourly": pgettext("wage CSV column", "pct10_hourly"),
        "pct25_hourly": pgettext("wage CSV column", "pct25_hourly"),
        "median_hourly": pgettext("wage CSV column", "median_hourly"),
        "pct75_hourly": pgettext("wage CSV column", "pct75_hourly"),
        "pct90_hourly": pgettext("wage CSV column", "pct90_hourly"),
        "mean_annual": pgettext("wage CSV column", "mean_annual"),
        "pct10_annual": pgettext("wage CSV column", "pct10_annual"),
        "pct25_annual": pgettext("wage CSV column", "pct25_annual"),
        "median_annual": pgettext("wage CSV column", "median_annual"),
        "pct75_annual": pgettext("wage CSV column", "pct75_annual"),
        "pct90_annual": pgettext("wage CSV column", "pct90_annual"),
    }
    return [
        pgettext("wage CSV column", "soc_code"),
        pgettext("wage CSV column", "wage_soc_code"),
        pgettext("wage CSV column", "oews_title"),
        pgettext("wage CSV column", "area_code"),
        pgettext("wage CSV column", "area"),
        pgettext("wage CSV column", "area_type"),
        pgettext("wage CSV column", "employment"),
        *(wage_columns[column] for column in WageEstimate.WAGE_COLUMNS),
        pgettext("wage CSV column", "top_coded"),
        pgettext("wage CSV column", "hourly_only"),
        pgettext("wage CSV column", "annual_only"),
        pgettext("wage CSV column", "source"),
        pgettext("wage CSV column", "vintage"),
    ]


def wage_csv_rows(profile: "OccupationProfile") -> list[list[object]]:
    """The profile's wage table for download: one row per area, as BLS publishes it.

    A top-coded wage is left empty and named in `top_coded` (BLS publishes only ">=")."""
    source = get_source("oews")
    return [
        [
            profile.soc.code,
            w.soc_code,
            w.oews_title,
            w.area.code,
            w.area.name,
            w.area.area_type,
            w.employment,
            *(getattr(w, column) for column in WageEstimate.WAGE_COLUMNS),
            " ".join(w.top_coded),
            w.hourly_only,
            w.annual_only,
            source.local_title,
            source.local_vintage,
        ]
        for w in profile.wages
    ]
