"""Career and technical student organizations (#19): the reviewed data file, and where the
cluster pages and the guide show them."""

import tomllib
from pathlib import Path

import pytest

from pathways.framework.organizations import (
    ORGANIZATIONS_PATH,
    organizations_for,
    student_organizations,
)
from tests.html import visible_text

NAMES = Path(__file__).resolve().parents[2] / "src" / "pathways" / "framework" / "names_es.toml"
CLUSTERS_2024 = {
    "advanced-manufacturing", "agriculture", "arts-entertainment-design", "construction",
    "digital-technology", "education", "energy-natural-resources", "financial-services",
    "healthcare-human-services", "hospitality-events-tourism", "management-entrepreneurship",
    "marketing-sales", "public-service-safety", "supply-chain-transportation",
}  # fmt: skip


def test_every_cluster_code_is_a_real_cluster():
    known = set(tomllib.loads(NAMES.read_text(encoding="utf-8"))["clusters"])
    assert known >= CLUSTERS_2024
    for organization in student_organizations():
        assert organization.clusters and organization.clusters <= known, organization.slug


def test_every_2024_cluster_has_at_least_one_organization():
    assert {c for c in CLUSTERS_2024 if not organizations_for(c)} == set()


def test_each_organization_has_an_https_homepage_and_both_descriptions():
    data = tomllib.loads(ORGANIZATIONS_PATH.read_text(encoding="utf-8"))
    assert {"skillsusa", "ffa", "hosa", "fbla", "deca", "fccla", "tsa", "bpa"} <= set(data)
    assert "educators-rising" in data
    for organization in student_organizations():
        assert organization.url.startswith("https://"), organization.slug
        assert organization.description_en and organization.description_es
        assert organization.description_en != organization.description_es


def test_health_students_are_pointed_to_hosa_and_not_to_ffa():
    names = [o.name for o in organizations_for("healthcare-human-services")]
    assert "HOSA-Future Health Professionals" in names
    assert "National FFA Organization" not in names


@pytest.mark.django_db
def test_a_cluster_page_lists_its_organizations_with_links(client, labour_market):
    html = client.get("/clusters/healthcare-human-services/").content.decode()
    assert 'href="https://hosa.org/"' in html
    assert "Student organizations" in visible_text(html)


@pytest.mark.django_db
def test_a_spanish_cluster_page_describes_them_in_spanish(client, labour_market):
    html = client.get("/es/clusters/healthcare-human-services/").content.decode()
    page = visible_text(html)
    assert "Organizaciones estudiantiles" in page
    assert "Futuros(as) trabajadores(as) de la salud" in page
    assert '<span lang="en">HOSA-Future Health Professionals</span>' in html


@pytest.mark.django_db
def test_a_guide_chapter_lists_the_organizations(client, labour_market):
    page = visible_text(client.get("/guide/construction/").content.decode())
    assert "Student organizations" in page and "SkillsUSA" in page
