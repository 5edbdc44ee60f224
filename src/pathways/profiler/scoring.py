"""Scoring the interest profiler: answers 0-4 to six area scores 0-40.

The 60-item version sums the 10 answers of each area (0-40). The 30-item version sums 5
answers (0-20) and doubles the sum, so both versions report on the same 0-40 range.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .data import AREAS, instrument

MAX_ANSWER = 4
MAX_SCORE = 40
FULL_LENGTH = 60
SHORT_LENGTH = 30
SHORT_FACTOR = 2  # 5 items x 4 = 20, doubled to 40
TOP_AREAS = 3
# Scores this close together (highest minus lowest, of 40) say little about which area
# the student prefers; the results page says so.
LOW_SPREAD = 6


class ProfileError(ValueError):
    """Answers or scores that cannot be scored; the message says what is wrong."""


@dataclass(frozen=True)
class Profile:
    """Six area scores on the 0-40 range, and whether they come from the 30-item version."""

    scores: dict[str, float]
    short_form: bool = False

    def values(self) -> list[float]:
        return [self.scores[a] for a in AREAS]

    @property
    def flat(self) -> bool:
        """All six scores equal: no area stands out and no correlation can be computed."""
        return len(set(self.values())) == 1

    @property
    def spread(self) -> float:
        return max(self.values()) - min(self.values())

    @property
    def low_spread(self) -> bool:
        return not self.flat and self.spread < LOW_SPREAD

    def top_areas(self, n: int = TOP_AREAS) -> list[str]:
        """The n highest areas, ties in RIASEC order; none for a flat profile."""
        if self.flat:
            return []
        return sorted(AREAS, key=lambda a: (-self.scores[a], AREAS.index(a)))[:n]

    def code(self) -> str:
        """The top areas as a Holland code, e.g. "SIA"."""
        return "".join(self.top_areas())


def _check_answer(position: int, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProfileError(f"answer {position} must be a whole number from 0 to {MAX_ANSWER}")
    if not 0 <= value <= MAX_ANSWER:
        raise ProfileError(
            f"answer {position} is {value}; each answer must be from 0 to {MAX_ANSWER}"
        )
    return value


def score_answers(answers: Sequence[object]) -> Profile:
    """Score a list of 60 answers (or 30 for the short version) in questionnaire order."""
    if len(answers) not in (FULL_LENGTH, SHORT_LENGTH):
        raise ProfileError(
            f"expected {FULL_LENGTH} answers (or {SHORT_LENGTH} for the short version), "
            f"got {len(answers)}"
        )
    short = len(answers) == SHORT_LENGTH
    items = instrument().questionnaire(short)
    pairs = enumerate(zip(items, answers, strict=True), 1)
    return score_items({item.id: _check_answer(n, a) for n, (item, a) in pairs}, short)


def score_items(answers: Mapping[str, int], short: bool = False) -> Profile:
    """Score answers keyed by item id; every item of the version must be answered."""
    items = instrument().questionnaire(short)
    missing = [item.id for item in items if item.id not in answers]
    if missing:
        raise ProfileError(f"{len(missing)} items are not answered: {', '.join(missing)}")
    totals = dict.fromkeys(AREAS, 0)
    for position, item in enumerate(items, 1):
        totals[item.area] += _check_answer(position, answers[item.id])
    factor = SHORT_FACTOR if short else 1
    return Profile({a: float(totals[a] * factor) for a in AREAS}, short_form=short)


def profile_from_scores(scores: Mapping[str, object], short_form: bool = False) -> Profile:
    """Six scores given directly, each a number from 0 to 40."""
    keys = set(scores)
    if keys != set(AREAS):
        missing = "".join(a for a in AREAS if a not in keys)
        unknown = sorted(keys - set(AREAS))
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown {', '.join(unknown)}")
        raise ProfileError(f"scores need exactly R, I, A, S, E and C ({'; '.join(parts)})")
    checked = {}
    for area in AREAS:
        value = scores[area]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ProfileError(f"score {area} must be a number from 0 to {MAX_SCORE}")
        if not math.isfinite(value) or not 0 <= value <= MAX_SCORE:
            raise ProfileError(f"score {area} is {value}; scores must be from 0 to {MAX_SCORE}")
        checked[area] = float(value)
    return Profile(checked, short_form)
