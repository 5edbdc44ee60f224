import time
from decimal import Decimal

import pytest

from pathways.datasets import framework_bridge
from pathways.datasets.errors import DataError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.framework.models import (
    Cluster,
    ClusterBridge,
    Framework,
    SubCluster,
    SubClusterOccupation,
)

pytestmark = pytest.mark.django_db


def place(framework: str, cluster: str, subcluster: str, socs: list[str]) -> None:
    parent, _ = Cluster.objects.get_or_create(
        code=cluster, defaults={"framework": framework, "name": cluster}
    )
    sub = SubCluster.objects.create(
        code=f"{cluster}--{subcluster}", cluster=parent, name=subcluster
    )
    SubClusterOccupation.objects.bulk_create(
        SubClusterOccupation(subcluster=sub, soc_code=soc) for soc in socs
    )


def hand_made_frameworks() -> None:
    # Letters for SOC codes keep the sums readable: a = 11-1001, b = 11-1101, ...
    a, b, c, d, e, f, g, z = (f"11-1{n}01" for n in range(8))
    place(Framework.LEGACY, "health", "therapy", [a, b, c])
    place(Framework.LEGACY, "health", "support", [c, d])  # C counts once for the cluster
    place(Framework.LEGACY, "it", "networks", [e, f, a])
    place(Framework.MODERN, "care", "physical", [a, b])
    place(Framework.MODERN, "care", "data", [b, e])
    place(Framework.MODERN, "digital", "software", [c, e, g])
    place(Framework.MODERN, "trades", "skilled", [z])  # shares nothing: no bridge row


def bridge_table() -> dict[tuple[str, str], tuple[int, Decimal]]:
    return {
        (b.legacy_id, b.modern_id): (b.shared_occupations, b.share)
        for b in ClusterBridge.objects.all()
    }


def test_bridges_count_distinct_shared_socs_and_their_share():
    hand_made_frameworks()
    assert framework_bridge.load({}) == {"cluster bridges": 4}
    assert bridge_table() == {
        ("health", "care"): (2, Decimal("0.5000")),  # A, B of A, B, C, D
        ("health", "digital"): (1, Decimal("0.2500")),  # C
        ("it", "care"): (2, Decimal("0.6667")),  # A, E of E, F, A
        ("it", "digital"): (1, Decimal("0.3333")),  # E
    }


def test_reload_replaces_the_bridges():
    hand_made_frameworks()
    framework_bridge.load({})
    SubClusterOccupation.objects.filter(subcluster_id="digital--software").delete()
    assert framework_bridge.load({}) == {"cluster bridges": 2}
    assert set(bridge_table()) == {("health", "care"), ("it", "care")}


@pytest.mark.parametrize(
    ("missing", "source"),
    [(Framework.LEGACY, "legacy_framework"), (Framework.MODERN, "advance_cte")],
)
def test_a_framework_not_loaded_names_the_source_to_load(missing, source):
    hand_made_frameworks()
    Cluster.objects.filter(framework=missing).delete()
    with pytest.raises(DataError, match=f"load the '{source}' source first"):
        framework_bridge.load({})


@pytest.mark.mirror
def test_real_bridge_sends_health_science_to_healthcare(mirror):
    load_source(get_source("legacy_framework"), mirror)
    load_source(get_source("advance_cte"), mirror)
    started = time.perf_counter()
    report = load_source(get_source("framework_bridge"))
    elapsed = time.perf_counter() - started

    assert report.row_counts["cluster bridges"] > 16
    health = ClusterBridge.objects.filter(legacy_id="health-science").order_by(
        "-shared_occupations"
    )
    top = health.first()
    assert top is not None
    assert top.modern_id == "healthcare-human-services"
    assert top.share > Decimal("0.5")
    # Every legacy cluster has somewhere to go in the 2024 framework.
    assert set(ClusterBridge.objects.values_list("legacy_id", flat=True)) == set(
        Cluster.objects.filter(framework=Framework.LEGACY).values_list("code", flat=True)
    )
    assert elapsed < 5
