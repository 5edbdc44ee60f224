import time
from pathlib import Path

import pytest

from pathways.datasets import advance_cte, legacy_framework
from pathways.datasets.errors import DataError, ImportValidationError
from pathways.datasets.legacy_framework import FrameworkRows
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.framework.models import (
    Cluster,
    Framework,
    SubCluster,
    SubClusterOccupation,
    SubClusterProgram,
)
from tests.datasets.test_legacy_framework import fixture_files as legacy_files
from tests.fixtures.workbooks import write_workbook

Rows = list[list[object]]
OVERVIEW: Rows = [["National Career Clusters® Framework Crosswalk"], ["Definitions"]]
SOC_HEADER: list[object] = ["SOC Code", "Occupation Title", "Career Cluster", "Sub-Cluster"]
CIP_HEADER: list[object] = ["CIP Code (2020)", "CIP Title (2020)", "Career Cluster", "Sub-Cluster"]
SOC_ROWS: Rows = [
    ["29-1141", "Registered Nurses", "Healthcare & Human Services", "Physical Health"],
    ["29-1131", "Veterinarians", "Agriculture", "Animal Systems"],
    ["29-1131", "Veterinarians", "Healthcare & Human Services", "Physical Health"],
    ["45-2091", "Agricultural Equipment Operators", "Agriculture", "Water Systems"],
    ["49-3041", "Farm Equipment Mechanics", "Agriculture", "water systems"],
    ["15-1252", "Software Developers", "Digital Technology", "Software Solutions"],
]
CIP_ROWS: Rows = [
    ["01.0000", "Agriculture, General.", "Agriculture", "Animal Systems"],
    ["01.0000", "Agriculture, General.", "Agriculture", "Water Systems"],
    ["51.3801", "Registered Nursing.", "Healthcare & Human Services", "Physical Health"],
    ["11.0701", "Computer Science.", "Digital Technology", "Software Solutions"],
    ["99.9999", "NO MATCH", "Digital Technology", "Web & Cloud"],
]


def crosswalks(
    tmp_path: Path, soc_rows: Rows = SOC_ROWS, cip_rows: Rows = CIP_ROWS
) -> dict[str, Path]:
    soc: dict[str, Rows] = {"Overview": OVERVIEW, advance_cte.SOC_SHEET: [SOC_HEADER, *soc_rows]}
    cip: dict[str, Rows] = {"Overview": OVERVIEW, advance_cte.CIP_SHEET: [CIP_HEADER, *cip_rows]}
    return {
        advance_cte.SOC_FILE: write_workbook(tmp_path / advance_cte.SOC_FILE, soc),
        advance_cte.CIP_FILE: write_workbook(tmp_path / advance_cte.CIP_FILE, cip),
    }


def parse(
    files: dict[str, Path],
) -> tuple[FrameworkRows, list[SubClusterOccupation], list[SubClusterProgram]]:
    return advance_cte.parse(files[advance_cte.SOC_FILE], files[advance_cte.CIP_FILE])


def test_parse_builds_slug_codes_and_placements(tmp_path):
    rows, occupations, programs = parse(crosswalks(tmp_path))
    assert {c.code: c.name for c in rows.clusters()} == {
        "healthcare-human-services": "Healthcare & Human Services",
        "agriculture": "Agriculture",
        "digital-technology": "Digital Technology",
    }
    subclusters = {s.code: (s.cluster_id, s.name) for s in rows.subclusters()}
    assert subclusters["healthcare-human-services--physical-health"] == (
        "healthcare-human-services",
        "Physical Health",
    )
    # "water systems" is the same sub-cluster, named as most rows spell it.
    assert subclusters["agriculture--water-systems"] == ("agriculture", "Water Systems")
    assert len(subclusters) == 5
    vets = {o.subcluster_id for o in occupations if o.soc_code == "29-1131"}
    assert vets == {"agriculture--animal-systems", "healthcare-human-services--physical-health"}
    assert len(occupations) == 6
    assert ("agriculture--water-systems", "01.0000") in {
        (p.subcluster_id, p.cip_code) for p in programs
    }


def test_no_match_rows_are_not_programs_but_their_sub_cluster_exists(tmp_path):
    rows, _, programs = parse(crosswalks(tmp_path))
    assert "digital-technology--web-cloud" in {s.code for s in rows.subclusters()}
    assert "99.9999" not in {p.cip_code for p in programs}
    assert len(programs) == 4


