"""SOC, O*NET, OEWS wages and BLS projections: one factory per table of `occupations`.

    RegisteredNurse = SocCodeFactory(code="29-1141", title="Registered Nurses")
    OnetOccupationFactory(soc=RegisteredNurse)              # 29-1141.00, same title
    WageEstimateFactory(soc_code="29-1141", median_annual=91000)  # statewide, hourly = /2080
    WageEstimateFactory(soc_code="29-1212", top_coded=["median_annual", "median_hourly"])

Wages default to the statewide area (3500000) and derive hourly from annual the way BLS
does (annual = hourly x 2080); a top-coded column is left null, as BLS publishes it.
"""

from decimal import Decimal
from typing import Any

import factory
from factory.django import DjangoModelFactory

from pathways.occupations.models import (
    JobZone,
    NationalProjection,
    OnetEducation,
    OnetOccupation,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
    SocCode,
    StateProjectionEstimate,
    WageEstimate,
)

from .geography import STATEWIDE, state_area

HOURS_A_YEAR = 2080
# Percentiles around the median, as BLS publishes them for a typical occupation.
PERCENTILES = {"pct10": "0.62", "pct25": "0.80", "pct75": "1.22", "pct90": "1.45", "mean": "1.05"}


class SocCodeFactory(DjangoModelFactory[SocCode]):
    class Meta:
        model = SocCode
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"99-{n:04d}")
    level = SocCode.Level.DETAILED
    title = factory.Sequence(lambda n: f"Test occupation {n}")
    definition = factory.LazyAttribute(lambda soc: f"{soc.title}: what the work is.")
    parent_code = factory.LazyAttribute(lambda soc: f"{soc.code[:6]}0")


class JobZoneFactory(DjangoModelFactory[JobZone]):
    class Meta:
        model = JobZone
        django_get_or_create = ("number",)

    number = 3
    name = factory.LazyAttribute(lambda zone: f"Job Zone {zone.number}")
    experience = "Previous work-related skill, knowledge, or experience is required."
    education = "Most occupations in this zone require training in vocational schools."
    training = "Employees in these occupations usually need one or two years of training."


class OnetOccupationFactory(DjangoModelFactory[OnetOccupation]):
    """The O*NET-SOC occupation for an SOC code (`soc=`), `.00` unless `code=` says otherwise."""

    class Meta:
        model = OnetOccupation
        django_get_or_create = ("code",)

    class Params:
        soc = factory.SubFactory(SocCodeFactory)

    soc_code = factory.LazyAttribute(lambda o: o.soc.code)
    code = factory.LazyAttribute(lambda o: f"{o.soc_code}.00")
    title = factory.LazyAttribute(lambda o: o.soc.title)
    description = factory.LazyAttribute(lambda o: f"{o.title} do the work of {o.title.lower()}.")
    job_zone = 3
    realistic = Decimal("2.00")
    investigative = Decimal("3.00")
    artistic = Decimal("2.00")
    social = Decimal("5.00")
    enterprising = Decimal("3.00")
    conventional = Decimal("4.00")
    holland_code = "SCI"


class OnetEducationFactory(DjangoModelFactory[OnetEducation]):
    """A share of incumbents by required education (scale RL); category 6 = bachelor's."""

    class Meta:
        model = OnetEducation

    onet_code = "29-1141.00"
    scale = OnetEducation.Scale.REQUIRED_EDUCATION
    category = 6
    category_label = "Bachelor's Degree"
    percent = Decimal("60.00")


class OnetTaskFactory(DjangoModelFactory[OnetTask]):
    class Meta:
        model = OnetTask

    onet_code = "29-1141.00"
    task_id = factory.Sequence(lambda n: 10000 + n)
    statement = factory.Sequence(lambda n: f"Carry out core task number {n}.")
    is_core = True


class OnetRelatedFactory(DjangoModelFactory[OnetRelated]):
    class Meta:
        model = OnetRelated

    onet_code = "29-1141.00"
    related_code = "29-1171.00"
    tier = "Primary-Short"
    rank = factory.Sequence(lambda n: n + 1)


