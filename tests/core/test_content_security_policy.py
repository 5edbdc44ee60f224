"""A strict Content-Security-Policy, which the site's own pages keep: no inline script or
style anywhere, nothing loaded from another site (the API docs included)."""

import re

import pytest
from django.template.loader import render_to_string

pytestmark = [pytest.mark.django_db]

PAGES = [
    "/",
    "/clusters/",
    "/occupations/29-1141/",
    "/regions/central/",
    "/interests/",
    "/interests/questions/short/",
    "/budget/",
    "/budget/results/?place=35001&adults=1&working=1&children=0&bedrooms=1",
    "/accounts/login/",
    "/es/clusters/",
    "/api/v1/docs",
]
INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I),
    re.compile(r"<style\b", re.I),
    re.compile(r"\sstyle=", re.I),
    re.compile(r"\son[a-z]+=", re.I),
    re.compile(r"javascript:", re.I),
]


def test_every_response_carries_a_strict_policy(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


@pytest.mark.mirror
@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_style_and_load_nothing_from_elsewhere(
    client, real_data, path
):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert [p.pattern for p in INLINE if p.search(html)] == []
    assert not re.search(r'(src|href)="(https?:)?//', html.split("</head>")[0])


def test_the_error_page_has_no_inline_style():
    html = render_to_string("500.html")
    assert "<style" not in html
    assert "/static/css/error.css" in html


@pytest.mark.mirror
def test_the_api_docs_load_swagger_from_the_sites_own_static_files(client, real_data):
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
