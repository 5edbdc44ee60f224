"""A place's labour market: the top occupations and the cluster mix of one OEWS area.

`pathways.geography.services.place_area` says which area describes a region, county or
district; this module says what that area's labour market is, with the rows of
`pathways.occupations.tables`. Pages, CSV downloads and the API all read it from here.
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache

from pathways.core.cache import data_version
from pathways.framework.models import Framework, SubClusterOccupation
from pathways.framework.names import local_name
from pathways.geography.models import County, District, OewsArea, WorkforceRegion
from pathways.geography.services import AreaBasis, PlaceArea, place_area, state_area_code
from pathways.occupations.models import WageEstimate
from pathways.occupations.tables import (
    ALL_OCCUPATIONS,
    OccupationRow,
    Sort,
    detailed_socs_with_wages,
    occupation_rows,
    sort_rows,
)

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


@dataclass
class PlaceMarket:
    """A labour market and the reason its area was chosen for a place."""

    market: LabourMarket
    basis: AreaBasis
    confirmed: bool = True


# Places' markets ---------------------------------------------------------------------


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
