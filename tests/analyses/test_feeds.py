"""The Atom feeds: well-formed, published analyses only, one per region."""

import xml.etree.ElementTree as ET

from django.utils import timezone

from pathways.analyses.models import Status
from tests.factories.analyses import AnalysisFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def _published(**fields):
    return AnalysisFactory(status=Status.PUBLISHED, published_at=timezone.now(), **fields)


def _entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    return feed.findall(f"{ATOM}entry")


def test_site_feed_lists_published_analyses_only(labour_market, client):
    _published(
        title="Quarterly: Central", slug="q-central", region_id="central", summary="Hospitals hire."
    )
    AnalysisFactory(title="Still a draft")
    (entry,) = _entries(client, "/analyses/feed/")
    assert entry.findtext(f"{ATOM}title") == "Quarterly: Central"
    assert entry.find(f"{ATOM}link").get("href").endswith("/analyses/q-central/")
    assert entry.findtext(f"{ATOM}summary") == "Hospitals hire."
    for required in ("id", "updated", "author"):
        assert entry.find(f"{ATOM}{required}") is not None


def test_region_feed_holds_only_that_regions_analyses(labour_market, client):
    _published(title="Central news", region_id="central")
    _published(title="Eastern news", region_id="eastern")
    entries = _entries(client, "/analyses/regions/eastern/feed/")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles == ["Eastern news"]


def test_spanish_feed_uses_spanish_titles(labour_market, client):
    _published(title="Nurses", title_es="Enfermería")
    (entry,) = _entries(client, "/es/analyses/feed/")
    assert entry.findtext(f"{ATOM}title") == "Enfermería"
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/es/analyses/")


def test_unknown_region_feed_is_not_found(labour_market, client):
    assert client.get("/analyses/regions/atlantis/feed/").status_code == 404
