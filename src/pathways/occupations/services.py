"""Occupation queries shared by the pages, the API and CSV downloads."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from pathways.core.text import fold
from pathways.framework.models import Framework, SubClusterOccupation
from pathways.occupations.models import (
    NationalProjection,
    OnetOccupation,
    OnetTitle,
    SocCode,
    StateProjectionEstimate,
)
from pathways.occupations.wages import Wage, state_area_code, wages_for

HIGH_SKILL_JOB_ZONES = (4, 5)


@dataclass
class OccupationRow:
    """One occupation in a table: what it pays in an area and how many openings to expect."""

    soc: str
    title: str
    wage: Wage | None
    annual_openings: int | None  # state estimate derived from national projections
    growth_percent: Decimal | None  # national, 2024-34
    typical_education: str
    job_zone: int | None

    @property
    def median_annual(self) -> int | None:
        return self.wage.estimate.median_annual if self.wage else None

    @property
    def median_hourly(self) -> Decimal | None:
        return self.wage.estimate.median_hourly if self.wage else None

    @property
    def sort_wage(self) -> Decimal:
        """Annual median for ranking; top-coded medians rank at the cap, hourly-only at x2080."""
        if self.wage is None:
            return Decimal(-1)
        estimate = self.wage.estimate
        if estimate.median_annual is not None:
            return Decimal(estimate.median_annual)
        if "median_annual" in estimate.top_coded:
            return Decimal(239200)
        if estimate.median_hourly is not None:
            return estimate.median_hourly * 2080
        return Decimal(-1)


def occupation_rows(socs: Iterable[str], area_code: str | None = None) -> list[OccupationRow]:
    """Rows for these SOC codes with wages for the area (statewide where it has none)."""
    socs = sorted(set(socs))
    state_area = state_area_code()
    wages = wages_for(socs, area_code or state_area, state_area)
    titles = dict(SocCode.objects.filter(code__in=socs).values_list("code", "title"))
    onet = {
        o.soc_code: o
        for o in OnetOccupation.objects.filter(soc_code__in=socs, code__endswith=".00").only(
            "code", "soc_code", "title", "job_zone"
        )
    }
    projections = {p.soc_code: p for p in NationalProjection.objects.filter(soc_code__in=socs)}
    openings = dict(
        StateProjectionEstimate.objects.filter(soc_code__in=socs).values_list(
            "soc_code", "annual_openings"
        )
    )
    rows = []
    for soc in socs:
        projection = projections.get(soc)
        occupation = onet.get(soc)
        rows.append(
            OccupationRow(
                soc=soc,
                title=titles.get(soc) or (occupation.title if occupation else soc),
                wage=wages.get(soc),
                annual_openings=openings.get(soc),
                growth_percent=projection.change_percent if projection else None,
                typical_education=projection.typical_education if projection else "",
                job_zone=occupation.job_zone if occupation else None,
            )
        )
    return rows


def cluster_socs(cluster_code: str | None = None, subcluster_code: str | None = None) -> list[str]:
    links = SubClusterOccupation.objects.all()
    if subcluster_code:
        links = links.filter(subcluster_id=subcluster_code)
    elif cluster_code:
        links = links.filter(subcluster__cluster_id=cluster_code)
    return sorted(set(links.values_list("soc_code", flat=True)))


@dataclass(frozen=True)
class ClusterPlacement:
    framework: str
    cluster_code: str
    cluster_name: str
    subcluster_code: str
    subcluster_name: str


def clusters_of(soc: str) -> dict[str, list[ClusterPlacement]]:
    """The occupation's clusters in both frameworks: {"2024": [...], "legacy": [...]}."""
    placements: dict[str, list[ClusterPlacement]] = {Framework.MODERN: [], Framework.LEGACY: []}
    links = SubClusterOccupation.objects.filter(soc_code=soc).select_related("subcluster__cluster")
    for link in links.order_by("subcluster__cluster__name", "subcluster__name"):
        sub = link.subcluster
        placements[sub.cluster.framework].append(
            ClusterPlacement(
                sub.cluster.framework, sub.cluster_id, sub.cluster.name, sub.code, sub.name
            )
        )
    return placements


@dataclass(frozen=True)
class SearchHit:
    soc: str
    title: str
    matched_title: str  # the alternate or reported title that matched, if not the title itself


@dataclass
class _Collector:
    limit: int
    hits: dict[str, SearchHit] = field(default_factory=dict)

    def add(self, soc: str, title: str, matched: str = "") -> None:
        if soc not in self.hits and len(self.hits) < self.limit:
            self.hits[soc] = SearchHit(soc, title, matched)


def search_occupations(query: str, limit: int = 10) -> list[SearchHit]:
    """Titles first, then O*NET alternate and reported titles; case and accents ignored."""
    folded = fold(query)
    if len(folded) < 2:
        return []
    words = folded.split()
    found = _Collector(limit)
    detailed = {c.code: c.title for c in SocCode.objects.filter(level=SocCode.Level.DETAILED)}
    for code, title in sorted(
        detailed.items(), key=lambda item: (not fold(item[1]).startswith(folded), item[1])
    ):
        if all(w in fold(title) for w in words):
            found.add(code, title)
    if len(found.hits) < limit:
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
        titles = (
            OnetTitle.objects.filter(condition)
            .order_by("search_text")
            .values_list("onet_code", "title")
        )
        for onet_code, title in titles[: limit * 20]:
            soc = onet_code[:7]
            if soc in detailed:
                found.add(soc, detailed[soc], title)
    return list(found.hits.values())
