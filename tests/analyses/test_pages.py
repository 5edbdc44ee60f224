"""The analysis pages as readers and staff use them."""

import pytest
from django.utils import timezone

from pathways.analyses.models import Analysis, MediaEntry, Status
from pathways.datasets.registry import get_source
from tests.factories.accounts import CounselorFactory, DistrictCoordinatorFactory, StateAdminFactory
from tests.factories.analyses import AnalysisFactory, MediaEntryFactory
from tests.factories.geography import albuquerque

FORM = {
    "title": "Nursing in the Central region",
    "title_es": "",
    "slug": "nursing-central",
    "region": "central",
    "topic": "occupations",
    "summary": "Where the nursing jobs are.",
    "summary_es": "",
    "body": "Nurses earn {{ median-wage soc=29-1141 region=central }}.",
    "body_es": "",
}


def _published(**fields):
    return AnalysisFactory(status=Status.PUBLISHED, published_at=timezone.now(), **fields)


def test_a_coordinator_writes_a_draft(labour_market, client):
    coordinator = DistrictCoordinatorFactory()
    client.force_login(coordinator)
    response = client.post("/analyses/new/", FORM)
    assert response.status_code == 302
    analysis = Analysis.objects.get()
    assert analysis.author == coordinator and analysis.status == Status.DRAFT


def test_an_unknown_figure_is_a_form_error_naming_the_line(labour_market, client):
    client.force_login(StateAdminFactory())
    body = "First paragraph.\n\nSecond, with {{ jobs-everywhere region=central }}."
    response = client.post("/analyses/new/", FORM | {"body": body})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Line 3: “jobs-everywhere” is not a kind of live figure" in page
    assert not Analysis.objects.exists()


def test_preview_shows_the_live_figure_without_saving(labour_market, client):
    client.force_login(StateAdminFactory())
    response = client.post("/analyses/new/", FORM | {"preview": "1"})
    assert response.status_code == 200
    assert "$91,520" in response.content.decode()
    assert not Analysis.objects.exists()


def test_counselors_may_not_open_the_editor(db, client):
    client.force_login(CounselorFactory())
    assert client.get("/analyses/new/").status_code == 403
    assert client.get("/analyses/editor/").status_code == 403


def test_a_draft_is_not_found_for_visitors(db, client):
    AnalysisFactory(slug="secret-draft")
    assert client.get("/analyses/secret-draft/").status_code == 404


def test_published_analysis_shows_live_figure_with_source_and_vintage(labour_market, client):
    _published(slug="nurses", body=FORM["body"])
    page = client.get("/analyses/nurses/").content.decode()
    assert "$91,520" in page
    assert get_source("oews").local_citation in page
    assert "Figures in this analysis" in page


def test_spanish_page_shows_the_spanish_version(labour_market, client):
    _published(
        slug="nurses", title_es="Enfermería", body="English text.", body_es="Texto en español."
    )
    page = client.get("/es/analyses/nurses/").content.decode()
    assert "Texto en español." in page and "English text." not in page
    assert "<h1>Enfermería</h1>" in page


def test_spanish_page_without_a_spanish_version_says_so(labour_market, client):
    _published(slug="nurses", body="English text.")
    page = client.get("/es/analyses/nurses/").content.decode()
    assert "English text." in page
    assert 'lang="en"' in page  # the English text is marked as English
    assert "no tiene versión en español" in page


def test_list_filters_by_region_and_rejects_unknown_values(labour_market, client):
    _published(slug="central-one", title="Central news", region_id="central")
    _published(slug="eastern-one", title="Eastern news", region_id="eastern")
    page = client.get("/analyses/?region=central").content.decode()
    assert "Central news" in page and "Eastern news" not in page
    assert client.get("/analyses/?region=atlantis").status_code == 400
    assert client.get("/analyses/?topic=" + "x" * 500).status_code == 400


def test_region_page_lists_its_published_analyses_and_media(labour_market, client):
    _published(slug="central-one", title="Central news", region_id="central")
    AnalysisFactory(slug="central-draft", title="Unfinished", region_id="central")
    MediaEntryFactory(title="Podcast for the center", region_id="central")
    page = client.get("/regions/central/").content.decode()
    assert "Central news" in page and "Unfinished" not in page
    assert "Podcast for the center" in page
    assert "/analyses/regions/central/feed/" in page


def test_media_needs_https_and_a_transcript(labour_market, client):
    client.force_login(StateAdminFactory())
    form = {
        "kind": "podcast", "title": "Episode 1", "title_es": "", "duration_minutes": "30",
        "region": "", "topic": "labor-market", "published_on": "2026-11-01",
        "media_url": "http://media.example.org/one.mp3", "transcript": "", "transcript_es": "",
    }  # fmt: skip
    response = client.post("/analyses/media/new/", form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "starts with https://" in page
    assert not MediaEntry.objects.exists()
    form |= {"media_url": "https://media.example.org/one.mp3", "transcript": "Hello."}
    assert client.post("/analyses/media/new/", form).status_code == 302


def test_media_page_shows_the_transcript(db, client):
    entry = MediaEntryFactory(transcript="Host: welcome to the show.")
    page = client.get(f"/analyses/media/{entry.pk}/").content.decode()
    assert "Host: welcome to the show." in page


@pytest.mark.parametrize(("prefix", "heading"), [("", "Using labor market information"),
                                                 ("/es", "Cómo usar la información")])  # fmt: skip
def test_guide_for_counselors_in_both_languages(db, client, prefix, heading):
    page = client.get(f"{prefix}/analyses/using-lmi/").content.decode()
    assert heading in page
    assert "/regions/" in page


def test_coordinator_of_another_district_edits_nothing(db, client):
    analysis = AnalysisFactory(author=DistrictCoordinatorFactory(district=albuquerque()))
    client.force_login(DistrictCoordinatorFactory())
    assert client.get(f"/analyses/{analysis.slug}/edit/").status_code == 404


def test_a_huge_media_number_is_not_found(db, client):
    assert client.get(f"/analyses/media/{10**30}/").status_code == 404


def test_page_shows_figures_then_and_now_after_a_reload(labour_market, client):
    import datetime

    from pathways.analyses import workflow
    from pathways.core.cache import bump_content_version
    from pathways.datasets.models import DataSource
    from pathways.occupations.models import WageEstimate

    analysis = AnalysisFactory(slug="nurses", body=FORM["body"], status=Status.IN_REVIEW)
    workflow.publish(analysis, StateAdminFactory())
    page = client.get("/analyses/nurses/").content.decode()
    assert "The data has not changed since this analysis was published" in page
    WageEstimate.objects.filter(soc_code="29-1141", area_id="0010740").update(median_annual=95000)
    DataSource.objects.create(
        slug="oews", title="OEWS", publisher="BLS", vintage="May 2026", licence="Public domain",
        origin="mirror", loaded_at=timezone.now() + datetime.timedelta(minutes=1),
    )  # fmt: skip
    bump_content_version()  # as every data load does
    page = client.get("/analyses/nurses/").content.decode()
    assert "<caption>Figures then and now</caption>" in page
    assert "<td>$91,520</td>" in page and "<td>$95,000</td>" in page
    assert "Written on: Occupational Employment and Wage Statistics, May 2025." in page