class OnetTitleFactory(DjangoModelFactory[OnetTitle]):
    class Meta:
        model = OnetTitle

    onet_code = "29-1141.00"
    title = factory.Sequence(lambda n: f"Test title {n}")
    search_text = factory.LazyAttribute(lambda t: t.title.lower())
    kind = OnetTitle.Kind.ALTERNATE


class OnetTechnologyFactory(DjangoModelFactory[OnetTechnology]):
    """A technology an occupation uses (O*NET Technology Skills); hot, not in demand."""

    class Meta:
        model = OnetTechnology

    onet_code = "29-1141.00"
    example = factory.Sequence(lambda n: f"Charting Suite {n}")
    commodity_code = 43232610
    commodity_title = "Medical software"
    hot = True
    in_demand = False


def _wage(share: str) -> Any:
    """A percentile column derived from the median, null where the median is (top-coded)."""

    def derive(estimate: Any) -> Any:
        if estimate.median_annual is None:
            return None
        return int(Decimal(estimate.median_annual) * Decimal(share) // 10 * 10)

    return factory.LazyAttribute(derive)


def _hourly(annual_column: str) -> Any:
    def derive(estimate: Any) -> Decimal | None:
        if estimate.annual_only or getattr(estimate, annual_column) is None:
            return None
        return (Decimal(getattr(estimate, annual_column)) / HOURS_A_YEAR).quantize(Decimal("0.01"))

    return factory.LazyAttribute(derive)


class WageEstimateFactory(DjangoModelFactory[WageEstimate]):
    """One OEWS estimate, statewide by default. `annual_only=True` leaves hourly columns null;
    an hourly-only or top-coded estimate is written with the columns set as BLS publishes."""

    class Meta:
        model = WageEstimate
        django_get_or_create = ("area", "soc_code")

    area = factory.LazyFunction(lambda: state_area(STATEWIDE))
    soc_code = "29-1141"
    oews_title = "Registered Nurses"
    is_detailed = True
    employment = 10000
    employment_rse = Decimal("3.5")
    location_quotient = Decimal("1.00")
    median_annual = 60000
    mean_annual = _wage(PERCENTILES["mean"])
    pct10_annual = _wage(PERCENTILES["pct10"])
    pct25_annual = _wage(PERCENTILES["pct25"])
    pct75_annual = _wage(PERCENTILES["pct75"])
    pct90_annual = _wage(PERCENTILES["pct90"])
    mean_hourly = _hourly("mean_annual")
    pct10_hourly = _hourly("pct10_annual")
    pct25_hourly = _hourly("pct25_annual")
    median_hourly = _hourly("median_annual")
    pct75_hourly = _hourly("pct75_annual")
    pct90_hourly = _hourly("pct90_annual")
    top_coded: list[str] = factory.LazyFunction(list)
    hourly_only = False
    annual_only = False


class NationalProjectionFactory(DjangoModelFactory[NationalProjection]):
    """BLS Employment Projections 2024-34; employment in thousands, as BLS publishes it."""

    class Meta:
        model = NationalProjection
        django_get_or_create = ("soc_code",)

    soc_code = "29-1141"
    title = "Registered nurses"
    is_summary = False
    employment_2024 = Decimal("3000.0")
    change_percent = Decimal("5.0")
    employment_2034 = factory.LazyAttribute(
        lambda p: (p.employment_2024 * (1 + p.change_percent / 100)).quantize(Decimal("0.1"))
    )
    change_numeric = factory.LazyAttribute(lambda p: p.employment_2034 - p.employment_2024)
    annual_openings = Decimal("150.0")
    median_wage_2024 = 80000
    median_wage_top_coded = False
    typical_education = "Bachelor's degree"
    work_experience = "None"
    job_training = "None"


class StateProjectionEstimateFactory(DjangoModelFactory[StateProjectionEstimate]):
    """The state estimate derived from a national projection (openings x employment share)."""

    class Meta:
        model = StateProjectionEstimate
        django_get_or_create = ("state", "soc_code")

    state_id = "35"
    soc_code = "29-1141"
    state_employment = 10000
    employment_share = Decimal("0.003300")
    annual_openings = 500
    change_percent = Decimal("5.0")
    method = "national annual openings x New Mexico's share of national OEWS employment, May 2025"
