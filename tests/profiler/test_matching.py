"""Matching profiles to occupations on the tiny labour market's O*NET interest ratings. The
real ratings of all occupations are checked in test_matching_mirror.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pathways.datasets.models import DataSource
from pathways.occupations.combined import combined_codes
from pathways.occupations.models import OnetOccupation
from pathways.profiler.data import AREAS
from pathways.profiler.matching import (
    BANDS,
    RATING_FIELDS,
    band_for,
    clusters_for,
    match_profile,
    pearson,
    rated_occupations,
)
from pathways.profiler.results import why_text
from pathways.profiler.scoring import Profile, profile_from_scores, score_answers

pytestmark = pytest.mark.django_db
SOCIAL_INVESTIGATIVE = {"R": 10, "I": 30, "A": 12, "S": 36, "E": 14, "C": 20}


def ratings_of(code: str) -> dict[str, float]:
    onet = OnetOccupation.objects.get(code=code)
    return {a: float(getattr(onet, f)) for a, f in zip(AREAS, RATING_FIELDS, strict=True)}


def test_pearson():
    assert pearson([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]) == pytest.approx(1)
    assert pearson([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]) == pytest.approx(-1)
    assert pearson([1, 2, 3, 4, 5, 6], [3, 3, 3, 3, 3, 3]) is None
    assert pearson([1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0]) == pytest.approx(-0.2)


def test_bands():
    assert [b.code for b in BANDS] == ["best", "great", "good"]
    assert band_for(1).code == band_for(0.8).code == "best"
    assert band_for(0.7999).code == band_for(0.6).code == "great"
    assert band_for(0.5999).code == band_for(0.4).code == "good"
    assert band_for(0.3999) is None
    assert band_for(-1) is None


def test_only_soc_level_occupations_with_all_six_ratings_are_matched(labour_market):
    rated = rated_occupations()
    # Nine rated occupations: not the Critical Care Nurses specialty (29-1141.03).
    assert {o.soc for o in rated} == {"29-1141", "29-1171", "29-1212", "25-2031", "27-2011",
                                     "47-2111", "25-9042", "25-9043", "25-9049"}  # fmt: skip
    assert all(o.code.endswith(".00") for o in rated)
    assert len({o.soc for o in rated}) == len(rated)
    assert all(1 <= r <= 7 for o in rated for r in o.ratings)


@pytest.mark.parametrize("code", ["29-1141.00", "47-2111.00", "27-2011.00", "25-2031.00"])
def test_a_profile_equal_to_an_occupations_ratings_ranks_it_best(labour_market, code):
    profile = profile_from_scores(ratings_of(code))
    matches = match_profile(profile)
    first = matches[0]
    assert first.onet_code == code
    assert first.fit == "best"
    assert first.correlation == pytest.approx(1)
    # The shape counts, not the level: the same ratings scaled to the 0-40 range match too.
    scaled = profile_from_scores({a: v * 5 for a, v in ratings_of(code).items()})
    assert match_profile(scaled)[0].onet_code == code


def test_matches_are_ranked_banded_and_explained(labour_market):
    matches = match_profile(profile_from_scores(SOCIAL_INVESTIGATIVE))
    assert [m.soc for m in matches[:3]] == ["29-1141", "29-1171", "29-1212"]
    assert len(matches) == 6  # and the three teaching assistants, at 0.48
    correlations = [m.correlation for m in matches]
    assert correlations == sorted(correlations, reverse=True)
    assert min(correlations) >= 0.4
    for m in matches:
        assert m.band == band_for(m.correlation)
    assert {m.fit for m in matches} == {"best", "great", "good"}
    best = matches[0]
    assert best.shared_high == ("S", "I")
    assert why_text(best) == "High Social and Investigative"


def test_registered_nurses_match_a_nurse_like_student_for_the_right_reasons(labour_market):
    matches = {m.soc: m for m in match_profile(profile_from_scores(ratings_of("29-1141.00")))}
    nurse = matches["29-1141"]
    assert nurse.shared_high[:2] == ("S", "C")  # the fixture's nurses are SCI
    assert why_text(nurse) == "High Social and Conventional"


def test_a_flat_profile_has_no_matches(labour_market):
    assert match_profile(score_answers([2] * 60)) == []
    assert match_profile(score_answers([4] * 30)) == []
    assert match_profile(Profile(dict.fromkeys(AREAS, 17.0))) == []


@pytest.mark.parametrize("zone", [1, 2, 3, 4, 5])
def test_job_zone_filter(labour_market, zone):
    profile = profile_from_scores(SOCIAL_INVESTIGATIVE)
    everything = match_profile(profile)
    in_zone = match_profile(profile, job_zone=zone)
    assert all(m.job_zone == zone for m in in_zone)
    assert [m.onet_code for m in in_zone] == [m.onet_code for m in everything if m.job_zone == zone]


def test_job_zone_filter_changes_the_list(labour_market):
    hands_on = profile_from_scores({"R": 38, "I": 12, "A": 6, "S": 8, "E": 10, "C": 22})
    zone_3 = match_profile(hands_on, job_zone=3)
    zone_5 = match_profile(hands_on, job_zone=5)
    assert [m.soc for m in zone_3] == ["47-2111"]  # electricians (RIC), job zone 3
    assert {m.soc for m in zone_3}.isdisjoint({m.soc for m in zone_5})


def test_clusters_of_all_matches_in_one_query(labour_market, django_assert_num_queries):
    socs = [m.soc for m in match_profile(profile_from_scores(SOCIAL_INVESTIGATIVE))]
    combined_codes()  # cached until the next load; a warm read costs the data-version query
    with django_assert_num_queries(2):
        placements = clusters_for(socs)
    assert set(placements) == set(socs)
    nurses = clusters_for(["29-1141"])["29-1141"]
    assert [c.code for c in nurses["2024"]] == ["healthcare-human-services"]
    assert "health-science" in [c.code for c in nurses["legacy"]]


def test_ratings_are_reread_when_onet_is_reloaded(labour_market):
    DataSource.objects.get_or_create(
        slug="onet",
        defaults={"title": "O*NET", "publisher": "USDOL/ETA", "vintage": "30.1",
                  "licence": "CC BY 4.0", "origin": "package", "loaded_at": timezone.now()},
    )  # fmt: skip
    profile = profile_from_scores(ratings_of("29-1141.00"))
    assert match_profile(profile)[0].soc == "29-1141"
    OnetOccupation.objects.filter(code="29-1141.00").update(realistic=7, social=1)
    source = DataSource.objects.get(slug="onet")
    source.loaded_at += timedelta(seconds=1)
    source.save()
    assert match_profile(profile)[0].soc != "29-1141"
