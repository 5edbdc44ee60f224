"""GET /api/v1/programs and /api/v1/programs/{id}: filters, visibility and 404s.

The router is meant to be registered in api.py as `api.add_router("/programs", router)`.
Until it is, this module serves it from a URLconf of its own at the same paths, so the
tests run either way.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, path
from ninja import NinjaAPI

from pathways import urls as project_urls
from pathways.api.v1 import api as api_module
from pathways.api.v1.programs import router
from pathways.programs.models import ProgramOfStudy
from pathways.programs.transfer import import_file
from tests.factories import (
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
)

pytestmark = [pytest.mark.mirror, pytest.mark.django_db]
GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "programs" / "good.csv"
ALBUQUERQUE, LAS_CRUCES, FARMINGTON = "3500060", "3501500", "3500990"
REGISTERED = any(mounted is router for _prefix, mounted in api_module.api._routers)

urlpatterns: list[URLPattern | URLResolver] = []
if not REGISTERED:
    _api = NinjaAPI(urls_namespace="programs-api-test")
    _api.add_router("/programs", router)
    urlpatterns = [path("api/v1/", _api.urls), *project_urls.urlpatterns]


@pytest.fixture(autouse=True)
def _programs_api(settings):
    if not REGISTERED:
        settings.ROOT_URLCONF = __name__


@pytest.fixture
def catalogue(real_data):
    """The demonstration catalogue (10 approved programs) and two drafts from a file."""
    call_command("programs", "demo", stdout=io.StringIO())
    import_file(GOOD, StateAdminFactory())


def titles(answer) -> list[tuple[str, str]]:
    assert answer.status_code == 200, answer.content
    return [(p["district"]["nces_id"], p["title"]) for p in answer.json()]


def test_anonymous_callers_see_approved_programs_only(client, catalogue):
    programs = client.get("/api/v1/programs").json()

    assert len(programs) == 10
    assert {p["status"] for p in programs} == {"approved"}
    assert all(p["is_demonstration"] for p in programs)
    first = programs[0]
    assert set(first) == {
        "id",
        "title",
        "district",
        "subcluster",
        "legacy_pathway",
        "status",
        "is_demonstration",
        "course_count",
    }
    assert first["district"] == {"nces_id": ALBUQUERQUE, "name": "Albuquerque Public Schools"}
    assert first["course_count"] == 4
    health = next(p for p in programs if p["title"].startswith("Health"))
    assert health["subcluster"] == {
        "code": "healthcare-human-services--physical-health",
        "name": "Physical Health",
    }
    assert health["legacy_pathway"]["code"] == "health-science--therapeutic-services"


def test_signed_in_users_see_what_they_may(client, catalogue):
    client.force_login(DistrictCoordinatorFactory())  # Albuquerque
    mine = titles(client.get("/api/v1/programs"))
    assert len(mine) == 11
    assert (ALBUQUERQUE, "Health Sciences: Physical Health") in mine  # their draft
    assert (LAS_CRUCES, "Welding Technology") not in mine  # another district's draft

    client.force_login(StudentFactory())
    assert len(titles(client.get("/api/v1/programs"))) == 10

    client.force_login(StateAdminFactory())
    assert len(titles(client.get("/api/v1/programs"))) == 12


def test_filters(client, catalogue):
    def found(**query: str) -> set[tuple[str, str]]:
        return set(titles(client.get("/api/v1/programs", query)))

    assert {d for d, _t in found(district=LAS_CRUCES)} == {LAS_CRUCES}
    assert len(found(district=LAS_CRUCES)) == 4
    assert found(cluster="healthcare-human-services") == {
        (d, "Health Sciences: Physical Health (demonstration)")
        for d in (ALBUQUERQUE, LAS_CRUCES, FARMINGTON)
    }
    assert found(cluster="agriculture-food-natural-resources") == found(cluster="agriculture")
    assert len(found(cluster="digital-technology--software-solutions")) == 2
    assert {d for d, _t in found(region="northern")} == {FARMINGTON}
    assert found(region="central", cluster="construction") == {
        (ALBUQUERQUE, "Welding Technology (demonstration)")
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"district": "1234567"}, "Unknown school district '1234567'"),
        ({"cluster": "basket-weaving"}, "Unknown cluster 'basket-weaving'"),
        ({"region": "atlantis"}, "Unknown region 'atlantis'"),
    ],
)
def test_unknown_filters_answer_404_with_a_detail(client, query, message, real_data):
    answer = client.get("/api/v1/programs", query)

    assert answer.status_code == 404
    assert message in answer.json()["detail"]


def test_program_detail(client, catalogue):
    program = ProgramOfStudy.objects.get(
        district_id=LAS_CRUCES, title="Health Sciences: Physical Health (demonstration)"
    )

    answer = client.get(f"/api/v1/programs/{program.pk}")

    assert answer.status_code == 200
    detail = answer.json()
    assert detail["id"] == program.pk and detail["course_count"] == 4
    assert detail["description"].startswith("Demonstration data")
    assert [c["position"] for c in detail["courses"]] == [1, 2, 3, 4]
    assert detail["courses"][0] == {
        "position": 1,
        "state_code": "DEMO-HLT-1",
        "title": "Introduction to Health Sciences",
        "credits": 1.0,
        "grade_min": 9,
        "grade_max": 10,
        "is_capstone": False,
    }
    assert [c["is_capstone"] for c in detail["courses"]] == [False, False, False, True]
    assert {c["name"] for c in detail["credentials"]} == {
        "Certified Nursing Assistant (CNA)",
        "CPR and First Aid",
    }
    assert {(p["institution"], p["cip_code"]) for p in detail["postsecondary_programs"]} == {
        ("Demonstration Community College", "51.3902"),
        ("Demonstration State University", "51.3801"),
    }
    assert {w["kind"] for w in detail["work_based_learning"]} == {"job_shadowing", "internship"}
    assert detail["work_based_learning"][0]["kind_label"]
    occupations = {o["soc"]: o for o in detail["occupations"]}
    nurses = occupations["29-1141"]
    assert nurses["title"] and nurses["via_subcluster"] and nurses["via_postsecondary"]
    assert occupations["31-1131"]["via_postsecondary"]  # nursing assistants (CIP 51.3902)


def test_a_program_the_caller_may_not_view_is_a_404(client, catalogue):
    draft = ProgramOfStudy.objects.get(district_id=LAS_CRUCES, title="Welding Technology")

    answer = client.get(f"/api/v1/programs/{draft.pk}")
    assert answer.status_code == 404
    assert answer.json() == {"detail": f"Unknown program of study {draft.pk}."}

    client.force_login(DistrictCoordinatorFactory())  # Albuquerque
    assert client.get(f"/api/v1/programs/{draft.pk}").status_code == 404

    client.force_login(DistrictCoordinatorFactory(district_id=LAS_CRUCES))
    assert client.get(f"/api/v1/programs/{draft.pk}").status_code == 200


def test_unknown_and_malformed_ids(client, real_data):
    assert client.get("/api/v1/programs/999999").status_code == 404
    malformed = client.get("/api/v1/programs/welding")
    assert malformed.status_code == 422
    assert "detail" in malformed.json()


def test_the_list_takes_a_fixed_number_of_queries(client, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert len(client.get("/api/v1/programs").json()) == 10
