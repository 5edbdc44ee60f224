"""POST /api/v1/interest-profile over the real data: real O*NET ratings and job zones among
all occupations. The answer's shape and errors are checked on the tiny labour market in
test_api.py."""

import pytest
from ninja.testing import TestClient

from pathways.api.v1.profiler import router
from pathways.occupations.models import OnetOccupation

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
SOCIAL_INVESTIGATIVE = {"R": 10, "I": 30, "A": 12, "S": 36, "E": 14, "C": 20}


@pytest.fixture(scope="module")
def api() -> TestClient:
    return TestClient(router)


def test_scores_equal_to_an_occupations_ratings_rank_it_best(api, real_data):
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
    assert body["matches"][0]["shared_high"][:2] == ["S", "I"]


def test_job_zone_and_limit(api, real_data):
    body = api.post("", json={"scores": SOCIAL_INVESTIGATIVE, "job_zone": 2, "limit": 3}).json()
    assert body["job_zone"] == 2
    assert len(body["matches"]) == 3 <= body["matches_total"]
    assert {m["job_zone"] for m in body["matches"]} == {2}
    everything = api.post("", json={"scores": SOCIAL_INVESTIGATIVE}).json()
    assert everything["matches_total"] > body["matches_total"]
