"""The guide's HTML pages: cover, chapters, regions and districts, Spanish, bad input."""

import html as htmllib
import re

import pytest

from tests.factories.geography import ALAMOGORDO

from .conftest import CLUSTER

pytestmark = pytest.mark.django_db


def text(page: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def get(client, url: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_cover_explains_concentrators_and_lists_chapters_and_the_index(client, health_cluster):
    page = text(get(client, "/guide/"))
    assert "Concentrator" in page and "at least two courses of the same program" in page
    assert "Healthcare & Human Services" in page
    assert "Registered Nurses 29-1141" in page  # the index of occupations


def test_chapter_shows_sample_occupations_by_sub_cluster_with_sources(client, health_cluster):
    page = text(get(client, f"/guide/{CLUSTER}/"))
    physical = page.index("Physical Health")
    assert page.index("Nursing Assistants", physical) < page.index("Registered Nurses", physical)
    assert "$94,340" in page and "1,180" in page
    assert "Bachelor's degree" in page
    assert "Source: Occupational Employment and Wage Statistics, May 2025" in page
    assert "State annual openings estimate" in page
    assert "not loaded" in page  # the priority clusters say they are missing


def test_a_region_shows_its_own_wages(client, health_cluster):
    page = text(get(client, f"/guide/{CLUSTER}/?region=central"))
    assert "$96,010" in page and "$94,340" not in page
    assert "(statewide)" in page  # Childcare Workers have no central estimate


def test_programs_of_study_with_courses_capstone_and_credentials(client, nursing_program):
    page = text(get(client, f"/guide/{CLUSTER}/"))
    assert "Nursing Pathway" in page
    assert "Clinical Practicum HS201 (capstone)" in page
    assert "Certified Nursing Assistant" in page
    other = text(get(client, f"/guide/{CLUSTER}/?district={ALAMOGORDO}"))
    assert "Nursing Pathway" not in other and "No approved program of study" in other


def test_spanish_chapter(client, health_cluster):
    page = text(get(client, f"/es/guide/{CLUSTER}/"))
    assert "Salud y Servicios Humanos" in page
    assert "Licenciatura" in page or "Bachillerato" in page or "licenciatura" in page


@pytest.mark.parametrize(
    "url",
    [
        f"/guide/{CLUSTER}/?region=atlantis",
        "/guide/?framework=1999",
        f"/guide/{CLUSTER}/?district=x",
    ],
)
def test_bad_choices_get_a_400_with_a_message(client, health_cluster, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "is not" in response.content.decode()


def test_unknown_cluster_is_404(client, health_cluster):
    assert client.get("/guide/no-such-cluster/").status_code == 404


def test_spanish_cover_explains_completers_in_spanish(client, health_cluster):
    page = text(get(client, "/es/guide/"))
    assert "Cómo leer esta guía" in page
    assert "aprobó el curso culminante" in page


def test_legacy_framework_chapter_names_its_2024_bridge(client, health_cluster):
    from pathways.framework.models import Cluster, ClusterBridge, Framework, SubCluster

    Cluster.objects.filter(framework=Framework.LEGACY).delete()  # a loaded mirror's, if any
    legacy = Cluster.objects.create(
        code="health-science", framework=Framework.LEGACY, name="Health Science"
    )
    SubCluster.objects.create(
        code="health-science--therapeutic", cluster=legacy, name="Therapeutic Services"
    )
    ClusterBridge.objects.create(
        legacy=legacy, modern=health_cluster, shared_occupations=2, share="0.9"
    )
    cover = text(get(client, "/guide/?framework=legacy"))
    assert "Health Science" in cover and "16 clusters" in cover
    page = text(get(client, "/guide/health-science/"))
    assert "Therapeutic Services" in page
    assert "Healthcare & Human Services: 90% of this cluster's occupations" in page


def test_a_chapter_costs_the_same_queries_with_more_programs(
    client, nursing_program, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.programs import ProgramOfStudyFactory

    with CaptureQueriesContext(connection) as one:
        client.get(f"/guide/{CLUSTER}/?district=")
    more = [
        ProgramOfStudyFactory(subcluster_id=nursing_program.subcluster_id, status="approved")
        for _ in range(3)
    ]
    with django_assert_max_num_queries(len(one.captured_queries)):
        page = get(client, f"/guide/{CLUSTER}/?region=")
    assert all(program.title in page for program in more)  # built afresh, not from the cache


def test_the_cover_points_to_the_interest_survey_on_paper(client, health_cluster):
    assert 'href="/interests/paper/"' in get(client, "/guide/")
    assert 'href="/es/interests/paper.pdf"' in get(client, "/es/guide/")
