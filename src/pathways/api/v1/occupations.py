"""Occupations: ranked and filtered lists, and one occupation's profile."""

from typing import Annotated, Literal

from django.http import HttpRequest
from ninja import Path, Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from pathways.api.v1.occupation_schemas import OccupationDetailOut, occupation_detail_out
from pathways.api.v1.regions import find_region
from pathways.api.v1.schemas import (
    BRIGHT_OUTLOOK_FILTER,
    SORTS,
    Error,
    OccupationRowOut,
    rows_out,
)
from pathways.core.pagecache import cache_for_visitors
from pathways.core.text import fold
from pathways.framework.models import Cluster
from pathways.geography.services import state_area_code
from pathways.occupations.combined import member_map
from pathways.occupations.profile import occupation_profile
from pathways.occupations.search import search_occupations
from pathways.occupations.tables import (
    Sort,
    cluster_socs,
    detailed_socs_with_wages,
    occupation_rows,
    sort_rows,
)
from pathways.occupations.wages import candidate_codes

router = Router(tags=["occupations"])
SOC_PATTERN = r"^\d\d-\d{4}$"
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# "relevance" (search order, best match first) is only meaningful with q; else it is openings.
ListSort = Literal["openings", "median_wage", "growth", "relevance"]


@router.get(
    "/occupations",
    response={200: list[OccupationRowOut], 404: Error, 422: Error},
    summary="List, search and rank occupations",
)
@decorate_view(cache_for_visitors)
def list_occupations(
    request: HttpRequest,
    q: Annotated[str, Query(description="Words in the title or an O*NET alternate title.")] = "",
    cluster: Annotated[str, Query(description="A cluster code of either framework.")] = "",
    region: Annotated[str, Query(description="A workforce region slug; wages from its area.")] = "",
    sort: Annotated[
        ListSort,
        Query(description="Largest first, missing figures last; relevance: best match first."),
    ] = "openings",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    bright_outlook: Annotated[bool, Query(description=BRIGHT_OUTLOOK_FILTER)] = False,
) -> list[OccupationRowOut]:
    q, cluster, region = q.strip(), cluster.strip(), region.strip()
    if q and len(fold(q)) < 2:
        raise HttpError(422, f"q '{q}' is too short: search needs at least 2 characters.")
    if cluster and not Cluster.objects.filter(code=cluster).exists():
        raise HttpError(404, f"Unknown cluster '{cluster}'. GET /api/v1/clusters lists the codes.")
    area = find_region(region).primary_oews_area_id if region else None
    socs = _socs(q, cluster, area)
    rows = occupation_rows(socs, area)
    if sort == "relevance" and q:
        place = {soc: n for n, soc in enumerate(socs)}
        rows.sort(key=lambda row: place[row.soc])
    else:
        rows = sort_rows(rows, SORTS.get(sort, Sort.OPENINGS))
    if bright_outlook:
        rows = [row for row in rows if row.bright_outlook]
    return rows_out(rows[:limit])


def _socs(q: str, cluster: str, area: str | None) -> list[str]:
    """Search hits (best first), a cluster's occupations, or every occupation with a wage."""
    members = set(cluster_socs(cluster)) if cluster else set()
    if q:
        hits = [hit.soc for hit in search_occupations(q, limit=MAX_LIMIT)]
        if cluster:
            # Advance CTE places some occupations under OEWS's combined code (13-1020).
            combined = member_map()
            hits = [soc for soc in hits if members.intersection(candidate_codes(soc, combined))]
        return hits
    if cluster:
        return sorted(members)
    areas = {state_area_code(), area or ""} - {""}
    return sorted({soc for a in areas for soc in detailed_socs_with_wages(a)})


@router.get(
    "/occupations/{soc}",
    response={200: OccupationDetailOut, 404: Error, 422: Error},
    by_alias=True,
    summary="One occupation: description, interests, education, clusters, wages, projections",
)
@decorate_view(cache_for_visitors)
def occupation_detail(
    request: HttpRequest,
    soc: str = Path(
        ...,
        pattern=SOC_PATTERN,
        description="SOC 2018 code, e.g. 29-1141, or a BLS combined code, e.g. 25-9045.",
    ),
) -> OccupationDetailOut:
    profile = occupation_profile(soc)
    if profile is None:
        raise HttpError(
            404, f"Unknown occupation '{soc}' (neither an SOC 2018 code nor a BLS combined code)."
        )
    return occupation_detail_out(profile)
