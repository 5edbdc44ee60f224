"""The RIASEC interest profile: score answers (or take six scores) and match occupations.

Mounted at /api/v1/interest-profile. The same functions serve the /interests/ pages.
"""

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from pathways.datasets.registry import get_source
from pathways.profiler.data import AREAS, instrument
from pathways.profiler.matching import BANDS, JOB_ZONES, match_profile
from pathways.profiler.results import number
from pathways.profiler.scoring import (
    FULL_LENGTH,
    MAX_SCORE,
    SHORT_LENGTH,
    Profile,
    ProfileError,
    profile_from_scores,
    score_answers,
)

router = Router(tags=["interest profile"])
MAX_LIMIT = 1000
ORDER = " ".join(item.id for item in instrument().questionnaire())
FLAT_MESSAGE = (
    "All six scores are equal, so no area stands out and the profile cannot be compared "
    "with occupations. Answer again, thinking about how much you would like each activity."
)


class Error(Schema):
    detail: str = Field(description="What was wrong, naming the bad value.")


class ProfileIn(Schema):
    # Loosely typed on purpose: every problem is answered with one plain message (422).
    answers: list[Any] | None = Field(
        None,
        description=f"{FULL_LENGTH} answers, each 0 (strongly dislike) to 4 (strongly like), "
        f"in questionnaire order: {ORDER}. {SHORT_LENGTH} answers score the short version "
        "(its odd-numbered items, same order); its area sums are doubled to the 0-40 range.",
        json_schema_extra={"items": {"type": "integer", "minimum": 0, "maximum": 4}},
    )
    scores: dict[str, Any] | None = Field(
        None,
        description=f"Six area scores, 0-{MAX_SCORE}, keyed R I A S E C. Give answers or "
        "scores, not both.",
        json_schema_extra={"example": {"R": 12, "I": 31, "A": 18, "S": 36, "E": 15, "C": 20}},
    )
    job_zone: Any = Field(
        None,
        description="Only occupations in this O*NET job zone (1-5); omit for all.",
        json_schema_extra={"type": "integer", "minimum": 1, "maximum": 5},
    )
    limit: Any = Field(
        None,
        description=f"At most this many matches (1-{MAX_LIMIT}); omit for all.",
        json_schema_extra={"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
    )


class InterestMatchOut(Schema):
    soc: str = Field(description="SOC 2018 code, e.g. 29-1141.")
    onet_code: str = Field(description="The O*NET-SOC occupation whose ratings matched.")
    title: str
    fit: Literal["best", "great", "good"]
    correlation: float = Field(description="Pearson correlation of the two profiles, -1 to 1.")
    job_zone: int | None
    shared_high: list[str] = Field(
        description="Areas both the profile and the occupation are above their own average "
        "in, strongest first: why the occupation matches."
    )


class ItemOut(Schema):
    position: int = Field(description="Place in the 60-item questionnaire (and in `answers`).")
    id: str
    area: str = Field(description="R, I, A, S, E or C.")
    short: bool = Field(description="Also in the 30-item version.")
    en: str
    es: str


class ProfileOut(Schema):
    scores: dict[str, int | float] = Field(description="R I A S E C, each 0-40.")
    top_areas: list[str] = Field(description="The three highest areas; empty when flat.")
    scaled_from_short_form: bool
    flat: bool = Field(description="All six scores equal: no matches can be computed.")
    message: str | None = Field(description="Why there are no matches, when flat.")
    job_zone: int | None
    bands: dict[str, float] = Field(description="The lowest correlation of each fit band.")
    matches: list[InterestMatchOut]
    matches_total: int = Field(description="Matches before `limit` was applied.")
    method: str
    source: str


def _whole(value: Any, name: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise HttpError(422, f"{name} must be a whole number from {low} to {high}, got {value!r}")
    return value


def _profile(payload: ProfileIn) -> Profile:
    if (payload.answers is None) == (payload.scores is None):
        raise HttpError(422, "Give either 'answers' or 'scores', not both and not neither.")
    try:
        if payload.answers is not None:
            return score_answers(payload.answers)
        assert payload.scores is not None
        return profile_from_scores(payload.scores)
    except ProfileError as error:
        raise HttpError(422, str(error)[:1].upper() + str(error)[1:] + ".") from error


@router.post(
    "",
    response={200: ProfileOut, 422: Error},
    summary="Score an interest profile and match occupations",
)
def interest_profile(request: HttpRequest, payload: ProfileIn) -> ProfileOut:
    """Score 60 (or 30) answers, or take six scores, and list the occupations whose O*NET
    interest ratings correlate with them: Best >= 0.80, Great >= 0.60, Good >= 0.40."""
    job_zone = _whole(payload.job_zone, "job_zone", min(JOB_ZONES), max(JOB_ZONES))
    limit = _whole(payload.limit, "limit", 1, MAX_LIMIT)
    profile = _profile(payload)
    matches = match_profile(profile, job_zone)
    return ProfileOut(
        scores={a: number(profile.scores[a]) for a in AREAS},
        top_areas=profile.top_areas(),
        scaled_from_short_form=profile.short_form,
        flat=profile.flat,
        message=FLAT_MESSAGE if profile.flat else None,
        job_zone=job_zone,
        bands={b.code: b.minimum for b in BANDS},
        matches=[
            InterestMatchOut(
                soc=m.soc,
                onet_code=m.onet_code,
                title=m.title,
                fit=m.band.code,  # type: ignore[arg-type]
                correlation=round(m.correlation, 4),
                job_zone=m.job_zone,
                shared_high=list(m.shared_high),
            )
            for m in (matches[:limit] if limit else matches)
        ],
        matches_total=len(matches),
        method="Pearson correlation of the six scores with each O*NET-SOC .00 occupation's "
        "six Occupational Interest ratings (1-7).",
        source=get_source("onet").attribution,
    )


@router.get("/items", response=list[ItemOut], summary="The profiler's items, in answer order")
def items(request: HttpRequest) -> list[ItemOut]:
    """The 60 items in the order `answers` gives them; `short` marks the 30-item version."""
    return [
        ItemOut(position=n, id=i.id, area=i.area, short=i.short, en=i.text.en, es=i.text.es)
        for n, i in enumerate(instrument().questionnaire(), 1)
    ]
