"""Career clusters of both frameworks: the 2024 edition (14) and the legacy one (16)."""

from typing import Annotated

from django.db.models import Count, Prefetch
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from pathways.api.v1.schemas import (
    BRIGHT_OUTLOOK_FILTER,
    SORTS,
    Error,
    FrameworkParam,
    OccupationRowOut,
    SortParam,
    rows_out,
)
from pathways.core.pagecache import cache_for_visitors
from pathways.framework.models import Cluster, SubCluster, SubClusterOccupation
from pathways.occupations.tables import cluster_socs, occupation_rows, sort_rows

router = Router(tags=["clusters"])


class ClusterOut(Schema):
    code: str
    name: str
    framework: str
    occupation_count: int = Field(description="Distinct SOC occupations placed in the cluster.")


class SubClusterOut(Schema):
    code: str
    name: str
    occupations: list[str] = Field(description="SOC codes placed in the sub-cluster or pathway.")


class ClusterDetailOut(Schema):
    code: str
    name: str
    framework: str
    subclusters: list[SubClusterOut] = Field(description="2024 sub-clusters, or legacy pathways.")
    occupations: list[OccupationRowOut] = Field(description="Statewide rows, by openings.")


@router.get("/clusters", response=list[ClusterOut], summary="List career clusters")
@decorate_view(cache_for_visitors)
def list_clusters(
    request: HttpRequest, framework: Annotated[FrameworkParam, Query()] = "2024"
) -> list[ClusterOut]:
    clusters = (
        Cluster.objects.filter(framework=framework)
        .annotate(count=Count("subclusters__occupations__soc_code", distinct=True))
        .order_by("name")
    )
    return [
        ClusterOut(code=c.code, name=c.name, framework=c.framework, occupation_count=c.count)
        for c in clusters
    ]


@router.get(
    "/clusters/{code}",
    response={200: ClusterDetailOut, 404: Error},
    summary="One cluster: sub-clusters and occupations",
)
@decorate_view(cache_for_visitors)
def cluster_detail(
    request: HttpRequest,
    code: str,
    sort: Annotated[SortParam, Query()] = "openings",
    bright_outlook: Annotated[bool, Query(description=BRIGHT_OUTLOOK_FILTER)] = False,
) -> ClusterDetailOut:
    links = SubClusterOccupation.objects.order_by("soc_code")
    subclusters = SubCluster.objects.order_by("name").prefetch_related(
        Prefetch("occupations", queryset=links)
    )
    cluster = (
        Cluster.objects.prefetch_related(Prefetch("subclusters", queryset=subclusters))
        .filter(code=code)
        .first()
    )
    if cluster is None:
        raise HttpError(404, f"Unknown cluster '{code}'. GET /api/v1/clusters lists the codes.")
    rows = sort_rows(occupation_rows(cluster_socs(cluster.code)), SORTS[sort])
    if bright_outlook:
        rows = [row for row in rows if row.bright_outlook]
    return ClusterDetailOut(
        code=cluster.code,
        name=cluster.name,
        framework=cluster.framework,
        subclusters=[
            SubClusterOut(
                code=sub.code,
                name=sub.name,
                occupations=[link.soc_code for link in sub.occupations.all()],
            )
            for sub in cluster.subclusters.all()
        ],
        occupations=rows_out(rows),
    )
