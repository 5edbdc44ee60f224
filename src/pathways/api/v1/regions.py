"""Places: workforce regions and school districts, with their labor markets."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Path, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from pathways.api.v1.schemas import (
    Area,
    ClusterShareOut,
    Error,
    LabourMarketOut,
    OccupationRowOut,
    area_out,
    cluster_mix_out,
    labour_market_out,
    rows_out,
)
from pathways.core.pagecache import cache_for_visitors
from pathways.geography.models import WorkforceRegion
from pathways.geography.services import district_with_place, place_area, region, regions
from pathways.occupations.markets import district_market, region_market
from pathways.occupations.wages import PERIOD, SOURCE

router = Router(tags=["places"])
NCES_ID_PATTERN = r"^\d{7}$"


class County(Schema):
    fips: str
    name: str


class RegionOut(Schema):
    slug: str
    name: str
    name_es: str
    counties: list[County]
    oews_areas: list[Area] = Field(description="OEWS areas that cover the region's counties.")
    primary_oews_area: Area = Field(description="The area whose figures describe the region.")


class RegionDetailOut(RegionOut):
    total_employment: int | None = Field(description="OEWS employment, all occupations.")
    total_employment_source: str = SOURCE
    total_employment_period: str = PERIOD
    top_by_openings: list[OccupationRowOut]
    top_by_wage: list[OccupationRowOut]
    top_by_growth: list[OccupationRowOut]
    cluster_mix: list[ClusterShareOut] = Field(description="Employment by 2024 cluster.")


class RegionRef(Schema):
    slug: str
    name: str


class DistrictOut(Schema):
    nces_id: str
    name: str
    county: County
    region: RegionRef
    oews_area: Area = Field(
        description="The area whose figures describe the district: its county's OEWS area, "
        "the same one the county's page, the region's pages and the budget use."
    )
    area_basis: Literal["own", "state"] = Field(
        description="own: the OEWS area that includes the district's county; state: which "
        "area includes the county is not confirmed, so statewide figures stand in."
    )
    area_confirmed: bool = Field(
        description="False where the county-to-area match is the state profile's, not read "
        "from BLS's area definitions (see the state profile)."
    )
    labour_market: LabourMarketOut


def find_region(slug: str) -> WorkforceRegion:
    """The region with its counties and OEWS areas, or a 404 naming the slug."""
    place = region(slug)
    if place is None:
        raise HttpError(404, f"Unknown region '{slug}'. GET /api/v1/regions lists the slugs.")
    return place


def region_fields(place: WorkforceRegion) -> dict[str, object]:
    return {
        "slug": place.slug,
        "name": place.name,
        "name_es": place.name_es,
        "counties": [County(fips=c.fips, name=c.name) for c in place.counties.all()],
        "oews_areas": [area_out(a) for a in place.oews_areas.all()],
        "primary_oews_area": area_out(place.primary_oews_area),
    }


@router.get("/regions", response=list[RegionOut], summary="List workforce regions")
@decorate_view(cache_for_visitors)
def list_regions(request: HttpRequest) -> list[RegionOut]:
    return [RegionOut.model_validate(region_fields(place)) for place in regions()]


@router.get(
    "/regions/{slug}",
    response={200: RegionDetailOut, 404: Error},
    summary="One region with its top occupations and cluster mix",
)
@decorate_view(cache_for_visitors)
def region_detail(request: HttpRequest, slug: str) -> RegionDetailOut:
    place = find_region(slug)
    found = region_market(place)
    assert found is not None  # only None for an area code the region lacks
    market = found.market
    return RegionDetailOut.model_validate(
        {
            **region_fields(place),
            "total_employment": market.total_employment,
            "top_by_openings": rows_out(market.top_by_openings),
            "top_by_wage": rows_out(market.top_by_wage),
            "top_by_growth": rows_out(market.top_by_growth),
            "cluster_mix": cluster_mix_out(market.cluster_mix),
        }
    )


@router.get(
    "/districts/{nces_id}",
    response={200: DistrictOut, 404: Error, 422: Error},
    summary="A school district's place and labor market",
)
@decorate_view(cache_for_visitors)
def district_detail(
    request: HttpRequest,
    nces_id: str = Path(..., pattern=NCES_ID_PATTERN, description="NCES LEA ID, 7 digits."),
) -> DistrictOut:
    district = district_with_place(nces_id)
    if district is None:
        raise HttpError(404, f"Unknown school district '{nces_id}' (NCES LEA ID).")
    chosen = place_area(district)
    home = district.county
    return DistrictOut(
        nces_id=district.nces_id,
        name=district.name,
        county=County(fips=home.fips, name=home.name),
        region=RegionRef(slug=home.region.slug, name=home.region.name),
        oews_area=area_out(chosen.area),
        area_basis=chosen.basis.value,
        area_confirmed=chosen.confirmed,
        labour_market=labour_market_out(district_market(district).market),
    )
