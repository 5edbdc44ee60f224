"""Places and the OEWS areas that describe them: regions, counties and school districts.

BLS publishes OEWS figures for metropolitan and nonmetropolitan areas, not for the state's
workforce regions, counties or school districts. This module decides which area describes
a place (and says when statewide figures stand in); `pathways.occupations.markets` says
what that area's labour market is. Pages, CSV downloads, the API and the budget read
places from here.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Prefetch, QuerySet

from pathways.geography.models import (
    County,
    District,
    FairMarketRent,
    OewsArea,
    State,
    WorkforceRegion,
)


class AreaBasis(StrEnum):
    """Why an area's figures describe a place: pages say which."""

    OWN = "own"  # the OEWS area the place lies in (a region's primary or chosen area)
    STATE = "state"  # the place's area is not known: statewide figures stand in


@dataclass(frozen=True)
class PlaceArea:
    """The one answer to "which OEWS area describes this place", used by every page,
    the API and the budget."""

    area: OewsArea
    basis: AreaBasis
    # False where the county-to-area match is ours, not read from BLS's area definitions.
    confirmed: bool


# Places --------------------------------------------------------------------------------


def _regions() -> QuerySet[WorkforceRegion]:
    return WorkforceRegion.objects.select_related("primary_oews_area").prefetch_related(
        Prefetch("counties", queryset=County.objects.select_related("oews_area").order_by("name")),
        "oews_areas",
    )


def regions() -> list[WorkforceRegion]:
    """Every region with its counties (A-Z, with their OEWS area) and OEWS areas; 4 queries."""
    return list(_regions())


def region(slug: str) -> WorkforceRegion | None:
    """One region as `regions()` gives it, or None."""
    return _regions().filter(slug=slug).first()


def county(fips: str) -> County | None:
    return (
        County.objects.select_related("region__primary_oews_area", "oews_area")
        .filter(fips=fips)
        .first()
    )


def districts(region_slug: str = "", county_fips: str = "") -> list[District]:
    """School districts, A-Z, with county and region; optionally of one region or county."""
    found = District.objects.select_related("county__region").order_by("name")
    if region_slug:
        found = found.filter(county__region_id=region_slug)
    if county_fips:
        found = found.filter(county_id=county_fips)
    return list(found)


def region_districts(place: WorkforceRegion) -> list[District]:
    return districts(region_slug=place.slug)


def county_districts(place: County) -> list[District]:
    return list(place.districts.order_by("name"))


def district_with_place(nces_id: str) -> District | None:
    return (
        District.objects.select_related("county__region__primary_oews_area", "county__oews_area")
        .filter(nces_id=nces_id)
        .first()
    )


@dataclass
class AreaCoverage:
    """An OEWS area behind a region's figures and the region's counties it describes."""

    area: OewsArea
    counties: list[County]
    is_primary: bool


def coverage(place: WorkforceRegion) -> tuple[list[AreaCoverage], list[County]]:
    """The region's areas (primary first) with their counties, and counties with no area.

    Takes a region from `regions()` or `region()`: no further queries."""
    by_area: dict[str, list[County]] = {}
    unmatched = []
    areas = {a.code: a for a in place.oews_areas.all()}
    for each in place.counties.all():
        if each.oews_area is None:
            unmatched.append(each)
            continue
        by_area.setdefault(each.oews_area.code, []).append(each)
        areas.setdefault(each.oews_area.code, each.oews_area)
    ordered = sorted(areas.values(), key=lambda a: (a.code != place.primary_oews_area_id, a.name))
    return [
        AreaCoverage(a, by_area.get(a.code, []), a.code == place.primary_oews_area_id)
        for a in ordered
    ], unmatched


def rents(place: County) -> list[FairMarketRent]:
    """HUD Fair Market Rents for the county's latest loaded fiscal year, by bedrooms."""
    latest = (
        FairMarketRent.objects.filter(county=place)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .first()
    )
    if latest is None:
        return []
    return list(
        FairMarketRent.objects.filter(county=place, fiscal_year=latest).order_by("bedrooms")
    )


# Which area describes a place ---------------------------------------------------------


def state_area_code(state: State | None = None) -> str:
    """The OEWS code of the state's statewide area: its FIPS code and five zeros."""
    state = state or State.objects.first()
    return f"{state.fips}00000" if state else ""


def _statewide() -> OewsArea:
    return OewsArea.objects.get(code=state_area_code())


def place_area(place: County | District | WorkforceRegion) -> PlaceArea:
    """The OEWS area whose figures describe a county, a district (its county's) or a region
    (its primary area). A county whose area is not known gets statewide figures, said so."""
    if isinstance(place, WorkforceRegion):
        counties = [c for c in place.counties.all() if c.oews_area_id == place.primary_oews_area_id]
        confirmed = bool(counties) and all(c.oews_area_verified for c in counties)
        return PlaceArea(place.primary_oews_area, AreaBasis.OWN, confirmed)
    home = place.county if isinstance(place, District) else place
    if home.oews_area is None:
        return PlaceArea(_statewide(), AreaBasis.STATE, False)
    return PlaceArea(home.oews_area, AreaBasis.OWN, home.oews_area_verified)
