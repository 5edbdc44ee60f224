"""Career Clusters: both frameworks' clusters with their sub-clusters and bridges.

A cluster page's occupation table is `pathways.occupations.cluster_table`. Query-string
values are checked here; a bad value raises `BadQuery` with a message the page shows.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from pathways.framework.models import Cluster, ClusterBridge, Framework, SubCluster
from pathways.framework.names import local_name, name_key

# A legacy cluster "mostly maps to" the 2024 clusters holding at least this share of its
# occupations (at most BRIDGES_SHOWN of them, and always its strongest one).
BRIDGE_MIN_SHARE = Decimal("0.25")
BRIDGES_SHOWN = 3


class BadQuery(ValueError):
    """A query-string value the page does not understand; the message is for the reader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- Cluster lists ---------------------------------------------------------------------


@dataclass(frozen=True)
class Bridge:
    code: str
    name: str
    shared_occupations: int
    share: Decimal

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass(frozen=True)
class SubClusterSummary:
    code: str
    cluster_code: str
    name: str
    occupations: int


@dataclass
class ClusterSummary:
    code: str
    name: str
    framework: str
    occupations: int
    subclusters: list[SubClusterSummary] = field(default_factory=list)
    # Legacy clusters only: the 2024 clusters it mostly maps to (derived bridge).
    bridges: list[Bridge] = field(default_factory=list)

    @property
    def is_legacy(self) -> bool:
        return self.framework == Framework.LEGACY


def parse_framework(value: str | None) -> Framework:
    if not value:
        return Framework.MODERN
    try:
        return Framework(value)
    except ValueError:
        raise BadQuery(
            _("“%(value)s” is not a framework. Choose “2024” or “legacy”.") % {"value": value}
        ) from None


def cluster_summaries(framework: Framework) -> list[ClusterSummary]:
    """Every cluster of the framework with its sub-clusters (or pathways); 2 or 3 queries."""
    clusters = Cluster.objects.filter(framework=framework)
    return _summaries(clusters, SubCluster.objects.filter(cluster__framework=framework))


def cluster_summary(code: str) -> ClusterSummary | None:
    """One cluster with its sub-clusters (or pathways); None when there is no such cluster."""
    found = _summaries(Cluster.objects.filter(code=code), SubCluster.objects.filter(cluster=code))
    return found[0] if found else None


def _summaries(
    clusters: QuerySet[Cluster], subclusters: QuerySet[SubCluster]
) -> list[ClusterSummary]:
    """Names are in the request's language (names.local_name), and sorted in it."""
    summaries = sorted(
        (
            ClusterSummary(code, local_name(code, name), framework, occupations)
            for code, name, framework, occupations in clusters.annotate(
                n=Count("subclusters__occupations__soc_code", distinct=True)
            ).values_list("code", "name", "framework", "n")
        ),
        key=lambda s: name_key(s.name),
    )
    if not summaries:
        return []
    by_code = {s.code: s for s in summaries}
    for code, cluster_code, name, occupations in subclusters.annotate(
        n=Count("occupations__soc_code", distinct=True)
    ).values_list("code", "cluster_id", "name", "n"):
        by_code[cluster_code].subclusters.append(
            SubClusterSummary(code, cluster_code, local_name(code, name), occupations)
        )
    for summary in summaries:
        summary.subclusters.sort(key=lambda s: name_key(s.name))
    legacy = [s.code for s in summaries if s.is_legacy]
    if legacy:
        for legacy_code, bridges in _bridges(legacy).items():
            by_code[legacy_code].bridges = bridges
    return summaries


def _bridges(legacy_codes: list[str]) -> dict[str, list[Bridge]]:
    """The 2024 clusters each legacy cluster mostly maps to, strongest first; one query."""
    found: dict[str, list[Bridge]] = {}
    for bridge in (
        ClusterBridge.objects.filter(legacy_id__in=legacy_codes)
        .select_related("modern")
        .order_by("legacy_id", "-shared_occupations", "modern__name")
    ):
        shown = found.setdefault(bridge.legacy_id, [])
        if len(shown) < BRIDGES_SHOWN and (not shown or bridge.share >= BRIDGE_MIN_SHARE):
            shown.append(
                Bridge(
                    bridge.modern_id,
                    local_name(bridge.modern_id, bridge.modern.name),
                    bridge.shared_occupations,
                    bridge.share,
                )
            )
    return found
