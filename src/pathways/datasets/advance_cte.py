"""Advance CTE's 2024 framework crosswalks -> 2024 Cluster, SubCluster, SubClusterOccupation
(6-digit SOC 2018) and SubClusterProgram (CIP 2020) rows."""

import re
from pathlib import Path

from pathways.framework.models import Framework, SubClusterOccupation, SubClusterProgram

from .errors import ErrorLog, ImportValidationError
from .legacy_framework import CLUSTER, FrameworkRows, replace_links, save_framework
from .readers import Row, read_sheet

SOC_FILE = "SOC_Career_Clusters_Crosswalk.xlsx"
SOC_SHEET = "SOC - CC - Sub-Clusters"
CIP_FILE = "CIP_Career_Clusters_Crosswalk.xlsx"
CIP_SHEET = "CIP - CC - Sub-Clusters"
SUBCLUSTER = "Sub-Cluster"
SOC, SOC_TITLE = "SOC Code", "Occupation Title"
CIP, CIP_TITLE = "CIP Code (2020)", "CIP Title (2020)"
SOC_CODE = r"\d\d-\d{4}"
CIP_CODE = r"\d\d\.\d{4}"
NO_MATCH = "99.9999"  # Advance CTE's "NO MATCH": a sub-cluster with no program in CIP 2020


def cip_code(row: Row) -> str | None:
    value = row.values.get(CIP)
    # Published as text ("01.0000"); a numeric cell has lost its zeros, and the fixed
    # xx.xxxx form of CIP codes puts them back.
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{value:07.4f}"
    else:
        text = row.raw(CIP)
    if not re.fullmatch(CIP_CODE, text):
        row.problem(CIP, f"'{text}' is not a code like 14.3501")
        return None
    return text


def parse(
    soc_path: Path, cip_path: Path
) -> tuple[FrameworkRows, list[SubClusterOccupation], list[SubClusterProgram]]:
    rows = FrameworkRows(Framework.MODERN)
    soc_log, cip_log = ErrorLog.for_path(soc_path), ErrorLog.for_path(cip_path)
    # A set: an SOC or CIP code may sit in several sub-clusters, but once in each.
    occupations: set[tuple[str, str]] = set()
    for row in read_sheet(soc_path, soc_log, SOC_SHEET, [SOC, SOC_TITLE, CLUSTER, SUBCLUSTER]):
        soc = row.code(SOC, SOC_CODE, "29-1141")
        code = rows.place(row, row.text(CLUSTER), SUBCLUSTER, row.text(SUBCLUSTER))
        if soc and code:
            occupations.add((code, soc))
    programs: set[tuple[str, str]] = set()
    for row in read_sheet(cip_path, cip_log, CIP_SHEET, [CIP, CIP_TITLE, CLUSTER, SUBCLUSTER]):
        cip = cip_code(row)
        code = rows.place(row, row.text(CLUSTER), SUBCLUSTER, row.text(SUBCLUSTER))
        if cip and code and cip != NO_MATCH:
            programs.add((code, cip))
    problems = soc_log.problems + cip_log.problems  # both files' problems in one report
    if problems:
        raise ImportValidationError(problems)
    return (
        rows,
        [SubClusterOccupation(subcluster_id=s, soc_code=c) for s, c in sorted(occupations)],
        [SubClusterProgram(subcluster_id=s, cip_code=c) for s, c in sorted(programs)],
    )


def load(files: dict[str, Path]) -> dict[str, int]:
    rows, occupations, programs = parse(files[SOC_FILE], files[CIP_FILE])
    clusters, subclusters = save_framework(rows)
    modern = Framework.MODERN
    return {
        "clusters": clusters,
        "sub-clusters": subclusters,
        "sub-cluster occupations": replace_links(SubClusterOccupation, modern, occupations),
        "sub-cluster programs": replace_links(SubClusterProgram, modern, programs),
    }
