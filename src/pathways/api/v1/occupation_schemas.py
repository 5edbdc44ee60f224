"""The occupation profile answer: `GET /api/v1/occupations/{soc}`."""

from decimal import Decimal

from django.utils import translation
from ninja import Field, Schema
from pydantic import BaseModel

from pathways.api.v1.schemas import PROJECTIONS_PERIOD, PROJECTIONS_SOURCE, number
from pathways.datasets.registry import get_source
from pathways.occupations import outlook
from pathways.occupations.models import NationalProjection, StateProjectionEstimate, WageEstimate
from pathways.occupations.profile import ClusterPlacement, OccupationProfile
from pathways.occupations.wages import PERIOD, SOURCE

STATE_ESTIMATE_SOURCE = get_source("state_projections").publisher
ONET = get_source("onet")
EP = get_source("bls_ep")


class Placement(Schema):
    code: str = Field(description="Cluster code.")
    name: str = Field(description="Cluster name.")
    subcluster_code: str = Field(description="Sub-cluster (2024) or pathway (legacy) code.")
    subcluster_name: str


# A plain pydantic model: ninja's Schema reads fields as attributes, and "2024" cannot be one.
class Clusters(BaseModel):
    """The occupation's clusters and sub-clusters (pathways) in each framework."""

    modern: list[Placement] = Field(alias="2024")
    legacy: list[Placement]


class Riasec(Schema):
    """O*NET Occupational Interest ratings, 1 (low) to 7 (high)."""

    R: float | None
    I: float | None  # noqa: E741 - the Holland letter
    A: float | None
    S: float | None
    E: float | None
    C: float | None
    source: str = ONET.title
    vintage: str = ONET.vintage


class EducationShare(Schema):
    label: str = Field(description="O*NET required level of education category.")
    percent: float = Field(description="Share of incumbents who say the level is required.")
    less_reliable: bool = Field(
        description="O*NET flags the share 'Recommend Suppress' (few respondents or a large "
        "error); it is published and shown, to be read with caution."
    )


class Education(Schema):
    typical_entry: str | None = Field(description="BLS typical education for entry, as published.")
    work_experience: str | None = Field(description="BLS work experience in a related occupation.")
    on_the_job_training: str | None = Field(description="BLS typical on-the-job training.")
    typical_entry_source: str = EP.title
    typical_entry_vintage: str = EP.vintage
    typical_entry_soc: str | None = Field(
        description="The projections' code these three are for when it is a combined code."
    )
    required_level_shares: list[EducationShare] = Field(
        description="O*NET: every category O*NET publishes, largest first."
    )
    required_level_source: str = ONET.title
    required_level_vintage: str = ONET.vintage


class Member(Schema):
    soc: str = Field(description="SOC 2018 detailed code.")
    title: str


class Combined(Schema):
    """Set when the code is BLS's own combined code (25-9045): what it covers."""

    members: list[Member] = Field(description="SOC 2018 detailed occupations it covers.")
    onet_codes: list[str] = Field(description="O*NET-SOC occupations of those members.")
    basis: str = Field(
        description="How members were found: the broad group's SOC 2018 detailed codes that "
        "BLS does not publish on their own."
    )


class WageRow(Schema):
    area_code: str
    area_name: str
    area_type: str = Field(description="state, metro, nonmetro or national.")
    oews_code: str = Field(description="OEWS occupation code of the estimate (may be merged).")
    employment: int | None
    median_hourly: float | None
    median_annual: int | None
    pct10_annual: int | None
    pct25_annual: int | None
    pct75_annual: int | None
    pct90_annual: int | None
    top_coded: list[str] = Field(
        description="Columns BLS published only as 'at or above' its cap; those values are null."
    )
    hourly_only: bool
    annual_only: bool
    source: str = SOURCE
    period: str = PERIOD


class NationalProjectionOut(Schema):
    employment_2024: int | None = Field(description="Jobs nationally in 2024 (persons).")
    employment_2034: int | None = Field(description="Projected jobs nationally in 2034 (persons).")
    change_percent: float | None
    annual_openings_thousands: float | None = Field(
        description="National openings a year, in thousands as BLS publishes."
    )
    source: str = PROJECTIONS_SOURCE
    period: str = PROJECTIONS_PERIOD


class StateEstimateOut(Schema):
    annual_openings: int
    change_percent: float | None = Field(description="The national percent change.")
    method: str
    is_estimate: bool = True
    source: str = STATE_ESTIMATE_SOURCE


class Projections(Schema):
    national: NationalProjectionOut | None
    state_estimate: StateEstimateOut | None


