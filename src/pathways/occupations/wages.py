"""Which OEWS estimate describes an occupation in a place, with the fallbacks made visible.

OEWS publishes some detailed SOC occupations only combined (13-1021/22/23 as 13-1020,
25-9042/43/49 as 25-9045; see `combined`), and small areas lack many estimates. A lookup
tries the occupation's own code, then its combined code; and the requested area, then the
statewide area. The result says what it fell back to.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from pathways.geography.models import OewsArea
from pathways.geography.services import state_area_code
from pathways.occupations.combined import CombinedCode, member_map, oews_code_for
from pathways.occupations.models import WageEstimate

NATIONAL_AREA = "0000000"
SOURCE = "BLS OEWS"
PERIOD = "May 2025"
# BLS publishes wages above these only as "at or above" (OEWS top-coding).
TOP_CODES = {"annual": Decimal(239200), "hourly": Decimal("115.00")}
TOP_CODED_ANNUAL = int(TOP_CODES["annual"])


def candidate_codes(soc: str, members: dict[str, list[CombinedCode]] | None = None) -> list[str]:
    """The occupation's own code, then the OEWS combined code that covers it (if any).

    Loops pass `member_map()` once instead of reading it for every code."""
    combined = oews_code_for(soc, member_map() if members is None else members)
    return [soc] if combined is None else [soc, combined]


@dataclass(frozen=True)
class Wage:
    estimate: WageEstimate
    requested_area: str
    # True when the estimate is for a larger area than the one asked for.
    area_fallback: bool
    # True when the estimate is for OEWS's merged occupation code, not the SOC itself.
    merged_occupation: bool

    @property
    def area(self) -> OewsArea:
        return self.estimate.area


def wages_for(
    socs: Iterable[str],
    area_code: str,
    fallback_area_code: str | None = None,
    members: dict[str, list[CombinedCode]] | None = None,
) -> dict[str, Wage]:
    """One estimate per SOC for the area, falling back to `fallback_area_code`; two queries
    (and two more when the combined codes are not cached)."""
    socs = list(socs)
    fallback = fallback_area_code or state_area_code()
    areas = [area_code] if area_code == fallback else [area_code, fallback]
    members = member_map() if members is None else members
    candidates = {soc: candidate_codes(soc, members) for soc in socs}
    codes = {code for found in candidates.values() for code in found}
    estimates = {
        (e.area_id, e.soc_code): e
        for e in WageEstimate.objects.filter(area_id__in=areas, soc_code__in=codes).select_related(
            "area"
        )
    }
    found = {}
    for soc in socs:
        for area in areas:
            hit = _first(estimates, area, candidates[soc])
            if hit is not None:
                found[soc] = Wage(hit, area_code, area != area_code, hit.soc_code != soc)
                break
    return found


def _first(
    estimates: dict[tuple[str, str], WageEstimate], area: str, codes: list[str]
) -> WageEstimate | None:
    for code in codes:
        estimate = estimates.get((area, code))
        if estimate is not None and (
            estimate.median_annual or estimate.median_hourly or estimate.top_coded
        ):
            return estimate
    return None
