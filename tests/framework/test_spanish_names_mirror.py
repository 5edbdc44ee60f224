"""Every cluster and sub-cluster of the full load has a Spanish name in names_es.toml, and
the file names nothing that is not loaded."""

import pytest

from pathways.framework.models import Cluster, Framework, SubCluster
from pathways.framework.names import spanish_names


@pytest.mark.mirror
@pytest.mark.django_db
def test_every_loaded_cluster_and_subcluster_has_a_spanish_name(real_data):
    names = spanish_names()
    clusters = dict(Cluster.objects.values_list("code", "framework"))
    assert sorted(clusters.values()).count(Framework.MODERN) == 14
    assert sorted(clusters.values()).count(Framework.LEGACY) == 16
    assert set(clusters) <= set(names), sorted(set(clusters) - set(names))
    subclusters = set(SubCluster.objects.values_list("code", flat=True))
    assert len(subclusters) == 144
    assert subclusters <= set(names), sorted(subclusters - set(names))
    # And nothing in the file is stale: every name belongs to a loaded row.
    assert set(names) == set(clusters) | subclusters
