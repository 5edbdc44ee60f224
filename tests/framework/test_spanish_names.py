"""Cluster and sub-cluster names in Spanish (framework/names_es.toml) on Spanish pages of the
tiny labour market. That every loaded name has a Spanish one is in test_spanish_names_mirror.py."""

import html as htmllib
import re
import tomllib

import pytest
from django.utils import translation

from pathways.framework.models import SubCluster
from pathways.framework.names import NAMES_PATH, local_name, spanish_names
from pathways.profiler.data import instrument
from tests.html import visible_text as text

CLUSTER = "healthcare-human-services"
CLUSTER_ES = "Salud y Servicios Humanos"
CLUSTER_EN = "Healthcare & Human Services"
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
NURSES = "29-1141"


def table(name: str) -> dict[str, str]:
    with NAMES_PATH.open("rb") as file:
        data: dict[str, dict[str, str]] = tomllib.load(file)
    return data[name]


def test_every_code_is_a_slug_with_a_name():
    clusters, subclusters = table("clusters"), table("subclusters")
    assert len(clusters) == 30  # 14 (2024) + 16 (legacy)
    assert len(subclusters) == 144  # 71 sub-clusters + 73 legacy pathways
    for code, name in clusters.items():
        assert SLUG.fullmatch(code), code
        assert isinstance(name, str) and name.strip() == name and name, code
    for code, name in subclusters.items():
        cluster, _, part = code.partition("--")
        assert SLUG.fullmatch(cluster) and SLUG.fullmatch(part), code
        assert cluster in clusters, f"{code}: no cluster {cluster}"
        assert isinstance(name, str) and name.strip() == name and name, code


def test_2024_cluster_names_agree_with_the_profiler_survey():
    for code, name in instrument().clusters.items():
        assert table("clusters")[code] == name.es, code


def test_local_name_follows_the_active_language():
    with translation.override("es"):
        assert local_name(CLUSTER, CLUSTER_EN) == CLUSTER_ES
        assert local_name("no-such-cluster", "Unknown") == "Unknown"
    with translation.override("en"):
        assert local_name(CLUSTER, CLUSTER_EN) == CLUSTER_EN
    assert spanish_names()[f"{CLUSTER}--physical-health"] == "Salud Física"


@pytest.mark.django_db
def test_model_local_name(labour_market):
    sub = SubCluster.objects.select_related("cluster").get(code=f"{CLUSTER}--physical-health")
    assert sub.local_name == "Physical Health" and sub.cluster.local_name == CLUSTER_EN
    with translation.override("es"):
        assert sub.local_name == "Salud Física" and sub.cluster.local_name == CLUSTER_ES


@pytest.mark.django_db
def test_the_cluster_page_names_the_cluster_in_the_page_language(client, labour_market):
    spanish = client.get(f"/es/clusters/{CLUSTER}/").content.decode()
    assert f"<h1>{CLUSTER_ES}</h1>" in spanish
    assert f"<title>{CLUSTER_ES} · " in spanish
    assert "Salud Física" in spanish  # a sub-cluster
    assert CLUSTER_EN not in htmllib.unescape(spanish)

    english = htmllib.unescape(client.get(f"/clusters/{CLUSTER}/").content.decode())
    assert f"<h1>{CLUSTER_EN}</h1>" in english
    assert CLUSTER_ES not in english and "Salud Física" not in english


@pytest.mark.django_db
def test_the_spanish_subcluster_page_and_cluster_list(client, labour_market):
    page = client.get(f"/es/clusters/{CLUSTER}/{CLUSTER}--physical-health/").content.decode()
    assert "<h1>Salud Física</h1>" in page
    assert '<strong aria-current="page">Salud Física</strong>' in page

    listing = client.get("/es/clusters/?framework=legacy").content.decode()
    assert ">Ciencias de la Salud</a>" in listing
    assert ">Servicios Terapéuticos</a>" in listing


@pytest.mark.django_db
def test_the_spanish_occupation_profile_lists_spanish_clusters(client, labour_market):
    html = client.get(f"/es/occupations/{NURSES}/").content.decode()
    section = html[html.index('id="clusters-heading"') :]
    section = text(section[: section.index("</section>")])
    assert f"{CLUSTER_ES} › : Salud Física" in section
    assert "Ciencias de la Salud" in section  # the legacy framework
    assert CLUSTER_EN not in section and "Physical Health" not in section

    english = client.get(f"/occupations/{NURSES}/").content.decode()
    section = text(english[english.index('id="clusters-heading"') :])
    assert f"{CLUSTER_EN} › : Physical Health" in section
