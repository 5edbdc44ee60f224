"""Places and the OEWS areas that describe them: region, county and district profiles."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from pathways.framework.models import Framework, SubClusterOccupation
from pathways.geography.models import County, District, OewsArea, WorkforceRegion
from pathways.occupations.tables import (
    OccupationRow,
    Sort,
    detailed_socs_with_wages,
    occupation_rows,
    sort_rows,
)
from pathways.occupations.wages import state_area_code

TOP_N = 10


@dataclass(frozen=True)
class ClusterShare:
    code: str
    name: str
    employment: int


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


def regions() -> list[WorkforceRegion]:
    return list(
        WorkforceRegion.objects.select_related("primary_oews_area").prefetch_related(
            Prefetch("counties", queryset=County.objects.order_by("name")), "oews_areas"
        )
    )


def labour_market(area: OewsArea | None) -> LabourMarket:
    """Top occupations and cluster mix for the area; statewide when the area is None."""
    fallback = area is None
    if area is None:
        area = OewsArea.objects.get(code=state_area_code())
    rows = occupation_rows(detailed_socs_with_wages(area.code), area.code)
    local = [r for r in rows if r.wage and not r.wage.area_fallback]
    # Growth is national; rank by it only among occupations that matter here.
    sizeable = [r for r in local if (r.wage and r.wage.estimate.employment or 0) >= 100]
    return LabourMarket(
        area=area,
        is_state_fallback=fallback,
        top_by_openings=sort_rows(local, Sort.OPENINGS)[:TOP_N],
        top_by_wage=sort_rows(local, Sort.MEDIAN_WAGE)[:TOP_N],
        top_by_growth=sort_rows(sizeable, Sort.GROWTH)[:TOP_N],
        cluster_mix=cluster_mix(local),
    )


def cluster_mix(rows: list[OccupationRow]) -> list[ClusterShare]:
    """Employment in the area by 2024 cluster; an occupation in several clusters counts in each."""
    employment = {r.soc: r.wage.estimate.employment or 0 for r in rows if r.wage}
    links = SubClusterOccupation.objects.filter(
        soc_code__in=employment, subcluster__cluster__framework=Framework.MODERN
    ).values_list("soc_code", "subcluster__cluster_id", "subcluster__cluster__name")
    totals: Counter[tuple[str, str]] = Counter()
    for soc, code, name in set(links):
        totals[(code, name)] += employment[soc]
    return [ClusterShare(code, name, total) for (code, name), total in totals.most_common()]


def county_area(county: County) -> OewsArea | None:
    return county.oews_area


def district_with_place(nces_id: str) -> District | None:
    return (
        District.objects.select_related("county__region__primary_oews_area", "county__oews_area")
        .filter(nces_id=nces_id)
        .first()
    )