def test_a_numeric_cip_cell_gets_its_zeros_back(tmp_path):
    cip_rows: Rows = [
        [1.01, "Agricultural Business and Management.", "Agriculture", "Agribusiness"]
    ]
    _, _, programs = parse(crosswalks(tmp_path, cip_rows=cip_rows))
    assert [p.cip_code for p in programs] == ["01.0100"]


def test_every_bad_row_in_both_files_is_reported(tmp_path):
    soc_rows: Rows = [*SOC_ROWS, ["29-114", "Bad code", "Agriculture", "Animal Systems"]]
    cip_rows: Rows = [
        *CIP_ROWS,
        ["1.0000", "Short code", "Agriculture", "Animal Systems"],
        ["01.0000", "No sub-cluster", "Agriculture", ""],
        ["01.0000", "Clash", "Agriculture", "Water-Systems"],
    ]
    with pytest.raises(ImportValidationError) as raised:
        parse(crosswalks(tmp_path, soc_rows, cip_rows))
    assert [str(p) for p in raised.value.problems] == [
        "SOC_Career_Clusters_Crosswalk.xlsx, row 8, column 'SOC Code': '29-114' is not a code"
        " like 29-1141",
        "CIP_Career_Clusters_Crosswalk.xlsx, row 7, column 'CIP Code (2020)': '1.0000' is not a"
        " code like 14.3501",
        "CIP_Career_Clusters_Crosswalk.xlsx, row 8, column 'Sub-Cluster': is empty",
        "CIP_Career_Clusters_Crosswalk.xlsx, row 9, column 'Sub-Cluster': 'Water-Systems' and"
        " 'Water Systems' would both get the code 'agriculture--water-systems'",
    ]


def test_a_missing_sheet_is_reported(tmp_path):
    files = crosswalks(tmp_path)
    write_workbook(files[advance_cte.CIP_FILE], {"Overview": OVERVIEW})
    with pytest.raises(ImportValidationError, match="has no sheet named 'CIP - CC - Sub-Clusters'"):
        parse(files)


@pytest.mark.django_db
def test_load_is_idempotent_and_keeps_primary_keys(tmp_path):
    files = crosswalks(tmp_path)
    counts = {
        "clusters": 3,
        "sub-clusters": 5,
        "sub-cluster occupations": 6,
        "sub-cluster programs": 4,
    }
    assert advance_cte.load(files) == counts
    codes = set(SubCluster.objects.values_list("code", "cluster_id"))
    assert advance_cte.load(files) == counts
    assert set(SubCluster.objects.values_list("code", "cluster_id")) == codes
    assert SubClusterProgram.objects.count() == 4


@pytest.mark.django_db
def test_the_two_frameworks_do_not_delete_each_other(tmp_path, fixtures):
    advance_cte.load(crosswalks(tmp_path))
    legacy_framework.load(legacy_files(fixtures))
    assert Cluster.objects.filter(framework=Framework.MODERN).count() == 3
    assert Cluster.objects.filter(framework=Framework.LEGACY).count() == 5
    modern_links = SubClusterOccupation.objects.filter(subcluster__cluster__framework="2024")
    assert modern_links.count() == 6

    advance_cte.load(crosswalks(tmp_path))
    assert Cluster.objects.filter(framework=Framework.LEGACY).count() == 5
    assert (
        SubClusterOccupation.objects.filter(subcluster__cluster__framework="legacy").count() == 11
    )


@pytest.mark.django_db
def test_a_code_the_legacy_framework_uses_is_refused(tmp_path):
    Cluster.objects.create(code="agriculture", framework=Framework.LEGACY, name="Agriculture")
    with pytest.raises(DataError, match=r"'agriculture' \(legacy\)"):
        advance_cte.load(crosswalks(tmp_path))


@pytest.mark.django_db
@pytest.mark.mirror
def test_real_crosswalks_load_14_clusters(mirror):
    started = time.perf_counter()
    report = load_source(get_source("advance_cte"), mirror)
    elapsed = time.perf_counter() - started

    # Advance CTE announces 72 sub-clusters and the sheets hold 72 spellings, but one is
    # "water systems" beside "Water Systems" in Agriculture: 71 distinct sub-clusters.
    assert report.row_counts == {
        "clusters": 14,
        "sub-clusters": 71,
        "sub-cluster occupations": 1203,
        "sub-cluster programs": 4686,
    }
    assert SubCluster.objects.get(code="agriculture--water-systems").name == "Water Systems"
    assert SubClusterProgram.objects.filter(
        cip_code="01.0000", subcluster__cluster_id="agriculture"
    ).exists()
    assert not SubClusterProgram.objects.filter(cip_code="99.9999").exists()
    assert elapsed < 20
