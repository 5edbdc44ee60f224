"""Derived: state annual openings estimated from national projections -> StateProjectionEstimate.

BLS publishes openings for the nation only. For each detailed occupation the state's
estimate is national openings x the state's share of national OEWS employment; growth is
the national percent change. Always shown as an estimate, never as a state projection.
"""

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from pathways.geography.models import State
from pathways.occupations.models import NationalProjection, StateProjectionEstimate, WageEstimate

from .errors import DataError
from .loading import replace_rows

NATIONAL_AREA = "0000000"
SHARE_PLACES = Decimal("0.000001")  # employment_share has 6 decimal places


def statewide_area(fips: str) -> str:
    return f"{fips}00000"  # OEWS statewide area code, e.g. 3500000 for New Mexico


def _employment(area: str) -> dict[str, int]:
    rows = WageEstimate.objects.filter(area_id=area, is_detailed=True, employment__isnull=False)
    return {soc: n for soc, n in rows.values_list("soc_code", "employment") if n is not None}


def _state() -> State:
    try:
        return State.objects.get()
    except State.DoesNotExist:
        raise DataError("no state is loaded: load the 'state_profile' source first") from None
    except State.MultipleObjectsReturned:
        raise DataError("the state profile lists more than one state; expected one") from None


def annual_openings(national_thousands: Decimal, state: int, national: int) -> int:
    """round(national openings x 1000 x state share), halves rounded up."""
    exact = national_thousands * 1000 * state / national
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def estimates() -> list[StateProjectionEstimate]:
    state = _state()
    in_state = _employment(statewide_area(state.fips))
    national = _employment(NATIONAL_AREA)
    if not in_state or not national:
        raise DataError(
            f"OEWS wages for {state.name} and the nation are not loaded: "
            "load the 'oews' source first"
        )
    projections = NationalProjection.objects.filter(annual_openings__isnull=False)
    if not projections.exists():
        raise DataError("national projections are not loaded: load the 'bls_ep' source first")
    rows = []
    for soc, openings, change in projections.values_list(
        "soc_code", "annual_openings", "change_percent"
    ):
        if openings is None or soc not in in_state or not national.get(soc):
            continue
        share = Decimal(in_state[soc]) / national[soc]
        rows.append(
            StateProjectionEstimate(
                state_id=state.fips,
                soc_code=soc,
                state_employment=in_state[soc],
                employment_share=share.quantize(SHARE_PLACES, rounding=ROUND_HALF_UP),
                annual_openings=annual_openings(openings, in_state[soc], national[soc]),
                change_percent=change,
                method=(
                    f"BLS national annual openings 2024–34 ({openings} thousand) × {state.name}'s "
                    f"share of national employment in the occupation (OEWS May 2025: "
                    f"{in_state[soc]:,} of {national[soc]:,}); "
                    "growth is the national percent change."
                ),
            )
        )
    return rows


def load(files: dict[str, Path]) -> dict[str, int]:
    return {"state projection estimates": replace_rows(StateProjectionEstimate, estimates())}
