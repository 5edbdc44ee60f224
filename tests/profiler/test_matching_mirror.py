"""Matching profiles to occupations on the real O*NET interest ratings of every occupation.
The matching rules are checked on the tiny labour market in test_matching.py."""

import pytest

from pathways.occupations.models import OnetOccupation
from pathways.profiler.data import AREAS
from pathways.profiler.matching import (
    RATING_FIELDS,
    band_for,
    match_profile,
    rated_occupations,
)
from pathways.profiler.results import why_text
from pathways.profiler.scoring import profile_from_scores

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
SOCIAL_INVESTIGATIVE = {"R": 10, "I": 30, "A": 12, "S": 36, "E": 14, "C": 20}


def ratings_of(code: str) -> dict[str, float]:
    onet = OnetOccupation.objects.get(code=code)
    return {a: float(getattr(onet, f)) for a, f in zip(AREAS, RATING_FIELDS, strict=True)}


def test_only_soc_level_occupations_with_all_six_ratings_are_matched(real_data):
    rated = rated_occupations()
    assert len(rated) > 700
    assert all(o.code.endswith(".00") for o in rated)
    assert len({o.soc for o in rated}) == len(rated)
    assert all(1 <= r <= 7 for o in rated for r in o.ratings)


@pytest.mark.parametrize("code", ["29-1141.00", "47-2111.00", "15-1252.00", "27-1024.00"])
def test_a_profile_equal_to_an_occupations_ratings_ranks_it_best(real_data, code):
    profile = profile_from_scores(ratings_of(code))
    matches = match_profile(profile)
    first = matches[0]
    assert first.onet_code == code
    assert first.fit == "best"
    assert first.correlation == pytest.approx(1)
    # The shape counts, not the level: the same ratings scaled to the 0-40 range match too.
    scaled = profile_from_scores({a: v * 5 for a, v in ratings_of(code).items()})
    assert match_profile(scaled)[0].onet_code == code


def test_matches_are_ranked_banded_and_explained(real_data):
    matches = match_profile(profile_from_scores(SOCIAL_INVESTIGATIVE))
    assert len(matches) > 20
    correlations = [m.correlation for m in matches]
    assert correlations == sorted(correlations, reverse=True)
    assert min(correlations) >= 0.4
    for m in matches:
        assert m.band == band_for(m.correlation)
    assert {m.fit for m in matches} == {"best", "great", "good"}
    best = matches[0]
    assert best.shared_high == ("S", "I")
    assert why_text(best) == "High Social and Investigative"


def test_registered_nurses_match_a_nurse_like_student_for_the_right_reasons(real_data):
    matches = {m.soc: m for m in match_profile(profile_from_scores(ratings_of("29-1141.00")))}
    nurse = matches["29-1141"]
    assert nurse.shared_high[:2] == ("S", "I")
    assert why_text(nurse) == "High Social and Investigative"


def test_job_zone_filter_changes_the_list(real_data):
    hands_on = profile_from_scores({"R": 38, "I": 12, "A": 6, "S": 8, "E": 10, "C": 22})
    zone_2 = match_profile(hands_on, job_zone=2)
    zone_5 = match_profile(hands_on, job_zone=5)
    assert zone_2 and {m.soc for m in zone_2}.isdisjoint({m.soc for m in zone_5})
