"""Integration: every source loaded from the real mirror gives the documented counts."""

import pytest
from django.core.management import call_command

from pathways.datasets.loading import load_all
from pathways.datasets.models import DataSource
from pathways.datasets.registry import all_sources
from pathways.framework.models import Cluster, SubCluster
from pathways.geography.models import County, WorkforceRegion
from pathways.occupations.models import OnetOccupation, WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]


def test_full_load_gives_documented_counts_and_reloading_changes_nothing(mirror, capsys):
    reports = load_all(mirror=mirror)

    assert [r.slug for r in reports] == [source.slug for source in all_sources()]
    assert Cluster.objects.filter(framework="legacy").count() == 16
    assert Cluster.objects.filter(framework="2024").count() == 14
    # Advance CTE announces 72 sub-clusters; its crosswalk workbooks name 71 distinct ones
    # ("water systems" and "Water Systems" are the same sub-cluster spelt two ways).
    assert SubCluster.objects.filter(cluster__framework="2024").count() == 71
    assert 1000 <= OnetOccupation.objects.count() <= 1100
    assert WageEstimate.objects.filter(area_id="3500000", is_detailed=True).count() == 645
    assert County.objects.count() == 33
    assert all(region.counties.exists() for region in WorkforceRegion.objects.all())
    call_command("data", "status")
    assert "not loaded" not in capsys.readouterr().out

    first = {s.slug: s.row_counts for s in DataSource.objects.all()}
    load_all(mirror=mirror)
    assert {s.slug: s.row_counts for s in DataSource.objects.all()} == first
