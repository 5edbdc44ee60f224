"""What a program of study leads to (occupations, through its sub-cluster and its
postsecondary programs), and the inverse: the approved programs of a district, a cluster
or an occupation."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from pathways.framework.models import SubClusterOccupation
from pathways.occupations.models import CipSocLink
from pathways.occupations.tables import OccupationRow, Sort, occupation_rows, sort_rows

from .models import PostsecondaryProgram, ProgramOfStudy, ProgramQuerySet


@dataclass(frozen=True)
class ReachedOccupation:
    row: OccupationRow
    in_subcluster: bool
    programs: list[PostsecondaryProgram]


@dataclass
class OccupationsReached:
    """The occupations a program leads to, with statewide wage and openings rows."""

    rows: list[OccupationRow]
    # SOC code -> how the program reaches it.
    via_subcluster: set[str] = field(default_factory=set)
    via_programs: dict[str, list[PostsecondaryProgram]] = field(default_factory=dict)

    @property
    def socs(self) -> list[str]:
        return [row.soc for row in self.rows]

    @property
    def items(self) -> list[ReachedOccupation]:
        """Each row with how the program reaches it."""
        return [
            ReachedOccupation(
                row, row.soc in self.via_subcluster, self.via_programs.get(row.soc, [])
            )
            for row in self.rows
        ]


def _cip_prefix(cip_code: str) -> str:
    """What every 6-digit code under `cip_code` starts with ("51" -> "51.")."""
    code = cip_code.strip()
    return f"{code}." if len(code) == 2 else code


def _cip_match(cip_codes: Iterable[str]) -> Q:
    """CIP codes on postsecondary programs may be 2, 4 or 6 digits; a shorter code matches
    every 6-digit code under it."""
    q = Q(pk__in=[])
    for code in set(cip_codes):
        code = code.strip()
        if not code:
            continue
        if len(code) == 2:
            q |= Q(cip_code__startswith=f"{code}.")
        elif len(code) < 7:
            q |= Q(cip_code__startswith=code)
        else:
            q |= Q(cip_code=code)
    return q


def occupations_reached(
    program: ProgramOfStudy, area_code: str | None = None
) -> OccupationsReached:
    """SOC codes the program leads to: its 2024 sub-cluster's occupations (Advance CTE) and
    those its postsecondary programs prepare for (NCES-BLS CIP-SOC crosswalk); rows carry
    wages and openings for `area_code` (statewide by default), most openings first."""
    via_subcluster = set(
        SubClusterOccupation.objects.filter(subcluster_id=program.subcluster_id).values_list(
            "soc_code", flat=True
        )
    )
    postsecondary_programs = list(program.postsecondary_programs.all())
    links = set(
        CipSocLink.objects.filter(
            _cip_match(p.cip_code for p in postsecondary_programs)
        ).values_list("cip_code", "soc_code")
    )
    via_programs: dict[str, list[PostsecondaryProgram]] = {}
    for postsecondary in postsecondary_programs:
        prefix = _cip_prefix(postsecondary.cip_code)
        if not prefix:
            continue
        for soc in {soc for cip, soc in links if cip.startswith(prefix)}:
            via_programs.setdefault(soc, []).append(postsecondary)
    rows = occupation_rows(via_subcluster | set(via_programs), area_code)
    return OccupationsReached(sort_rows(rows, Sort.OPENINGS), via_subcluster, via_programs)


def _listed(queryset: ProgramQuerySet) -> ProgramQuerySet:
    return queryset.select_related("district", "subcluster__cluster").order_by(
        "title", "district__name"
    )


def approved_programs() -> ProgramQuerySet:
    """What a visitor sees (the public list and the place pages): the same filter as the
    API's and the export's, for no signed-in user."""
    return _listed(ProgramOfStudy.objects.visible_to(None))


def programs_for_district(district: Any) -> ProgramQuerySet:
    """Approved programs of a district (a District or its NCES id)."""
    district_id = getattr(district, "pk", district)
    return approved_programs().filter(district_id=district_id)


def programs_for_cluster(cluster_code: str) -> ProgramQuerySet:
    """Approved programs in a cluster: a 2024 cluster by sub-cluster, a legacy cluster by
    legacy pathway."""
    return approved_programs().filter(in_cluster(cluster_code))


def in_cluster(cluster_code: str) -> Q:
    return Q(subcluster__cluster_id=cluster_code) | Q(legacy_pathway__cluster_id=cluster_code)


def programs_for_occupation(soc: str) -> ProgramQuerySet:
    """Approved programs that reach an occupation, the inverse of `occupations_reached`."""
    subclusters = SubClusterOccupation.objects.filter(soc_code=soc).values("subcluster_id")
    cips = set(CipSocLink.objects.filter(soc_code=soc).values_list("cip_code", flat=True))
    prefixes = cips | {c[:5] for c in cips} | {c[:2] for c in cips}
    postsecondary = PostsecondaryProgram.objects.filter(cip_code__in=prefixes).values("pk")
    return (
        approved_programs()
        .filter(Q(subcluster_id__in=subclusters) | Q(postsecondary_programs__in=postsecondary))
        .distinct()
    )
