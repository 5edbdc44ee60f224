"""Answers shared by several endpoints, and the conversions from the services' objects.

Figures are JSON numbers (never strings) and null where the publisher gave none. Every row
that carries a figure names its source and vintage.
"""

from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

from pathways.datasets.registry import get_source
from pathways.geography.models import OewsArea
from pathways.occupations import outlook, spanish
from pathways.occupations.markets import ClusterShare, LabourMarket
from pathways.occupations.tables import OccupationRow, Sort
from pathways.occupations.wages import PERIOD, SOURCE

FrameworkParam = Literal["2024", "legacy"]
SortParam = Literal["openings", "median_wage", "growth"]
SORTS = {"openings": Sort.OPENINGS, "median_wage": Sort.MEDIAN_WAGE, "growth": Sort.GROWTH}
PROJECTIONS_SOURCE = "BLS Employment Projections"
PROJECTIONS_PERIOD = get_source("bls_ep").vintage  # "2024-34"
OPENINGS_SOURCE = "Estimate: BLS Employment Projections scaled by OEWS employment share"
ONET = get_source("onet")
BRIGHT_OUTLOOK_FILTER = "true: only occupations with the derived bright-outlook flag."


class Error(Schema):
    detail: str = Field(description="What was wrong, naming the bad value.")


class Area(Schema):
    code: str = Field(description="OEWS area code, e.g. 3500000 (New Mexico).")
    name: str


class OccupationRowOut(Schema):
    soc: str = Field(description="SOC 2018 code, e.g. 29-1141.")
    title: str
    title_es: str | None = Field(
        description="The project's Spanish title (adapted from O*NET, CC BY 4.0); null if none."
    )
    median_annual: int | None = Field(description="Dollars a year; null where BLS published none.")
    median_hourly: float | None = Field(
        description="Dollars an hour; null where BLS published none."
    )
    top_coded: bool = Field(
        description="True when BLS published the median only as 'at or above' its cap "
        "($239,200 a year, $115.00 an hour); the median is then null."
    )
    hourly_only: bool = Field(description="BLS publishes hourly wages only (no annual figure).")
    annual_only: bool = Field(description="BLS publishes annual wages only (no hourly figure).")
    area_code: str | None = Field(description="OEWS area the wage is for; null without a wage.")
    area_name: str | None
    area_fallback: bool = Field(
        description="True when the requested area has no estimate and statewide figures stand in."
    )
    merged_occupation: bool = Field(
        description="True when the wage is OEWS's merged code (e.g. 13-1020 for 13-1021)."
    )
    wage_source: str = SOURCE
    wage_period: str = PERIOD
    annual_openings: int | None = Field(description="Expected openings a year in the area.")
    openings_is_estimate: bool
    openings_scaled_to_area: bool = Field(
        description="True when state openings were scaled to the area by its employment share."
    )
    openings_source: str = OPENINGS_SOURCE
    growth_percent: float | None = Field(description="National employment change, 2024-34, %.")
    typical_education: str | None = Field(
        description="BLS typical education for entry, as published; null where BLS gives none."
    )
    job_zone: int | None = Field(description="O*NET Job Zone, 1 (little) to 5 (extensive).")
    job_zone_source: str = ONET.title
    job_zone_vintage: str = ONET.vintage
    projections_source: str = PROJECTIONS_SOURCE
    projections_period: str = PROJECTIONS_PERIOD
    bright_outlook: bool = Field(
        description="Derived here, not O*NET's list: BLS national growth 2024-34 at least twice "
        "the all-occupations rate, or 100,000+ openings over the period."
    )
    bright_outlook_basis: str = outlook.BASIS
    projection_combined_code: str | None = Field(
        description="BLS combined code (e.g. 31-1120) that growth and education are for."
    )


class ClusterShareOut(Schema):
    code: str
    name: str
    employment: int = Field(description="OEWS employment in the area's occupations in the cluster.")
    percent_of_area: float | None = Field(
        description="Share of all jobs in the area, %. An occupation in several clusters counts "
        "in each, so shares add up to more than 100."
    )
    source: str = SOURCE
    period: str = PERIOD


class LabourMarketOut(Schema):
    area: Area = Field(description="The OEWS area whose figures describe the place.")
    is_state_fallback: bool = Field(description="True when statewide figures stand in.")
    total_employment: int | None = Field(description="OEWS employment, all occupations.")
    total_employment_source: str = SOURCE
    total_employment_period: str = PERIOD
    top_by_openings: list[OccupationRowOut]
    top_by_wage: list[OccupationRowOut]
    top_by_growth: list[OccupationRowOut]
    cluster_mix: list[ClusterShareOut]


def number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def row_out(row: OccupationRow) -> OccupationRowOut:
    wage = row.wage
    estimate = wage.estimate if wage else None
    top_coded = estimate is not None and bool(
        {"median_annual", "median_hourly"} & set(estimate.top_coded)
    )
    return OccupationRowOut(
        soc=row.soc,
        title=row.title,
        title_es=spanish.title_es(row.soc) or None,
        median_annual=row.median_annual,
        median_hourly=number(row.median_hourly),
        top_coded=top_coded,
        hourly_only=bool(estimate and estimate.hourly_only),
        annual_only=bool(estimate and estimate.annual_only),
        area_code=wage.area.code if wage else None,
        area_name=wage.area.name if wage else None,
        area_fallback=bool(wage and wage.area_fallback),
        merged_occupation=bool(wage and wage.merged_occupation),
        annual_openings=row.annual_openings,
        openings_is_estimate=row.annual_openings is not None,
        openings_scaled_to_area=row.openings_scaled_to_area and row.annual_openings is not None,
        growth_percent=number(row.growth_percent),
        typical_education=row.typical_education or None,
        job_zone=row.job_zone,
        bright_outlook=row.bright_outlook,
        projection_combined_code=row.projection_combined_code or None,
    )


def rows_out(rows: list[OccupationRow]) -> list[OccupationRowOut]:
    return [row_out(row) for row in rows]


def area_out(area: OewsArea) -> Area:
    return Area(code=area.code, name=area.name)


def cluster_mix_out(shares: list[ClusterShare]) -> list[ClusterShareOut]:
    return [
        ClusterShareOut(
            code=s.code,
            name=s.name,
            employment=s.employment,
            percent_of_area=number(s.percent_of_area),
        )
        for s in shares
    ]


def labour_market_out(market: LabourMarket) -> LabourMarketOut:
    return LabourMarketOut(
        area=area_out(market.area),
        is_state_fallback=market.is_state_fallback,
        total_employment=market.total_employment,
        top_by_openings=rows_out(market.top_by_openings),
        top_by_wage=rows_out(market.top_by_wage),
        top_by_growth=rows_out(market.top_by_growth),
        cluster_mix=cluster_mix_out(market.cluster_mix),
    )
