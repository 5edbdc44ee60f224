"""Bad input answers a 4xx with a JSON message, never a 500; the OpenAPI document."""

import pytest

from pathways.api.v1 import regions as regions_api

CONTRACT_PATHS = {
    "/api/v1/clusters",
    "/api/v1/clusters/{code}",
    "/api/v1/occupations",
    "/api/v1/occupations/{soc}",
    "/api/v1/regions",
    "/api/v1/regions/{slug}",
    "/api/v1/districts/{nces_id}",
}

# (URL, status, a word the message names)
BAD_INPUT = [
    ("/api/v1/clusters?framework=2018", 422, "framework"),
    ("/api/v1/clusters/no-such-cluster", 404, "no-such-cluster"),
    ("/api/v1/clusters/finance?sort=cheapest", 422, "sort"),
    ("/api/v1/occupations?cluster=no-such-cluster", 404, "no-such-cluster"),
    ("/api/v1/occupations?region=gotham", 404, "gotham"),
    ("/api/v1/occupations?sort=alphabetical", 422, "sort"),
    ("/api/v1/occupations?limit=0", 422, "limit"),
    ("/api/v1/occupations?limit=501", 422, "limit"),
    ("/api/v1/occupations?limit=ten", 422, "limit"),
    ("/api/v1/occupations?q=n", 422, "q"),
    ("/api/v1/occupations/99-9999", 404, "99-9999"),
    ("/api/v1/occupations/291141", 422, "soc"),
    ("/api/v1/occupations/29-1141.00", 422, "soc"),
    ("/api/v1/occupations/nurse", 422, "nurse"),
    ("/api/v1/regions/gotham", 404, "gotham"),
    ("/api/v1/districts/0000000", 404, "0000000"),
    ("/api/v1/districts/12", 422, "nces_id"),
]


@pytest.mark.mirror
@pytest.mark.django_db
@pytest.mark.parametrize(("url", "status", "named"), BAD_INPUT)
def test_bad_input_answers_4xx_with_a_message(client, real_data, url, status, named):
    answer = client.get(url)

    assert answer.status_code == status
    assert answer["Content-Type"].startswith("application/json")
    detail = answer.json()["detail"]
    assert isinstance(detail, str)
    assert named in detail


@pytest.mark.mirror
@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/occupations?q=nu%00rse", "/api/v1/regions/c%00entral"])
def test_odd_characters_never_give_a_500(client, real_data, url):
    answer = client.get(url)

    assert 200 <= answer.status_code < 500
    assert "Traceback" not in answer.content.decode()


@pytest.mark.django_db
def test_a_value_error_from_a_service_is_a_400(client, monkeypatch):
    def refuse(slug: str) -> None:
        raise ValueError("a string literal cannot contain NUL characters")

    monkeypatch.setattr(regions_api, "region", refuse)
    answer = client.get("/api/v1/regions/central")

    assert answer.status_code == 400
    assert "NUL" in answer.json()["detail"]


@pytest.mark.django_db
def test_an_unexpected_error_is_a_json_500_without_traceback(client, monkeypatch, settings):
    settings.DEBUG = True  # ninja's own handler would answer a plain-text traceback

    def broken() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(regions_api, "regions", broken)
    answer = client.get("/api/v1/regions")

    assert answer.status_code == 500
    body = answer.content.decode()
    assert "secret internals" not in body
    assert "Traceback" not in body
    assert "logged" in answer.json()["detail"]


def test_openapi_document_lists_the_contract_paths(client):
    answer = client.get("/api/v1/openapi.json")

    assert answer.status_code == 200
    document = answer.json()
    assert set(document["paths"]) >= CONTRACT_PATHS
    schemas = document["components"]["schemas"]
    row = set(schemas["OccupationRowOut"]["properties"])
    assert {"soc", "median_annual", "top_coded", "area_fallback", "annual_openings"} <= row
    assert set(schemas["Clusters"]["properties"]) == {"2024", "legacy"}
    parameters = document["paths"]["/api/v1/occupations"]["get"]["parameters"]
    assert {p["name"] for p in parameters} == {
        "q",
        "cluster",
        "region",
        "sort",
        "limit",
        "bright_outlook",
    }


@pytest.mark.django_db
def test_docs_page_is_served(client):
    assert client.get("/api/v1/docs").status_code == 200
