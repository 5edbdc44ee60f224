"""Whole pages cached for visitors who are not signed in, refreshed by any change."""

import pytest
from django.db import transaction
from django.test import Client

from pathways.core.cache import bump_content_version, content_version
from pathways.datasets.models import DataSource
from tests.factories import StateAdminFactory

pytestmark = pytest.mark.django_db


FIRST, SECOND = 'SOC codes</th><td class="num">4</td>', 'SOC codes</th><td class="num">5</td>'


def _change_behind_the_cache() -> None:
    # An update that does not bump the content version.
    DataSource.objects.update(row_counts={"SOC codes": 5})


@pytest.fixture
def source(db):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    # Replaces the real row when the session has loaded the data (rolled back after).
    return DataSource.objects.update_or_create(
        slug="soc_2018",
        defaults=dict(
            title="SOC",
            publisher="BLS",
            vintage="2018",
            licence="Public domain",
            origin="mirror",
            row_counts={"SOC codes": 4},
            loaded_at=timezone.now(),
        ),
    )[0]


def test_a_visitor_gets_the_cached_page_until_the_content_changes(client, source):
    assert FIRST in client.get("/data/").content.decode()
    _change_behind_the_cache()
    assert FIRST in client.get("/data/").content.decode()
    bump_content_version()
    assert SECOND in client.get("/data/").content.decode()


def test_each_language_and_address_is_cached_apart(client, source):
    client.get("/data/")
    _change_behind_the_cache()
    assert SECOND.replace("SOC codes", "códigos SOC") in client.get("/es/data/").content.decode()
    assert SECOND in client.get("/data/?page=2").content.decode()


def test_signed_in_users_always_get_a_fresh_page(client, source):
    client.get("/data/")
    _change_behind_the_cache()
    signed_in = Client()
    signed_in.force_login(StateAdminFactory())
    html = signed_in.get("/data/").content.decode()
    assert SECOND in html
    assert "My account" in html


def test_cached_pages_set_no_cookie_and_keep_their_headers(client, source):
    first = client.get("/data/")
    second = client.get("/data/")
    assert not first.cookies and not second.cookies
    assert second["Content-Type"] == first["Content-Type"]


def test_a_rolled_back_change_leaves_the_version_alone(db):
    before = content_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        bump_content_version()
        raise RuntimeError
    assert content_version() == before


def test_api_answers_are_cached_for_visitors_too(client):
    from pathways.geography.models import WorkforceRegion
    from tests.factories import load_state_profile

    load_state_profile()
    assert "Central" in {r["name"] for r in client.get("/api/v1/regions").json()}
    WorkforceRegion.objects.filter(slug="central").update(name="Middle")
    assert "Central" in {r["name"] for r in client.get("/api/v1/regions").json()}
    bump_content_version()
    assert "Middle" in {r["name"] for r in client.get("/api/v1/regions").json()}


def test_a_visitor_revalidates_with_the_etag_and_gets_304(client, source):
    first = client.get("/data/")
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=2"
    again = client.get("/data/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert not again.content


def test_the_etag_changes_with_the_content_version_and_the_language(client, source):
    first = client.get("/data/")["ETag"]
    assert client.get("/es/data/")["ETag"] != first
    bump_content_version()
    changed = client.get("/data/", headers={"If-None-Match": first})
    assert changed.status_code == 200
    assert changed["ETag"] != first
    assert SECOND in changed.content.decode() or FIRST in changed.content.decode()


def test_signed_in_pages_are_private_and_never_304(client, source):
    etag = client.get("/data/")["ETag"]
    signed_in = Client()
    signed_in.force_login(StateAdminFactory())
    response = signed_in.get("/data/", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "ETag" not in response


def test_parameters_no_page_reads_share_the_cached_page(client, source):
    client.get("/data/")
    _change_behind_the_cache()
    assert FIRST in client.get("/data/?x=random").content.decode()
    assert SECOND in client.get("/data/?page=3").content.decode()


def test_nginx_keys_its_cache_on_the_same_parameters_as_the_page_cache():
    import re

    from pathways.core.pagecache import PAGE_PARAMETERS
    from tests.conftest import REPO

    config = (REPO / "deploy" / "nginx.conf").read_text()
    listed = re.search(r'"~\^\(\(([a-z|]+)\)=', config)
    assert listed is not None
    assert listed.group(1).split("|") == list(PAGE_PARAMETERS)
