"""The home page's figures, counted in the database."""

from dataclasses import dataclass

from pathways.framework.models import Cluster, Framework, SubCluster
from pathways.geography.models import County, District, WorkforceRegion
from pathways.occupations.models import OnetOccupation, WageEstimate


@dataclass(frozen=True)
class SiteFigures:
    modern_clusters: int
    modern_subclusters: int
    legacy_clusters: int
    legacy_pathways: int
    occupations: int
    state_wage_estimates: int
    regions: int
    counties: int
    districts: int


def site_figures(state_area_code: str) -> SiteFigures:
    return SiteFigures(
        modern_clusters=Cluster.objects.filter(framework=Framework.MODERN).count(),
        modern_subclusters=SubCluster.objects.filter(cluster__framework=Framework.MODERN).count(),
        legacy_clusters=Cluster.objects.filter(framework=Framework.LEGACY).count(),
        legacy_pathways=SubCluster.objects.filter(cluster__framework=Framework.LEGACY).count(),
        occupations=OnetOccupation.objects.count(),
        state_wage_estimates=WageEstimate.objects.filter(
            area_id=state_area_code, is_detailed=True
        ).count(),
        regions=WorkforceRegion.objects.count(),
        counties=County.objects.count(),
        districts=District.objects.count(),
    )
