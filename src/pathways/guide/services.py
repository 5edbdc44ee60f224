"""The Career Clusters Guide: each cluster's chapter put together from the live data.

Occupation figures are the rows of `pathways.occupations.cluster_table` (the same
`OccupationRow` wage path as the cluster pages and the API), so the guide and the API agree.
A bad `region`, `district` or `framework` value raises `BadQuery` with a message.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from pathways.framework.models import Framework, SubClusterOccupation
from pathways.framework.names import name_key
from pathways.framework.organizations import StudentOrganization, organizations_for
from pathways.framework.services import (
    BadQuery,
    ClusterSummary,
    SubClusterSummary,
    cluster_summaries,
    cluster_summary,
    parse_framework,
)
from pathways.geography.models import District, WorkforceRegion
from pathways.occupations.cluster_table import (
    OccupationTable,
    TableRow,
    occupation_table,
    parse_table_query,
)
from pathways.occupations.models import SocCode
from pathways.occupations.spanish import local_title
from pathways.occupations.tables import cluster_socs
from pathways.programs.models import ProgramCourse, ProgramOfStudy

SAMPLES_PER_PART = 3  # occupations shown for each sub-cluster or pathway
CHART_BARS = 8  # occupations in the chapter's wage chart


@dataclass(frozen=True)
class GuideQuery:
    """The reader's choices, checked: framework, workforce region, school district."""

    framework: Framework
    region: WorkforceRegion | None
    district: District | None
    language: str = "en"

    def params(self) -> dict[str, str]:
        """The query-string form, for links between guide pages and the PDFs."""
        out = {}
        if self.framework != Framework.MODERN:
            out["framework"] = self.framework.value
        if self.region:
            out["region"] = self.region.slug
        if self.district:
            out["district"] = self.district.nces_id
        return out


def parse_guide_query(params: dict[str, str], language: str = "en") -> GuideQuery:
    framework = parse_framework(params.get("framework"))
    table_query = parse_table_query({"region": params.get("region") or ""})
    district = None
    nces_id = params.get("district") or ""
    if nces_id:
        district = District.objects.filter(nces_id=nces_id).first()
        if district is None:
            raise BadQuery(
                _("“%(value)s” is not a New Mexico school district's NCES id.") % {"value": nces_id}
            )
    return GuideQuery(framework, table_query.region, district, language)


@dataclass
class PartChapter:
    """A sub-cluster (or legacy pathway) and its sample occupations, most openings first."""

    part: SubClusterSummary
    samples: list[TableRow]


@dataclass
class ChartBar:
    title: str
    soc: str
    median_annual: int
    percent: int  # of the chart's largest wage, for the bar's length


@dataclass
class Chapter:
    cluster: ClusterSummary
    parts: list[PartChapter]
    table: OccupationTable  # every occupation of the cluster, for the area chosen
    chart: list[ChartBar]
    programs: list[ProgramOfStudy] = field(default_factory=list)
    query: GuideQuery | None = None
    # The PDF's chart as an image (data: URL) so it carries alt text; pages draw inline SVG.
    chart_image: str = ""
    organizations: list[StudentOrganization] = field(default_factory=list)


def chapters(framework: Framework) -> list[ClusterSummary]:
    return cluster_summaries(framework)


def chapter(code: str, query: GuideQuery) -> Chapter | None:
    """One cluster's chapter; None when there is no such cluster."""
    found = cluster_summary(code)
    if found is None:
        return None
    table = occupation_table(
        cluster_socs(code), parse_table_query({"region": query.region.slug if query.region else ""})
    )
    by_part: dict[str, set[str]] = defaultdict(set)
    for part_code, soc in SubClusterOccupation.objects.filter(
        subcluster__cluster_id=code
    ).values_list("subcluster_id", "soc_code"):
        by_part[part_code].add(soc)
    parts = [
        PartChapter(part, [r for r in table.rows if r.soc in by_part[part.code]][:SAMPLES_PER_PART])
        for part in found.subclusters
    ]
    return Chapter(
        found,
        parts,
        table,
        wage_chart(table.rows),
        approved_programs(code, query),
        query,
        organizations=organizations_for(code),
    )


def wage_chart(rows: list[TableRow]) -> list[ChartBar]:
    """The median wages of the cluster's occupations with most openings (rows come sorted)."""
    shown = [r for r in rows if r.estimate and r.estimate.median_annual][:CHART_BARS]
    top = max((r.estimate.median_annual or 0 for r in shown if r.estimate), default=0)
    bars = []
    for r in shown:
        wage = r.estimate.median_annual if r.estimate else None
        if wage:
            bars.append(ChartBar(r.title, r.soc, wage, round(wage * 100 / top)))
    return bars


def approved_programs(cluster_code: str, query: GuideQuery) -> list[ProgramOfStudy]:
    """Approved programs of study in the cluster, statewide or in the chosen district."""
    programs = (
        ProgramOfStudy.objects.approved()
        .filter(Q(subcluster__cluster_id=cluster_code) | Q(legacy_pathway__cluster_id=cluster_code))
        .select_related("district", "subcluster")
        .prefetch_related(
            Prefetch("sequence", queryset=ProgramCourse.objects.select_related("course")),
            "credentials",
            "postsecondary_programs",
            "work_based_learning",
        )
        .order_by("title", "district__name")
    )
    if query.district:
        programs = programs.filter(district=query.district)
    return list(programs.distinct())


@dataclass(frozen=True)
class IndexEntry:
    title: str
    soc: str
    clusters: list[ClusterSummary]


def occupation_index(framework: Framework) -> list[IndexEntry]:
    """Every occupation placed in the framework, A-Z in the page's language, with the
    chapters it appears in."""
    summaries = {s.code: s for s in cluster_summaries(framework)}
    placed: dict[str, set[str]] = defaultdict(set)
    for soc, cluster_code in SubClusterOccupation.objects.filter(
        subcluster__cluster__framework=framework
    ).values_list("soc_code", "subcluster__cluster_id"):
        placed[soc].add(cluster_code)
    titles = dict(SocCode.objects.filter(code__in=placed).values_list("code", "title"))
    entries = [
        IndexEntry(
            local_title(soc, titles.get(soc, soc)),
            soc,
            sorted((summaries[c] for c in codes), key=lambda s: name_key(s.name)),
        )
        for soc, codes in placed.items()
    ]
    return sorted(entries, key=lambda e: (name_key(e.title), e.soc))
