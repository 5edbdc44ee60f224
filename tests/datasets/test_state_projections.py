"""State openings estimated from national projections and the state's share of employment."""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.conf import settings

from pathways.datasets import state_profile, state_projections
from pathways.datasets.errors import DataError
from pathways.datasets.loading import load_source
from pathways.datasets.registry import get_source
from pathways.occupations.models import NationalProjection, StateProjectionEstimate, WageEstimate

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile() -> None:
    path = Path(settings.PATHWAYS_STATE_PROFILE)
    state_profile.load({path.name: path})


def wage(area: str, soc: str, employment: int | None, *, detailed: bool = True) -> WageEstimate:
    return WageEstimate(
        area_id=area, soc_code=soc, oews_title=soc, is_detailed=detailed, employment=employment
    )


def projection(soc: str, openings: str | None, change: str | None = "4.9") -> NationalProjection:
    return NationalProjection(
        soc_code=soc,
        title=soc,
        is_summary=False,
        annual_openings=None if openings is None else Decimal(openings),
        change_percent=None if change is None else Decimal(change),
    )


@pytest.fixture
def sources(profile) -> None:
    WageEstimate.objects.bulk_create(
        [
            wage("3500000", "29-1141", 17980),
            wage("0000000", "29-1141", 3379720),
            wage("3500000", "29-2061", 2460),
            wage("0000000", "29-2061", 651400),
            wage("3500000", "11-3012", None),  # employment not released in NM
            wage("0000000", "11-3012", 250000),
            wage("3500000", "29-0000", 52060, detailed=False),
            wage("0000000", "29-0000", 9500000, detailed=False),
            wage("3500000", "27-2042", 60),  # no national estimate
            wage("3500000", "25-2021", 6210),
            wage("0000000", "25-2021", 1400000),
        ]
    )
    NationalProjection.objects.bulk_create(
        [
            projection("29-1141", "189.1"),
            projection("29-2061", "54.4", "2.6"),
            projection("11-3012", "25.0"),
            projection("29-0000", "700.0"),
            projection("27-2042", "19.4"),
            projection("25-2021", None),  # openings not published
        ]
    )


def test_openings_are_national_openings_times_the_state_share(sources):
    assert state_projections.load({}) == {"state projection estimates": 2}
    rn = StateProjectionEstimate.objects.get(soc_code="29-1141")
    assert rn.state_id == "35"
    assert rn.state_employment == 17980
    assert rn.employment_share == Decimal("0.005320")  # 17,980 / 3,379,720
    assert rn.annual_openings == 1006  # 189,100 x 0.00532 = 1,006.0
    assert rn.change_percent == Decimal("4.9")
    assert "189.1 thousand" in rn.method and "17,980 of 3,379,720" in rn.method
    assert "New Mexico" in rn.method
    lpn = StateProjectionEstimate.objects.get(soc_code="29-2061")
    assert lpn.annual_openings == 205  # 54,400 x 2,460 / 651,400 = 205.4
    assert lpn.change_percent == Decimal("2.6")


def test_occupations_without_every_input_get_no_estimate(sources):
    state_projections.load({})
    # No NM employment, a group, no national estimate, no published openings.
    assert set(StateProjectionEstimate.objects.values_list("soc_code", flat=True)) == {
        "29-1141", "29-2061",
    }  # fmt: skip


def test_halves_round_up():
    assert state_projections.annual_openings(Decimal("0.5"), 1, 1000) == 1  # 0.5 -> 1
    assert state_projections.annual_openings(Decimal("2.5"), 1, 1000) == 3  # not banker's 2


def test_reloading_replaces_the_estimates(sources):
    state_projections.load({})
    NationalProjection.objects.filter(soc_code="29-1141").update(annual_openings=Decimal("100.0"))
    assert state_projections.load({}) == {"state projection estimates": 2}
    assert StateProjectionEstimate.objects.get(soc_code="29-1141").annual_openings == 532


def test_missing_sources_are_named(profile):
    with pytest.raises(DataError, match="load the 'oews' source first"):
        state_projections.load({})
    WageEstimate.objects.bulk_create(
        [wage("3500000", "29-1141", 17980), wage("0000000", "29-1141", 3379720)]
    )
    with pytest.raises(DataError, match="load the 'bls_ep' source first"):
        state_projections.load({})


def test_without_a_state_the_profile_is_named():
    with pytest.raises(DataError, match="load the 'state_profile' source first"):
        state_projections.load({})


@pytest.mark.mirror
def test_real_new_mexico_estimates(mirror):
    for slug in ("state_profile", "oews", "bls_ep", "state_projections"):
        load_source(get_source(slug), mirror)

    rn = StateProjectionEstimate.objects.get(state_id="35", soc_code="29-1141")
    in_nm = WageEstimate.objects.get(area_id="3500000", soc_code="29-1141").employment
    national = WageEstimate.objects.get(area_id="0000000", soc_code="29-1141").employment
    openings = NationalProjection.objects.get(soc_code="29-1141").annual_openings
    assert (in_nm, national, openings) == (17980, 3379720, Decimal("189.1"))
    expected = (openings * 1000 * in_nm / national).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert rn.annual_openings == expected == 1006
    assert rn.change_percent == Decimal("4.9")
    assert StateProjectionEstimate.objects.count() > 600