class OccupationDetailOut(Schema):
    soc: str
    title: str
    description: str = Field(description="O*NET description (SOC definition where O*NET has none).")
    title_es: str | None = Field(
        description="The project's Spanish title (adapted from O*NET, CC BY 4.0); null if none."
    )
    description_es: str | None = Field(
        description="The project's Spanish translation of the O*NET description; null if none."
    )
    combined: Combined | None = Field(description="Set for a BLS combined code.")
    job_zone: int | None
    job_zone_name: str | None
    job_zone_source: str = ONET.title
    job_zone_vintage: str = ONET.vintage
    riasec: Riasec
    bright_outlook: bool = Field(description="Derived here, not O*NET's list (see basis).")
    bright_outlook_basis: str = outlook.BASIS
    education: Education
    clusters: Clusters
    wages_merged_code: str | None = Field(
        description="OEWS merged code the wages are for, when not the SOC code itself."
    )
    wages: list[WageRow]
    projections: Projections
    attribution: str = Field(description="O*NET content is used under CC BY 4.0.")


def thousands_to_persons(value: Decimal | None) -> int | None:
    return None if value is None else round(value * 1000)


def placements(items: list[ClusterPlacement]) -> list[Placement]:
    return [
        Placement(
            code=p.cluster_code,
            name=p.cluster_name,
            subcluster_code=p.subcluster_code,
            subcluster_name=p.subcluster_name,
        )
        for p in items
    ]


def wage_row(w: WageEstimate) -> WageRow:
    return WageRow(
        area_code=w.area.code,
        area_name=w.area.name,
        area_type=w.area.area_type,
        oews_code=w.soc_code,
        employment=w.employment,
        median_hourly=number(w.median_hourly),
        median_annual=w.median_annual,
        pct10_annual=w.pct10_annual,
        pct25_annual=w.pct25_annual,
        pct75_annual=w.pct75_annual,
        pct90_annual=w.pct90_annual,
        top_coded=list(w.top_coded),
        hourly_only=w.hourly_only,
        annual_only=w.annual_only,
    )


def national_out(p: NationalProjection | None) -> NationalProjectionOut | None:
    if p is None:
        return None
    return NationalProjectionOut(
        employment_2024=thousands_to_persons(p.employment_2024),
        employment_2034=thousands_to_persons(p.employment_2034),
        change_percent=number(p.change_percent),
        annual_openings_thousands=number(p.annual_openings),
    )


def state_out(p: StateProjectionEstimate | None) -> StateEstimateOut | None:
    if p is None:
        return None
    return StateEstimateOut(
        annual_openings=p.annual_openings, change_percent=number(p.change_percent), method=p.method
    )


def _combined(profile: OccupationProfile) -> Combined | None:
    if profile.combined is None:
        return None
    return Combined(
        members=[Member(soc=m.soc, title=m.title) for m in profile.members],
        onet_codes=[o.code for o in profile.member_onet],
        basis="The SOC 2018 detailed codes of the code's broad group that BLS does not "
        "publish on their own (derived here).",
    )


def occupation_detail_out(profile: OccupationProfile) -> OccupationDetailOut:
    national = profile.national_projection
    with translation.override("en"):  # labels stay in English: they are part of the contract
        shares = [
            EducationShare(label=s.label, percent=float(s.percent), less_reliable=s.less_reliable)
            for s in profile.required_education
        ]
    return OccupationDetailOut(
        soc=profile.soc.code,
        title=profile.title,
        description=profile.description,
        title_es=profile.title_es or None,
        description_es=profile.description_es or None,
        combined=_combined(profile),
        job_zone=profile.job_zone.number if profile.job_zone else None,
        job_zone_name=profile.job_zone.name if profile.job_zone else None,
        riasec=Riasec.model_validate(
            {letter: number(value) for letter, value in profile.riasec.items()}
        ),
        bright_outlook=outlook.is_bright(national, outlook.outlook_rule()),
        education=Education(
            typical_entry=national.typical_education or None if national else None,
            work_experience=national.work_experience or None if national else None,
            on_the_job_training=national.job_training or None if national else None,
            typical_entry_soc=profile.projection_combined_code or None,
            required_level_shares=shares,
        ),
        clusters=Clusters.model_validate(
            {
                "2024": placements(profile.clusters.get("2024", [])),
                "legacy": placements(profile.clusters.get("legacy", [])),
            }
        ),
        wages_merged_code=profile.wages_merged_code or None,
        wages=[wage_row(w) for w in profile.wages],
        projections=Projections(
            national=national_out(national), state_estimate=state_out(profile.state_projection)
        ),
        attribution=get_source("onet").attribution,
    )
