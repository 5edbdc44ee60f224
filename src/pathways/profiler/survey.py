"""The career cluster interest survey: checked items counted per 2024 cluster.

Each item points to one or two clusters; every cluster can collect the same number of
checks, so clusters rank by their count. Clusters with equal counts share a rank.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from .data import Bilingual, SurveyItem, instrument


@dataclass(frozen=True)
class ClusterResult:
    code: str
    name: Bilingual
    count: int
    possible: int
    rank: int  # 1 for the highest count; equal counts share a rank
    items: tuple[SurveyItem, ...]  # the checked items that point here
    tied: bool = False  # another cluster has the same count


@cache
def possible_checks() -> dict[str, int]:
    """How many items point to each cluster (items.toml is read once, so this is too)."""
    counts = dict.fromkeys(instrument().clusters, 0)
    for item in instrument().survey:
        for code in item.clusters:
            counts[code] += 1
    return counts


def known_ids(ids: Iterable[str]) -> list[str]:
    """The given item ids that exist, each once, in survey order."""
    wanted = set(ids)
    return [item.id for item in instrument().survey if item.id in wanted]


def rank_clusters(checked: Iterable[str]) -> list[ClusterResult]:
    """Clusters with at least one check, most checks first (then by name)."""
    data = instrument()
    chosen = set(known_ids(checked))
    hits: dict[str, list[SurveyItem]] = {code: [] for code in data.clusters}
    for item in data.survey:
        if item.id in chosen:
            for code in item.clusters:
                hits[code].append(item)
    possible = possible_checks()
    ordered = sorted(
        (code for code in hits if hits[code]),
        key=lambda code: (-len(hits[code]), str(data.clusters[code]).casefold()),
    )
    results: list[ClusterResult] = []
    for code in ordered:
        count = len(hits[code])
        rank = results[-1].rank if results and results[-1].count == count else len(results) + 1
        results.append(
            ClusterResult(code, data.clusters[code], count, possible[code], rank, tuple(hits[code]))
        )
    counts = Counter(r.count for r in results)
    return [replace(r, tied=counts[r.count] > 1) for r in results]
