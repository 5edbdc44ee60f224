"""Places and the OEWS areas that describe them: region, county and district profiles.

BLS publishes OEWS figures for metropolitan and nonmetropolitan areas, not for the state's
workforce regions, counties or school districts. This module decides which area describes
a place (and says when statewide figures stand in) and what that area's labour market is.
Pages, CSV downloads and the API all read places and labour markets from here.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet

from pathways.core.cache import data_version
from pathways.framework.models import Framework, SubClusterOccupation
from pathways.framework.names import local_name
from pathways.geography.models import (
    County,
    District,
    FairMarketRent,
    OewsArea,
    WorkforceRegion,
)
from pathways.occupations.models import WageEstimate
from pathways.occupations.tables import (
    ALL_OCCUPATIONS,
    OccupationRow,
    Sort,
    detailed_socs_with_wages,
    occupation_rows,
    sort_rows,
)
from pathways.occupations.wages import state_area_code

TOP_N = 10
# Labour markets change only when sources load; a load changes the cache key at once.
CACHE_SECONDS = 60 * 60
# Growth is national; an occupation is ranked by it only where it employs this many here.
GROWTH_MIN_EMPLOYMENT = 100


@dataclass(frozen=True)
class ClusterShare:
    code: str
    name: str
    employment: int
    # Share of all jobs in the area (OEWS all-occupations total), percent; None without one.
    percent_of_area: Decimal | None = None

    @property
    def local_name(self) -> str:
        """The name in the page's language. Shares are cached for every language, so `name`
        stays as published and pages translate it when they show it."""
        return local_name(self.code, self.name)


@dataclass
class LabourMarket:
    """A place's labour market as described by one OEWS area (or statewide, as a fallback)."""

    area: OewsArea
    # True when the place has no area of its own and statewide figures stand in.
    is_state_fallback: bool
    top_by_openings: list[OccupationRow] = field(default_factory=list)
    top_by_wage: list[OccupationRow] = field(default_factory=list)
    top_by_growth: list[OccupationRow] = field(default_factory=list)
    cluster_mix: list[ClusterShare] = field(default_factory=list)
    # OEWS employment in the area, all occupations; None where BLS published none.
    total_employment: int | None = None


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


@dataclass
class PlaceMarket:
    """A labour market and the reason its area was chosen for a place."""

    market: LabourMarket
    basis: AreaBasis
    confirmed: bool = True


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


def region_market(place: WorkforceRegion, area_code: str = "") -> PlaceMarket | None:
    """The region's primary area's labour market, or another of its areas by code.

    None when `area_code` is not one of the region's areas."""
    if area_code:
        area = next((a for a in place.oews_areas.all() if a.code == area_code), None)
        if area is None:
            return None
        return PlaceMarket(cached_labour_market(area), AreaBasis.OWN)
    chosen = place_area(place)
    return PlaceMarket(cached_labour_market(chosen.area), chosen.basis, chosen.confirmed)


def _market(chosen: PlaceArea) -> PlaceMarket:
    area = None if chosen.basis == AreaBasis.STATE else chosen.area
    return PlaceMarket(cached_labour_market(area), chosen.basis, chosen.confirmed)


def county_market(place: County) -> PlaceMarket:
    return _market(place_area(place))


def district_market(district: District) -> PlaceMarket:
    return _market(place_area(district))


# Labour markets -----------------------------------------------------------------------


def labour_market(area: OewsArea | None) -> LabourMarket:
    """Top occupations and cluster mix for the area; statewide when the area is None."""
    fallback = area is None
    if area is None:
        area = OewsArea.objects.get(code=state_area_code())
    rows = occupation_rows(detailed_socs_with_wages(area.code), area.code)
    local = [r for r in rows if r.wage and not r.wage.area_fallback]
    sizeable = [r for r in local if _employment(r) >= GROWTH_MIN_EMPLOYMENT]
    total = _total_employment(area.code)
    return LabourMarket(
        area=area,
        is_state_fallback=fallback,
        top_by_openings=sort_rows(local, Sort.OPENINGS)[:TOP_N],
        top_by_wage=sort_rows(local, Sort.MEDIAN_WAGE)[:TOP_N],
        top_by_growth=sort_rows(sizeable, Sort.GROWTH)[:TOP_N],
        cluster_mix=cluster_mix(local, total),
        total_employment=total,
    )


def cached_labour_market(area: OewsArea | None) -> LabourMarket:
    """`labour_market`, kept in the cache until the next data load (one query when cached)."""
    key = f"pathways:labour-market:{area.code if area else 'state'}:{data_version()}"
    market = cache.get(key)
    if market is None:
        market = labour_market(area)
        cache.set(key, market, CACHE_SECONDS)
    return market


def _employment(row: OccupationRow) -> int:
    return (row.wage.estimate.employment if row.wage else None) or 0


def _total_employment(area_code: str) -> int | None:
    return (
        WageEstimate.objects.filter(area_id=area_code, soc_code=ALL_OCCUPATIONS)
        .values_list("employment", flat=True)
        .first()
    )


def cluster_mix(
    rows: list[OccupationRow], total_employment: int | None = None
) -> list[ClusterShare]:
    """Employment in the area by 2024 cluster; an occupation in several clusters counts in each.

    Largest first, ties A-Z. With the area's total employment, each share carries its percent
    of all jobs there (shares add up to more than 100% because of the multiple counting)."""
    employment = {r.soc: _employment(r) for r in rows if r.wage}
    links = SubClusterOccupation.objects.filter(
        soc_code__in=employment, subcluster__cluster__framework=Framework.MODERN
    ).values_list("soc_code", "subcluster__cluster_id", "subcluster__cluster__name")
    totals: Counter[tuple[str, str]] = Counter()
    for soc, code, name in set(links):
        totals[(code, name)] += employment[soc]
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0][1]))
    return [
        ClusterShare(code, name, total, _percent(total, total_employment))
        for (code, name), total in ranked
    ]


def _percent(part: int, whole: int | None) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))
