"""Occupations in a place whose median wage meets what a budget needs, and the share of jobs.

An occupation's annual median wage comes from BLS OEWS for the place's area (statewide where
the area has no published wage for it; the row says which area). A median BLS publishes only as
"at or above" its cap counts as meeting any requirement; an hourly-only median counts at 2,080
hours a year. Each working adult is compared with the household's required income divided by
the number of working adults.

The share of jobs that pay enough is the OEWS employment in the area of the matching
occupations divided by the employment of every detailed occupation with an employment
estimate in the area.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pathways.core.cache import data_version
from pathways.framework.models import Cluster, Framework
from pathways.occupations import spanish
from pathways.occupations.labels import JOB_ZONE_NAMES, TYPICAL_EDUCATION
from pathways.occupations.models import WageEstimate
from pathways.occupations.tables import (
    OccupationRow,
    cluster_socs,
    detailed_socs_with_wages,
    occupation_rows,
)
from pathways.occupations.wages import TOP_CODED_ANNUAL

CACHE_SECONDS = 60 * 60
# Least to most schooling: the order groups are shown in.
EDUCATION_ORDER = list(reversed(TYPICAL_EDUCATION))
NO_EDUCATION_LABEL: Promise = _("Typical education not published")
NO_ZONE_LABEL: Promise = _("Job zone not published")


@dataclass(frozen=True)
class Candidate:
    row: OccupationRow
    annual: Decimal | None  # comparable annual median wage; None where BLS published none
    top_coded: bool  # True when BLS publishes the median only as "at or above" its cap
    employment: int | None  # OEWS employment in the area (not a fallback area)

    @property
    def soc(self) -> str:
        return self.row.soc

    @property
    def title(self) -> str:
        return spanish.local_title(self.row.soc, self.row.title)

    @property
    def area_code(self) -> str:
        return self.row.wage.estimate.area_id if self.row.wage else ""

    @property
    def area_name(self) -> str:
        return self.row.wage.estimate.area.local_name if self.row.wage else ""

    @property
    def area_fallback(self) -> bool:
        return bool(self.row.wage and self.row.wage.area_fallback)

    @property
    def hourly_only(self) -> bool:
        return bool(
            self.row.wage
            and self.row.wage.estimate.median_annual is None
            and self.row.wage.estimate.median_hourly is not None
            and not self.top_coded
        )

    @property
    def annual_whole(self) -> int | None:
        """The annual median to the dollar, for display."""
        return None if self.annual is None else round(self.annual)

    def meets(self, required: Decimal) -> bool:
        return self.top_coded or (self.annual is not None and self.annual >= required)

    def difference(self, required: Decimal) -> Decimal | None:
        """Annual surplus (positive) or gap (negative); None where unknown or top-coded."""
        if self.annual is None or self.top_coded:
            return None
        return self.annual - required


@dataclass
class Group:
    key: str
    label: str
    members: list[Candidate] = field(default_factory=list)


@dataclass
class Matches:
    area_code: str
    required_per_worker: Decimal
    candidates: list[Candidate]  # every occupation with an estimate in the area
    matching: list[Candidate]  # best paid first
    matching_employment: int
    total_employment: int

    @property
    def share(self) -> Decimal | None:
        """Percent of the area's jobs (with an employment estimate) that pay enough."""
        if not self.total_employment:
            return None
        return (Decimal(self.matching_employment) * 100 / self.total_employment).quantize(
            Decimal("0.1")
        )

    def by_education(self) -> list[Group]:
        groups = {key: Group(key, str(TYPICAL_EDUCATION[key])) for key in EDUCATION_ORDER}
        return self._grouped(groups, str(NO_EDUCATION_LABEL), lambda c: c.row.typical_education)

    def by_job_zone(self) -> list[Group]:
        groups = {zone: Group(str(zone), str(name)) for zone, name in JOB_ZONE_NAMES.items()}
        return self._grouped(groups, str(NO_ZONE_LABEL), lambda c: c.row.job_zone or 0)

    def _grouped(
        self, groups: dict[Any, Group], other_label: str, key: Callable[[Candidate], Any]
    ) -> list[Group]:
        """The matches by `key` into `groups`, others last; groups left empty are dropped."""
        other = Group("", other_label)
        for each in self.matching:
            groups.get(key(each), other).members.append(each)
        return [g for g in [*groups.values(), other] if g.members]

    def by_openings(self, education: str = "", cluster: str = "") -> list[Candidate]:
        """The matches with the most annual openings first (unknown openings last), optionally
        only those of one typical education level and of one career cluster."""
        found = self.matching
        if education:
            found = [c for c in found if c.row.typical_education == education]
        if cluster:
            in_cluster = set(cluster_socs(cluster))
            found = [c for c in found if c.soc in in_cluster]
        return sorted(
            found,
            key=lambda c: (c.row.annual_openings is None, -(c.row.annual_openings or 0), c.title),
        )

    def candidate(self, soc: str) -> Candidate | None:
        return next((c for c in self.candidates if c.soc == soc), None)


def comparable_annual(row: OccupationRow) -> tuple[Decimal | None, bool]:
    """(annual median, top-coded): the row's ranking wage, at the cap where either median is
    top-coded."""
    if row.wage is None:
        return None, False
    estimate = row.wage.estimate
    top_coded = estimate.median_annual is None and bool(
        {"median_annual", "median_hourly"} & set(estimate.top_coded)
    )
    if top_coded:
        return Decimal(TOP_CODED_ANNUAL), True
    return row.comparable_annual_wage, False


def candidates(area_code: str) -> list[Candidate]:
    """`area_candidates`, kept in the cache until the next data load."""
    key = f"pathways:budget-candidates:{area_code}:{data_version()}"
    found = cache.get(key)
    if found is None:
        found = area_candidates(area_code)
        cache.set(key, found, CACHE_SECONDS)
    return found


def area_candidates(area_code: str) -> list[Candidate]:
    """Every detailed occupation with an estimate in the area, with its wage and employment."""
    rows = occupation_rows(detailed_socs_with_wages(area_code), area_code)
    employment = dict(
        WageEstimate.objects.filter(
            area_id=area_code, is_detailed=True, employment__isnull=False
        ).values_list("soc_code", "employment")
    )
    found = []
    for row in rows:
        annual, top_coded = comparable_annual(row)
        found.append(Candidate(row, annual, top_coded, employment.get(row.soc)))
    return found


def find_matches(area_code: str, required_per_worker: Decimal) -> Matches:
    everyone = candidates(area_code)
    matching = [c for c in everyone if c.meets(required_per_worker)]
    matching.sort(key=lambda c: (not c.top_coded, -(c.annual or 0), c.title))
    return Matches(
        area_code=area_code,
        required_per_worker=required_per_worker,
        candidates=sorted(everyone, key=lambda c: c.title.casefold()),
        matching=matching,
        matching_employment=sum(c.employment or 0 for c in matching),
        total_employment=sum(c.employment or 0 for c in everyone),
    )


def cluster_choices() -> list[tuple[str, str]]:
    """(code, name) of the 2024 framework's clusters, for the filter, A-Z in the page's language."""
    clusters = Cluster.objects.filter(framework=Framework.MODERN)
    return sorted(((c.code, c.local_name) for c in clusters), key=lambda pair: pair[1].casefold())
