"""Occupations whose interest profile looks like the student's.

A student's six scores are compared with each occupation's six O*NET Occupational Interest
ratings (1-7) by Pearson correlation: the shape of the two profiles, not their level, so a
student who likes everything a little and one who likes everything a lot can both match.
Only O*NET's SOC-level occupations (codes ending ``.00``) with all six ratings are used:
one per SOC code, which is what New Mexico wages, openings and clusters are published for
(O*NET's specialties such as 29-1141.01 share their SOC's figures and would repeat them).

Bands, by correlation: Best >= 0.80, Great >= 0.60, Good >= 0.40; weaker matches are not
shown. A flat profile (all six scores equal) has no shape to compare, so it gets no matches.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pathways.datasets.models import DataSource
from pathways.framework.models import Framework, SubClusterOccupation
from pathways.occupations.combined import member_map
from pathways.occupations.models import OnetOccupation
from pathways.occupations.wages import candidate_codes

from .data import AREAS
from .scoring import Profile

RATING_FIELDS = ("realistic", "investigative", "artistic", "social", "enterprising", "conventional")
JOB_ZONES = (1, 2, 3, 4, 5)
WHY_AREAS = 2  # the "why" text names at most this many shared areas


@dataclass(frozen=True)
class Band:
    code: str
    label: Promise
    minimum: float


BANDS = (
    Band("best", _("Best"), 0.80),
    Band("great", _("Great"), 0.60),
    Band("good", _("Good"), 0.40),
)
MIN_CORRELATION = BANDS[-1].minimum


def band_for(correlation: float) -> Band | None:
    return next((b for b in BANDS if correlation >= b.minimum - 1e-9), None)


@dataclass(frozen=True)
class RatedOccupation:
    code: str
    soc: str
    title: str
    job_zone: int | None
    ratings: tuple[float, ...]  # R, I, A, S, E, C on O*NET's 1-7 scale
    centred: tuple[float, ...] = field(repr=False)
    norm: float = field(repr=False)


@dataclass(frozen=True)
class Match:
    soc: str
    onet_code: str
    title: str
    job_zone: int | None
    correlation: float
    band: Band
    # Areas where both the student and the occupation are above their own average,
    # strongest first: the reason the match appears ("high Social and Investigative").
    shared_high: tuple[str, ...]
    # When no area is shared high: areas both are below average in.
    shared_low: tuple[str, ...]

    @property
    def fit(self) -> str:
        return self.band.code


def _centre(values: Sequence[float]) -> tuple[tuple[float, ...], float]:
    mean = sum(values) / len(values)
    centred = tuple(v - mean for v in values)
    return centred, math.sqrt(sum(c * c for c in centred))


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson correlation of two equal-length profiles; None when either is flat."""
    cx, nx = _centre(x)
    cy, ny = _centre(y)
    if nx == 0 or ny == 0:
        return None
    return sum(a * b for a, b in zip(cx, cy, strict=True)) / (nx * ny)


@dataclass(frozen=True)
class _Loaded:
    version: object  # O*NET's loaded_at when the rows were read
    rows: list[RatedOccupation]


# The last rows read, kept for the process; replaced whole, so threads need no lock.
_loaded: _Loaded | None = None


def rated_occupations() -> list[RatedOccupation]:
    """Every `.00` occupation with six interest ratings; reread when O*NET is reloaded."""
    global _loaded
    version = DataSource.objects.filter(slug="onet").values_list("loaded_at", flat=True).first()
    cached = _loaded
    if cached is not None and cached.version == version:
        return cached.rows
    query = OnetOccupation.objects.filter(code__endswith=".00").order_by("code")
    for name in RATING_FIELDS:
        query = query.filter(**{f"{name}__isnull": False})
    rows: list[RatedOccupation] = []
    for code, soc, title, zone, *ratings in query.values_list(
        "code", "soc_code", "title", "job_zone", *RATING_FIELDS
    ):
        values = tuple(float(r) for r in ratings)
        centred, norm = _centre(values)
        if norm > 0:
            rows.append(RatedOccupation(code, soc, title, zone, values, centred, norm))
    if rows and version is not None:
        _loaded = _Loaded(version, rows)
    return rows


def _shared(student: Sequence[float], occupation: Sequence[float], high: bool) -> tuple[str, ...]:
    sign = 1 if high else -1
    both = [
        (s * o, area)
        for area, s, o in zip(AREAS, student, occupation, strict=True)
        if s * sign > 0 and o * sign > 0
    ]
    both.sort(key=lambda pair: (-pair[0], AREAS.index(pair[1])))
    return tuple(area for _, area in both[:WHY_AREAS])


def match_profile(profile: Profile, job_zone: int | None = None) -> list[Match]:
    """Occupations correlating at least 0.40 with the profile, best first.

    `job_zone` keeps occupations in that O*NET job zone (1-5) only. A flat profile has no
    matches."""
    if profile.flat:
        return []
    centred, norm = _centre(profile.values())
    s0, s1, s2, s3, s4, s5 = centred
    matches = []
    for occupation in rated_occupations():
        if job_zone is not None and occupation.job_zone != job_zone:
            continue
        o0, o1, o2, o3, o4, o5 = occupation.centred
        r = (s0 * o0 + s1 * o1 + s2 * o2 + s3 * o3 + s4 * o4 + s5 * o5) / (norm * occupation.norm)
        if r < MIN_CORRELATION - 1e-9:
            continue
        band = band_for(r)
        assert band is not None
        high = _shared(centred, occupation.centred, high=True)
        matches.append(
            Match(
                occupation.soc,
                occupation.code,
                occupation.title,
                occupation.job_zone,
                min(r, 1.0),
                band,
                high,
                () if high else _shared(centred, occupation.centred, high=False),
            )
        )
    matches.sort(key=lambda m: (-round(m.correlation, 9), m.title))
    return matches


@dataclass(frozen=True)
class ClusterRef:
    code: str
    name: str
    framework: str


def clusters_for(socs: Iterable[str]) -> dict[str, dict[str, list[ClusterRef]]]:
    """Each occupation's clusters in both frameworks, in one query for all of them:
    {soc: {"2024": [...], "legacy": [...]}}. OEWS's merged codes count too, as on the
    occupation profile."""
    socs = list(dict.fromkeys(socs))
    lookup: dict[str, list[str]] = {}
    members = member_map()
    for soc in socs:
        for code in candidate_codes(soc, members):
            lookup.setdefault(code, []).append(soc)
    found: dict[str, dict[str, dict[str, ClusterRef]]] = {
        soc: {Framework.MODERN: {}, Framework.LEGACY: {}} for soc in socs
    }
    links = SubClusterOccupation.objects.filter(soc_code__in=lookup).values_list(
        "soc_code",
        "subcluster__cluster_id",
        "subcluster__cluster__name",
        "subcluster__cluster__framework",
    )
    for code, cluster, name, framework in links:
        for soc in lookup.get(code, []):
            found[soc].setdefault(framework, {})[cluster] = ClusterRef(cluster, name, framework)
    return {
        soc: {fw: sorted(refs.values(), key=lambda c: c.name) for fw, refs in frameworks.items()}
        for soc, frameworks in found.items()
    }
