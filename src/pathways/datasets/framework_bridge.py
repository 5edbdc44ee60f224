"""Derived: legacy cluster -> 2024 cluster, by the 6-digit SOC occupations they share.

Advance CTE publishes its old-to-new crosswalk only in a PDF guidebook; joining the two
frameworks' occupation placements gives a data bridge with a measurable strength.
"""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.db.models import Count, Q, QuerySet

from pathways.framework.models import Cluster, ClusterBridge, Framework, SubClusterOccupation

from .errors import DataError
from .loading import replace_rows

PLACES = Decimal("0.0001")
NEEDS = {Framework.LEGACY: "legacy_framework", Framework.MODERN: "advance_cte"}


def placements(framework: str) -> QuerySet[SubClusterOccupation]:
    rows = SubClusterOccupation.objects.filter(subcluster__cluster__framework=framework)
    if not rows.exists():
        raise DataError(
            f"the {Framework(framework).label} has no occupations loaded: "
            f"load the '{NEEDS[Framework(framework)]}' source first"
        )
    return rows


def bridges() -> list[ClusterBridge]:
    legacy, modern = placements(Framework.LEGACY), placements(Framework.MODERN)
    modern_codes = list(
        Cluster.objects.filter(framework=Framework.MODERN).values_list("code", flat=True)
    )
    # One GROUP BY over the legacy placements: per legacy cluster, its distinct SOCs, and
    # for each 2024 cluster the distinct SOCs that are also placed in that cluster.
    shared = {
        f"shared_{i}": Count(
            "soc_code",
            distinct=True,
            filter=Q(soc_code__in=modern.filter(subcluster__cluster_id=code).values("soc_code")),
        )
        for i, code in enumerate(modern_codes)
    }
    totals = (
        legacy.values("subcluster__cluster_id")
        .annotate(total=Count("soc_code", distinct=True), **shared)
        .order_by("subcluster__cluster_id")
        .values_list("subcluster__cluster_id", "total", *shared)
    )
    result = []
    for legacy_code, total, *counts in totals:
        for modern_code, count in zip(modern_codes, counts, strict=True):
            if count:
                share = (Decimal(count) / total).quantize(PLACES, ROUND_HALF_UP)
                result.append(
                    ClusterBridge(
                        legacy_id=legacy_code,
                        modern_id=modern_code,
                        shared_occupations=count,
                        share=share,
                    )
                )
    return result


def load(files: dict[str, Path]) -> dict[str, int]:
    return {"cluster bridges": replace_rows(ClusterBridge, bridges())}
