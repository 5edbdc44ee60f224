import time
from pathlib import Path

import pytest

from pathways.datasets import legacy_framework
from pathways.datasets.errors import DataError, ImportValidationError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.framework.models import Cluster, Framework, SubCluster, SubClusterOccupation

HEADER = "Career Cluster,Career Pathway,Code,Occupation\n"


def fixture_files(fixtures: Path) -> dict[str, Path]:
    return {legacy_framework.FILE: fixtures / "legacy_framework" / legacy_framework.FILE}


def csv_file(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / legacy_framework.FILE
    path.write_text(HEADER + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def placements() -> set[tuple[str, str, str]]:
    return set(SubClusterOccupation.objects.values_list("subcluster_id", "soc_code", "onet_code"))


def test_two_cluster_rows_are_split_pairwise_into_slug_codes(fixtures):
    rows, occupations = legacy_framework.parse(fixture_files(fixtures)[legacy_framework.FILE])
    clusters = {c.code: c.name for c in rows.clusters()}
    subclusters = {s.code: (s.cluster_id, s.name) for s in rows.subclusters()}

    assert clusters["science-technology-engineering-mathematics"] == (
        "Science, Technology, Engineering & Mathematics"
    )
    assert clusters["agriculture-food-natural-resources"] == "Agriculture, Food & Natural Resources"
    assert len(clusters) == 5
    assert subclusters["health-science--biotechnology-research-and-development"] == (
        "health-science",
        "Biotechnology Research and Development",
    )
    assert subclusters["science-technology-engineering-mathematics--engineering-and-technology"][
        0
    ] == ("science-technology-engineering-mathematics")
    # "Information Technology; Information Technology": one cluster, two pathways.
    assert "information-technology--network-systems" in subclusters
    assert "information-technology--information-support-and-services" in subclusters
    assert len(subclusters) == 10
    bioengineers = {o.subcluster_id for o in occupations if o.soc_code == "17-2031"}
    assert bioengineers == {
        "health-science--biotechnology-research-and-development",
        "science-technology-engineering-mathematics--engineering-and-technology",
    }


def test_o_net_codes_of_one_soc_make_one_placement(fixtures):
    _, occupations = legacy_framework.parse(fixture_files(fixtures)[legacy_framework.FILE])
    nurses = [o for o in occupations if o.soc_code == "29-1141"]
    welders = [o for o in occupations if o.soc_code == "51-4121"]
    # The SOC-level O*NET code is kept even when a more specific one comes first.
    assert [(o.subcluster_id, o.onet_code) for o in nurses] == [
        ("health-science--therapeutic-services", "29-1141.00")
    ]
    assert [o.onet_code for o in welders] == ["51-4121.00"]
    assert len(occupations) == 11


def test_every_bad_row_is_reported_with_row_and_column(tmp_path):
    path = csv_file(
        tmp_path,
        [
            "Health Science,Therapeutic Services,29-1141.00,Registered Nurses",
            '"Health Science; Finance",Therapeutic Services,13-2072.00,Loan Officers',
            "Health Science,Therapeutic Services,29-114,Bad code",
            ",Therapeutic Services,29-1141.00,No cluster",
            "Health Science;,Therapeutic Services; Banking,29-1141.00,Empty half",
            "Health Science,***,29-1141.00,Nothing to slug",
            "health science,Therapeutic services,29-1171.00,Nurse Practitioners",
            "Health-Science,Therapeutic Services,29-1141.00,Clashing name",
        ],
    )
    with pytest.raises(ImportValidationError) as raised:
        legacy_framework.parse(path)
    assert [str(p) for p in raised.value.problems] == [
        "All_Career_Clusters.csv, row 3, column 'Career Pathway': names 1 pathway(s) for 2"
        " cluster(s); they should pair up in order",
        "All_Career_Clusters.csv, row 4, column 'Code': '29-114' is not a code like 29-1141.00",
        "All_Career_Clusters.csv, row 5, column 'Career Cluster': is empty",
        "All_Career_Clusters.csv, row 6, column 'Career Cluster': 'Health Science;' has an empty"
        " name between ';'",
        "All_Career_Clusters.csv, row 7, column 'Career Pathway': '***' has no letters or digits"
        " to make a code from",
        "All_Career_Clusters.csv, row 9, column 'Career Cluster': 'Health-Science' and"
        " 'Health Science' would both get the code 'health-science'",
    ]


def test_a_change_of_case_is_the_same_name_and_the_common_spelling_wins(tmp_path):
    path = csv_file(
        tmp_path,
        [
            "Health Science,therapeutic services,29-1141.00,Registered Nurses",
            "Health Science,Therapeutic Services,29-1171.00,Nurse Practitioners",
            "Health Science,Therapeutic Services,29-1151.00,Nurse Anesthetists",
        ],
    )
    rows, _ = legacy_framework.parse(path)
    assert [(s.code, s.name) for s in rows.subclusters()] == [
        ("health-science--therapeutic-services", "Therapeutic Services")
    ]


@pytest.mark.django_db
def test_load_is_idempotent_and_keeps_cluster_rows(fixtures):
    files = fixture_files(fixtures)
    counts = {"clusters": 5, "pathways": 10, "pathway occupations": 11}
    assert legacy_framework.load(files) == counts
    before = placements()
    Cluster.objects.filter(code="health-science").update(name="Renamed by hand")

    assert legacy_framework.load(files) == counts
    assert placements() == before
    assert Cluster.objects.get(code="health-science").name == "Health Science"
    assert SubCluster.objects.filter(cluster__framework=Framework.LEGACY).count() == 10


@pytest.mark.django_db
def test_reload_updates_in_place_and_drops_what_is_no_longer_published(fixtures, tmp_path):
    legacy_framework.load(fixture_files(fixtures))
    kept = SubCluster.objects.get(code="health-science--therapeutic-services")
    modern = Cluster.objects.create(code="healthcare", framework=Framework.MODERN, name="Health")
    SubCluster.objects.create(code="healthcare--physical-health", cluster=modern, name="Physical")

    smaller = csv_file(
        tmp_path, ["Health Science,Therapeutic Services,29-1141.00,Registered Nurses"]
    )
    assert legacy_framework.load({legacy_framework.FILE: smaller}) == {
        "clusters": 1,
        "pathways": 1,
        "pathway occupations": 1,
    }
    assert SubCluster.objects.get(code=kept.code).cluster_id == "health-science"
    assert set(Cluster.objects.values_list("code", flat=True)) == {"health-science", "healthcare"}
    # The other framework's rows are not this source's to delete.
    assert SubCluster.objects.filter(code="healthcare--physical-health").exists()


@pytest.mark.django_db
def test_a_code_the_other_framework_uses_is_refused(fixtures):
    Cluster.objects.create(code="manufacturing", framework=Framework.MODERN, name="Manufacturing")
    with pytest.raises(DataError, match=r"'manufacturing' \(2024\).*unique across both"):
        legacy_framework.load(fixture_files(fixtures))
    assert Cluster.objects.get(code="manufacturing").framework == Framework.MODERN


@pytest.mark.django_db
@pytest.mark.mirror
def test_real_export_loads_16_clusters_and_73_pathways(mirror):
    started = time.perf_counter()
    report = load_source(get_source("legacy_framework"), mirror)
    elapsed = time.perf_counter() - started

    assert report.row_counts == {"clusters": 16, "pathways": 73, "pathway occupations": 904}
    assert Cluster.objects.filter(framework=Framework.LEGACY).count() == 16
    nurses = SubClusterOccupation.objects.get(
        subcluster__cluster_id="health-science", soc_code="29-1141"
    )
    assert nurses.subcluster.name == "Therapeutic Services"
    assert nurses.onet_code == "29-1141.00"
    assert elapsed < 10
