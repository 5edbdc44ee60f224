"""Scoring: known answer sheets give known scores."""

import pytest

from pathways.profiler.data import AREAS, instrument
from pathways.profiler.scoring import (
    Profile,
    ProfileError,
    profile_from_scores,
    score_answers,
    score_items,
)


def sheet(per_area: dict[str, list[int]], short: bool = False) -> list[int]:
    """An answer list in questionnaire order from each area's answers in item order."""
    queues = {area: list(values) for area, values in per_area.items()}
    return [queues[item.area].pop(0) for item in instrument().questionnaire(short)]


def test_all_strongly_like_scores_forty_everywhere_and_is_flat():
    profile = score_answers([4] * 60)
    assert profile.scores == dict.fromkeys(AREAS, 40)
    assert profile.flat
    assert profile.top_areas() == []


def test_all_strongly_dislike_scores_zero():
    assert score_answers([0] * 60).scores == dict.fromkeys(AREAS, 0)


def test_one_area_liked_the_rest_disliked():
    answers = sheet(
        {"R": [0] * 10, "I": [0] * 10, "A": [0] * 10, "S": [4] * 10, "E": [0] * 10, "C": [0] * 10}
    )
    profile = score_answers(answers)
    assert profile.scores == {"R": 0, "I": 0, "A": 0, "S": 40, "E": 0, "C": 0}
    assert profile.top_areas()[0] == "S"


def test_a_mixed_sheet():
    answers = sheet(
        {
            "R": [0, 1, 2, 3, 4, 0, 1, 2, 3, 4],  # 20
            "I": [4, 4, 4, 4, 4, 3, 3, 3, 3, 3],  # 35
            "A": [1] * 10,  # 10
            "S": [4, 4, 4, 4, 4, 4, 4, 4, 4, 3],  # 39
            "E": [2] * 10,  # 20
            "C": [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],  # 1
        }
    )
    profile = score_answers(answers)
    assert profile.scores == {"R": 20, "I": 35, "A": 10, "S": 39, "E": 20, "C": 1}
    assert profile.top_areas() == ["S", "I", "R"]  # R and E tie at 20: RIASEC order
    assert profile.code() == "SIR"
    assert not profile.short_form


def test_the_questionnaire_order_is_the_areas_in_turns():
    # R1 I1 A1 S1 E1 C1 R2 ...: answering 0 1 2 3 4 0 repeatedly.
    profile = score_answers([0, 1, 2, 3, 4, 0] * 10)
    assert profile.scores == {"R": 0, "I": 10, "A": 20, "S": 30, "E": 40, "C": 0}


def test_short_version_is_doubled_to_the_same_range():
    answers = sheet(
        {
            "R": [4] * 5,
            "I": [3] * 5,
            "A": [2] * 5,
            "S": [1] * 5,
            "E": [0] * 5,
            "C": [4, 4, 0, 0, 1],
        },
        short=True,
    )
    profile = score_answers(answers)
    assert profile.short_form
    assert profile.scores == {"R": 40, "I": 30, "A": 20, "S": 10, "E": 0, "C": 18}


def test_short_version_uses_the_short_items_only():
    short_ids = {i.id for i in instrument().items if i.short}
    answers = {i.id: (4 if i.id in short_ids else 0) for i in instrument().items}
    assert score_items(answers, short=True).scores == dict.fromkeys(AREAS, 40)
    assert score_items(answers, short=False).scores == dict.fromkeys(AREAS, 20)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ([2] * 59, "expected 60 answers (or 30 for the short version), got 59"),
        ([2] * 61, "got 61"),
        ([], "got 0"),
        ([2] * 59 + [5], "answer 60 is 5; each answer must be from 0 to 4"),
        ([-1] + [2] * 59, "answer 1 is -1"),
        ([2] * 29 + ["3"], "answer 30 must be a whole number from 0 to 4"),
        ([2.5] + [2] * 59, "answer 1 must be a whole number"),
        ([True] + [2] * 59, "answer 1 must be a whole number"),
        ([None] * 30, "answer 1 must be a whole number"),
    ],
)
def test_malformed_answers_are_refused_with_a_message(answers, message):
    with pytest.raises(ProfileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        score_answers(answers)


def test_missing_items_are_named():
    answers = {i.id: 2 for i in instrument().questionnaire(short=True)}
    del answers["S3"]
    with pytest.raises(ProfileError, match="1 items are not answered: S3"):
        score_items(answers, short=True)


def test_scores_given_directly():
    profile = profile_from_scores({"R": 3.5, "I": 40, "A": 0, "S": 12, "E": 7, "C": 7})
    assert profile.top_areas() == ["I", "S", "E"]  # E and C tie: RIASEC order
    assert profile.spread == 40


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"R": 1, "I": 1, "A": 1, "S": 1, "E": 1}, "missing C"),
        ({"R": 1, "I": 1, "A": 1, "S": 1, "E": 1, "C": 1, "X": 1}, "unknown X"),
        ({"R": 41, "I": 1, "A": 1, "S": 1, "E": 1, "C": 1}, "score R is 41"),
        ({"R": -1, "I": 1, "A": 1, "S": 1, "E": 1, "C": 1}, "score R is -1"),
        ({"R": "9", "I": 1, "A": 1, "S": 1, "E": 1, "C": 1}, "score R must be a number"),
        ({"R": float("nan"), "I": 1, "A": 1, "S": 1, "E": 1, "C": 1}, "score R is nan"),
    ],
)
def test_malformed_scores_are_refused(scores, message):
    with pytest.raises(ProfileError, match=message):
        profile_from_scores(scores)


def test_flat_and_close_profiles():
    assert Profile(dict.fromkeys(AREAS, 20.0)).flat
    close = Profile({"R": 20, "I": 22, "A": 21, "S": 20, "E": 20, "C": 20})
    assert not close.flat and close.low_spread
    assert not Profile({"R": 10, "I": 30, "A": 12, "S": 36, "E": 14, "C": 20}).low_spread
