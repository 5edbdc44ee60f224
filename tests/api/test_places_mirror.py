"""GET /api/v1/regions and /api/v1/districts over the real data: full top-ten lists, all
fourteen clusters in the mix, and the query bounds on a full load. Shapes, figures and
errors are checked on the tiny labour market in test_places.py."""

import pytest

from pathways.occupations.models import WageEstimate

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
ALBUQUERQUE = "0010740"


def test_region_detail_has_full_local_top_lists_and_cluster_mix(client, real_data):
    region = client.get("/api/v1/regions/central").json()

    for key in ("top_by_openings", "top_by_wage", "top_by_growth"):
        assert len(region[key]) == 10
        assert {r["area_code"] for r in region[key]} == {ALBUQUERQUE}
    top_wage = region["top_by_wage"][0]
    published = WageEstimate.objects.get(area_id=ALBUQUERQUE, soc_code=top_wage["soc"])
    assert top_wage["median_annual"] == published.median_annual
    assert len(region["cluster_mix"]) == 14


def test_albuquerque_public_schools_has_a_full_labour_market(client, real_data):
    market = client.get("/api/v1/districts/3500060").json()["labour_market"]

    assert len(market["top_by_openings"]) == 10
    assert market["cluster_mix"]


def test_place_answers_use_a_bounded_number_of_queries(
    client, real_data, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        client.get("/api/v1/regions")
    # Bounds include BLS combined codes read cold (4 queries) and the bright-outlook rule.
    with django_assert_max_num_queries(20):
        client.get("/api/v1/regions/northern")
    with django_assert_max_num_queries(20):
        client.get("/api/v1/districts/3500060")
