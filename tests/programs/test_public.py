"""Public pages: the list of approved programs, a program's page, the shared include."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from pathways.framework.models import SubCluster
from pathways.geography.services import state_area_code
from pathways.occupations.models import StateProjectionEstimate, WageEstimate
from pathways.programs import reach
from pathways.programs.models import ProgramOfStudy
from pathways.web.templatetags.pathways import dollars
from tests.factories import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    ProgramOfStudyFactory,
    alamogordo,
    albuquerque,
)

from . import add_courses

pytestmark = pytest.mark.django_db
Status = ProgramOfStudy.Status


def test_anonymous_list_shows_approved_programs_only(client):
    approved = ProgramOfStudyFactory(status=Status.APPROVED, title="Approved Welding")
    hidden = [
        ProgramOfStudyFactory(status=status, title=f"Hidden {status}")
        for status in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)
    ]
    response = client.get("/programs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert approved.title in html
    assert f'href="/programs/{approved.pk}/"' in html
    for program in hidden:
        assert program.title not in html
    assert "1 approved program" in html


def test_district_staff_see_only_approved_programs_on_the_public_list(client):
    coordinator = DistrictCoordinatorFactory()
    draft = ProgramOfStudyFactory(district=coordinator.district, title="Own draft")
    client.force_login(coordinator)
    assert draft.title not in client.get("/programs/").content.decode()


def test_anonymous_gets_404_on_a_draft(client):
    for status in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED):
        program = ProgramOfStudyFactory(status=status)
        assert client.get(f"/programs/{program.pk}/").status_code == 404
    assert client.get("/programs/999999/").status_code == 404


def test_staff_who_may_view_a_draft_see_a_status_banner(client):
    counselor = CounselorFactory()
    program = ProgramOfStudyFactory(
        district=counselor.district,
        status=Status.RETURNED,
        review_comment="Add a capstone partner.",
    )
    client.force_login(counselor)
    response = client.get(f"/programs/{program.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Status: Returned for changes." in html
    assert "Add a capstone partner." in html
    assert "Submit for state approval" not in html  # a counselor cannot submit

    client.force_login(DistrictCoordinatorFactory(district=alamogordo()))
    assert client.get(f"/programs/{program.pk}/").status_code == 404


def test_approved_page_shows_the_sequence_in_order_with_the_capstone(client):
    program = ProgramOfStudyFactory(status=Status.APPROVED)
    courses = add_courses(program, 4)
    html = client.get(f"/programs/{program.pk}/").content.decode()
    positions = [html.index(c.title) for c in courses]
    assert positions == sorted(positions)
    capstone = html.index('<span class="tag tag-capstone">Capstone</span>')
    assert positions[3] < capstone and html.count("tag-capstone") == 1
    assert "Status:" not in html  # no banner on an approved program


def test_demonstration_programs_are_labelled_everywhere(client):
    program = ProgramOfStudyFactory(status=Status.APPROVED, is_demonstration=True)
    label = "Demonstration data"
    assert label in client.get("/programs/").content.decode()
    assert label in client.get(f"/programs/{program.pk}/").content.decode()
    coordinator = DistrictCoordinatorFactory(district=program.district)
    client.force_login(coordinator)
    assert label in client.get("/programs/mine/").content.decode()
    include = render_to_string(
        "programs/_program_list.html", {"programs": reach.programs_for_district(albuquerque())}
    )
    assert label in include


def test_filters_by_district_region_and_cluster(client):
    abq = ProgramOfStudyFactory(status=Status.APPROVED, title="ABQ program")
    ala = ProgramOfStudyFactory(
        status=Status.APPROVED, title="Alamogordo program", district=alamogordo()
    )

    def titles(query: str) -> set[str]:
        html = client.get(f"/programs/?{query}").content.decode()
        return {p.title for p in (abq, ala) if p.title in html}

    assert titles("") == {abq.title, ala.title}
    assert titles(f"district={abq.district_id}") == {abq.title}
    region = ala.district.county.region_id
    assert titles(f"region={region}") == {ala.title}
    assert titles(f"cluster={abq.subcluster.cluster_id}") == {abq.title}
    assert titles(f"region={region}&district={abq.district_id}") == set()


def test_bad_filters_are_a_400_not_a_500(client):
    response = client.get("/programs/?district=nope&cluster=%00")
    assert response.status_code == 400
    assert "Some filters are not valid" in response.content.decode()
    assert client.get("/programs/?page=banana").status_code == 200


def test_include_context(client):
    program = ProgramOfStudyFactory(status=Status.APPROVED, title="Included")
    html = render_to_string(
        "programs/_program_list.html",
        {
            "programs": reach.programs_for_cluster(program.subcluster.cluster_id),
            "hide_district": True,
        },
    )
    assert f'href="/programs/{program.pk}/"' in html and "Included" in html
    assert program.district.name not in html
    empty = render_to_string(
        "programs/_program_list.html", {"programs": [], "empty_text": "None here yet."}
    )
    assert "None here yet." in empty


def test_spanish_page_renders(client):
    program = ProgramOfStudyFactory(status=Status.APPROVED)
    add_courses(program, 2)
    response = client.get(f"/es/programs/{program.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Skip to main content" not in html
    assert client.get("/es/programs/").status_code == 200


def test_public_page_lists_occupations_reached_with_real_wages(client, real_data):
    nursing = SubCluster.objects.filter(
        cluster__framework="2024", occupations__soc_code="29-1141"
    ).first()
    assert nursing is not None
    program = ProgramOfStudyFactory(status=Status.APPROVED, subcluster=nursing)
    add_courses(program, 4)

    response = client.get(f"/programs/{program.pk}/?occupations=all")
    assert response.status_code == 200
    html = response.content.decode()
    estimate = WageEstimate.objects.get(area_id=state_area_code(), soc_code="29-1141")
    openings = StateProjectionEstimate.objects.get(soc_code="29-1141").annual_openings
    row = html[html.index("29-1141</span>") :]
    row = row[: row.index("</tr>")]
    assert dollars(estimate.median_annual) in row
    assert f"{openings:,}" in row
    assert "Registered Nurses" in html
    assert "estimate" in html
    assert 'href="/data/#source-oews"' in html  # the source note
    assert 'href="/data/#source-state_projections"' in html
    reached = reach.occupations_reached(program)
    assert "29-1141" in reached.socs
    assert len(reached.socs) == nursing.occupations.values("soc_code").distinct().count()
    assert escape(nursing.name) in html


@pytest.mark.django_db
def test_approved_program_is_listed_on_its_district_cluster_and_occupation_pages(client, real_data):
    from pathways.framework.models import SubClusterOccupation

    link = SubClusterOccupation.objects.filter(
        soc_code="29-1141", subcluster__cluster__framework="2024"
    ).first()
    sub = SubCluster.objects.get(pk=link.subcluster_id)
    program = ProgramOfStudy.objects.create(
        district_id="3500060", title="Listed everywhere", subcluster=sub, status="approved"
    )
    draft = ProgramOfStudy.objects.create(
        district_id="3500060", title="Still a draft", subcluster=sub
    )
    for path in (
        "/districts/3500060/",
        f"/clusters/{sub.cluster_id}/",
        f"/occupations/{link.soc_code}/",
    ):
        html = client.get(path).content.decode()
        assert f'href="/programs/{program.pk}/"' in html, path
        assert draft.title not in html, path


def test_program_list_takes_the_same_queries_however_many_programs(client):
    client.force_login(CounselorFactory())  # signed in: the page is never served from cache
    ProgramOfStudyFactory(status=Status.APPROVED)
    client.get("/programs/")  # what is looked up once per process is looked up now
    with CaptureQueriesContext(connection) as one:
        client.get("/programs/")
    for _number in range(5):
        ProgramOfStudyFactory(status=Status.APPROVED)
    with CaptureQueriesContext(connection) as six:
        response = client.get("/programs/")
    assert "6 approved programs" in response.content.decode()
    assert len(six.captured_queries) == len(one.captured_queries)
