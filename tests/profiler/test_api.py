"""POST /api/v1/interest-profile (tested on its router until it is mounted) on the tiny
labour market. Matches among all of O*NET's occupations are in test_api_mirror.py."""

import pytest
from ninja.testing import TestClient

from pathways.api.v1.profiler import router
from pathways.occupations.models import OnetOccupation
from pathways.profiler.data import instrument

pytestmark = pytest.mark.django_db
SOCIAL_INVESTIGATIVE = {"R": 10, "I": 30, "A": 12, "S": 36, "E": 14, "C": 20}


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(router)


def test_answers_are_scored_and_matched(api, labour_market):
    # R1 I1 A1 S1 E1 C1 R2 ...: each area answered the same throughout.
    response = api.post("", json={"answers": [1, 3, 0, 4, 2, 2] * 10})
    assert response.status_code == 200
    body = response.json()
    assert body["scores"] == {"R": 10, "I": 30, "A": 0, "S": 40, "E": 20, "C": 20}
    assert body["top_areas"] == ["S", "I", "E"]
    assert body["flat"] is False and body["message"] is None
    assert body["scaled_from_short_form"] is False
    assert body["bands"] == {"best": 0.8, "great": 0.6, "good": 0.4}
    first = body["matches"][0]
    assert set(first) >= {"soc", "title", "fit", "correlation"}
    assert first["fit"] == "best" and first["correlation"] >= 0.8
    assert "CC BY 4.0" in body["source"]


def test_thirty_answers_score_the_short_version(api, labour_market):
    body = api.post("", json={"answers": [4, 0, 0, 0, 0, 1] * 5}).json()
    assert body["scores"] == {"R": 40, "I": 0, "A": 0, "S": 0, "E": 0, "C": 10}
    assert body["scaled_from_short_form"] is True


def test_scores_equal_to_an_occupations_ratings_rank_it_best(api, labour_market):
    nurse = OnetOccupation.objects.get(code="29-1141.00")
    scores = {
        "R": float(nurse.realistic),
        "I": float(nurse.investigative),
        "A": float(nurse.artistic),
        "S": float(nurse.social),
        "E": float(nurse.enterprising),
        "C": float(nurse.conventional),
    }
    body = api.post("", json={"scores": scores}).json()
    assert body["matches"][0]["soc"] == "29-1141"
    assert body["matches"][0]["fit"] == "best"
    assert body["matches"][0]["correlation"] == pytest.approx(1)
    assert body["matches"][0]["shared_high"][:2] == ["S", "C"]  # the fixture's nurses: SCI


def test_job_zone_and_limit(api, labour_market):
    body = api.post("", json={"scores": SOCIAL_INVESTIGATIVE, "job_zone": 3, "limit": 2}).json()
    assert body["job_zone"] == 3
    # Nurses and the three teaching assistants of the combined code are job zone 3.
    assert (len(body["matches"]), body["matches_total"]) == (2, 4)
    assert body["matches"][0]["soc"] == "29-1141"
    assert {m["job_zone"] for m in body["matches"]} == {3}
    everything = api.post("", json={"scores": SOCIAL_INVESTIGATIVE}).json()
    assert everything["matches_total"] > body["matches_total"]


def test_a_flat_profile_gets_an_explanation_and_no_matches(api, labour_market):
    body = api.post("", json={"answers": [3] * 60}).json()
    assert body["flat"] is True
    assert body["matches"] == [] and body["top_areas"] == []
    assert "All six scores are equal" in body["message"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"answers": [2] * 59}, "Expected 60 answers (or 30 for the short version), got 59."),
        ({"answers": [2] * 59 + [5]}, "Answer 60 is 5; each answer must be from 0 to 4."),
        ({"answers": [2] * 59 + [-1]}, "Answer 60 is -1"),
        ({"answers": ["a"] * 60}, "Answer 1 must be a whole number from 0 to 4."),
        ({"answers": [2.5] * 60}, "Answer 1 must be a whole number"),
        ({"answers": [True] * 60}, "Answer 1 must be a whole number"),
        ({}, "Give either 'answers' or 'scores', not both and not neither."),
        ({"answers": [2] * 60, "scores": SOCIAL_INVESTIGATIVE}, "not both"),
        ({"scores": {"R": 1}}, "Scores need exactly R, I, A, S, E and C (missing I, A, S, E, C)."),
        (
            {"scores": {**SOCIAL_INVESTIGATIVE, "R": 41}},
            "Score R is 41; scores must be from 0 to 40.",
        ),
        (
            {"scores": SOCIAL_INVESTIGATIVE, "job_zone": 6},
            "job_zone must be a whole number from 1 to 5, got 6",
        ),
        ({"scores": SOCIAL_INVESTIGATIVE, "job_zone": "3"}, "job_zone must be a whole number"),
        ({"scores": SOCIAL_INVESTIGATIVE, "job_zone": 0}, "got 0"),
        (
            {"scores": SOCIAL_INVESTIGATIVE, "limit": 0},
            "limit must be a whole number from 1 to 1000",
        ),
    ],
)
def test_malformed_input_is_a_422_with_a_message(api, labour_market, payload, message):
    response = api.post("", json=payload)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_a_body_that_is_not_an_object_is_a_422(api, labour_market):
    response = api.post("", json=[1, 2, 3])
    assert response.status_code == 422
    assert response.json()["detail"]


def test_items_in_answer_order(api, labour_market):
    items = api.get("/items").json()
    assert len(items) == 60
    assert [i["id"] for i in items[:7]] == ["R1", "I1", "A1", "S1", "E1", "C1", "R2"]
    assert items[0] == {
        "position": 1,
        "id": "R1",
        "area": "R",
        "short": True,
        "en": instrument().items[0].text.en,
        "es": instrument().items[0].text.es,
    }
    assert sum(i["short"] for i in items) == 30


def test_mounted_at_api_v1_interest_profile(client, labour_market):
    response = client.post(
        "/api/v1/interest-profile",
        {"scores": SOCIAL_INVESTIGATIVE},
        content_type="application/json",
    )
    if response.status_code == 404:
        pytest.skip("the router is not mounted in api/v1/api.py yet")
    assert response.status_code == 200
    assert response.json()["top_areas"] == ["S", "I", "C"]
    bad = client.post(
        "/api/v1/interest-profile", {"answers": [9] * 60}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert bad.json() == {"detail": "Answer 1 is 9; each answer must be from 0 to 4."}
