"""O*NET OnLine's legacy Career Clusters export -> legacy Cluster, SubCluster (pathway) and
SubClusterOccupation rows.

The helpers above `parse` are shared with `advance_cte` (the 2024 framework): slug codes
built from names, and a write that touches only one framework's clusters.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify

from pathways.framework.models import (
    Cluster,
    Framework,
    SubCluster,
    SubClusterOccupation,
    SubClusterProgram,
)

from .errors import DataError, ErrorLog
from .loading import BATCH_SIZE, sync_rows
from .readers import Row, read_delimited

FILE = "All_Career_Clusters.csv"
CLUSTER = "Career Cluster"  # the same heading in the O*NET and Advance CTE files
PATHWAY = "Career Pathway"
CODE = "Code"
OCCUPATION = "Occupation"
ONET_CODE = r"\d\d-\d{4}\.\d\d"


@dataclass
class FrameworkRows:
    """The clusters and sub-clusters one framework's files name, keyed by slug code."""

    framework: str
    cluster_names: dict[str, Counter[str]] = field(default_factory=dict)
    subcluster_names: dict[str, Counter[str]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)  # sub-cluster code -> cluster code

    def place(self, row: Row, cluster: str, sub_column: str, subcluster: str) -> str | None:
        """The code of the sub-cluster a row names (recording both names), or None."""
        cluster_code = _code(row, CLUSTER, cluster, self.cluster_names)
        if cluster_code is None:
            return None
        code = _code(row, sub_column, subcluster, self.subcluster_names, prefix=cluster_code)
        if code is not None:
            self.parents[code] = cluster_code
        return code

    def clusters(self) -> list[Cluster]:
        return [
            Cluster(code=code, framework=self.framework, name=_spelling(names))
            for code, names in self.cluster_names.items()
        ]

    def subclusters(self) -> list[SubCluster]:
        return [
            SubCluster(code=code, cluster_id=self.parents[code], name=_spelling(names))
            for code, names in self.subcluster_names.items()
        ]


def _code(
    row: Row, column: str, name: str, seen: dict[str, Counter[str]], prefix: str = ""
) -> str | None:
    name = " ".join(name.split())
    if not name:
        return None  # Row.text has reported it
    slug = slugify(name)
    if not slug:
        row.problem(column, f"'{name}' has no letters or digits to make a code from")
        return None
    code = f"{prefix}--{slug}" if prefix else slug
    spellings = seen.setdefault(code, Counter())
    # A change of case is the same name (Advance CTE has one 'water systems'); any other
    # difference that slugifies alike would merge two different names under one code.
    clash = next((s for s in spellings if s.casefold() != name.casefold()), None)
    if clash is not None:
        row.problem(column, f"'{name}' and '{clash}' would both get the code '{code}'")
        return None
    spellings[name] += 1
    return code


def _spelling(names: Counter[str]) -> str:
    return names.most_common(1)[0][0]


def save_framework(rows: FrameworkRows) -> tuple[int, int]:
    """Upsert one framework's clusters and sub-clusters by code. Programs of study refer to
    these codes, so rows are updated in place, and the other framework's rows are left alone."""
    clusters, subclusters = rows.clusters(), rows.subclusters()
    _check_codes_free(rows.framework, clusters, subclusters)
    own_clusters = Cluster.objects.filter(framework=rows.framework)
    own_subclusters = SubCluster.objects.filter(cluster__framework=rows.framework)
    sync_rows(Cluster, clusters, ["name"], scope=own_clusters)
    sync_rows(SubCluster, subclusters, ["name"], scope=own_subclusters)
    return len(clusters), len(subclusters)


def _check_codes_free(
    framework: str, clusters: list[Cluster], subclusters: list[SubCluster]
) -> None:
    # An upsert would silently take over the other framework's row with the same code.
    taken = [
        *Cluster.objects.filter(code__in=[c.code for c in clusters])
        .exclude(framework=framework)
        .values_list("code", "framework"),
        *SubCluster.objects.filter(code__in=[s.code for s in subclusters])
        .exclude(cluster__framework=framework)
        .values_list("code", "cluster__framework"),
    ]
    if taken:
        listed = ", ".join(f"'{code}' ({other})" for code, other in taken)
        raise DataError(
            f"codes of the {framework} framework are already used by another framework: "
            f"{listed}; codes must be unique across both frameworks"
        )


def replace_links(
    model: type[SubClusterOccupation] | type[SubClusterProgram],
    framework: str,
    objects: list[SubClusterOccupation] | list[SubClusterProgram],
) -> int:
    """Replace one framework's occupation or program placements (nothing refers to them)."""
    model._default_manager.filter(subcluster__cluster__framework=framework).delete()
    return len(model._default_manager.bulk_create(objects, batch_size=BATCH_SIZE))  # type: ignore[arg-type]


def split(row: Row, column: str) -> list[str]:
    """Rows placed in two clusters list both, '; '-joined, in cluster and pathway columns."""
    text = row.text(column)
    if not text:
        return []
    parts = [part.strip() for part in text.split(";")]
    if not all(parts):
        row.problem(column, f"'{text}' has an empty name between ';'")
        return []
    return parts


def parse(path: Path) -> tuple[FrameworkRows, list[SubClusterOccupation]]:
    log = ErrorLog.for_path(path)
    rows = FrameworkRows(Framework.LEGACY)
    onet_codes: dict[tuple[str, str], str] = {}  # (pathway code, SOC) -> O*NET-SOC code
    for row in read_delimited(path, log, [CLUSTER, PATHWAY, CODE, OCCUPATION], delimiter=","):
        onet = row.code(CODE, ONET_CODE, "29-1141.00")
        clusters, pathways = split(row, CLUSTER), split(row, PATHWAY)
        if not clusters or not pathways:
            continue
        if len(clusters) != len(pathways):
            row.problem(
                PATHWAY,
                f"names {len(pathways)} pathway(s) for {len(clusters)} cluster(s);"
                " they should pair up in order",
            )
            continue
        for cluster, pathway in zip(clusters, pathways, strict=True):
            code = rows.place(row, cluster, PATHWAY, pathway)
            if code is None or onet is None:
                continue
            # Several O*NET codes refine one SOC (29-1141.01, .02 ...): one placement per SOC,
            # showing the SOC-level O*NET code (.00) when the export has it.
            key = (code, onet[:7])
            onet_codes[key] = min(onet_codes.get(key, onet), onet)
    log.raise_if_any()
    occupations = [
        SubClusterOccupation(subcluster_id=sub, soc_code=soc, onet_code=onet)
        for (sub, soc), onet in onet_codes.items()
    ]
    return rows, occupations


def load(files: dict[str, Path]) -> dict[str, int]:
    rows, occupations = parse(files[FILE])
    clusters, pathways = save_framework(rows)
    return {
        "clusters": clusters,
        "pathways": pathways,
        "pathway occupations": replace_links(SubClusterOccupation, Framework.LEGACY, occupations),
    }
