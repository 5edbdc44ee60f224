"""Who writes, submits, publishes and returns analyses; what publishing keeps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from pathways.analyses import workflow
from pathways.analyses.models import Analysis, Status
from pathways.core.cache import content_version
from pathways.datasets.models import DataSource
from pathways.occupations.models import WageEstimate
from tests.factories.accounts import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
)
from tests.factories.analyses import AnalysisFactory
from tests.factories.geography import ALBUQUERQUE_METRO

WAGE_FIGURE = "Nurses earn {{ median-wage soc=29-1141 area=0010740 }}."


@pytest.mark.parametrize(
    ("factory", "may_write"),
    [
        (StateAdminFactory, True),
        (DistrictCoordinatorFactory, True),
        (CounselorFactory, False),
        (StudentFactory, False),
    ],
)
def test_state_admins_and_coordinators_write_analyses(db, factory, may_write):
    assert factory().has_perm("analyses.add_analysis") is may_write


def test_only_the_state_publishes(labour_market):
    coordinator = DistrictCoordinatorFactory()
    analysis = AnalysisFactory(author=coordinator, body=WAGE_FIGURE)
    workflow.submit(analysis, coordinator)
    assert analysis.status == Status.IN_REVIEW
    with pytest.raises(PermissionDenied):
        workflow.publish(analysis, coordinator)
    workflow.publish(analysis, StateAdminFactory())
    assert Analysis.objects.get().status == Status.PUBLISHED


def test_a_coordinator_cannot_submit_or_edit_someone_elses_draft(db):
    analysis = AnalysisFactory(author=DistrictCoordinatorFactory())
    other = DistrictCoordinatorFactory()
    assert not other.has_perm("analyses.change_analysis", analysis)
    with pytest.raises(PermissionDenied):
        workflow.submit(analysis, other)


def test_a_submitted_analysis_is_locked_for_its_coordinator(db):
    coordinator = DistrictCoordinatorFactory()
    analysis = AnalysisFactory(author=coordinator, status=Status.IN_REVIEW)
    assert not coordinator.has_perm("analyses.change_analysis", analysis)
    assert StateAdminFactory().has_perm("analyses.change_analysis", analysis)


def test_publishing_needs_a_submission_first(labour_market):
    analysis = AnalysisFactory(body=WAGE_FIGURE)
    with pytest.raises(PermissionDenied):
        workflow.publish(analysis, analysis.author)


def test_publishing_keeps_figures_and_the_data_they_were_written_on(labour_market):
    DataSource.objects.create(
        slug="oews", title="OEWS", publisher="BLS", vintage="May 2025", licence="Public domain",
        origin="mirror", loaded_at=timezone.now(),
    )  # fmt: skip
    analysis = AnalysisFactory(body=WAGE_FIGURE, status=Status.IN_REVIEW)
    before = content_version()
    workflow.publish(analysis, StateAdminFactory())
    analysis.refresh_from_db()
    assert analysis.published_at is not None
    assert analysis.source_vintages == {"oews": "May 2025"}
    assert list(analysis.figure_snapshots.values()) == [{"value": 91520, "unit": "dollars"}]
    assert content_version() == before + 1  # the region page's cached copy refreshes


def test_changes_since_publication_compare_then_and_now_after_a_reload(labour_market):
    analysis = AnalysisFactory(body=WAGE_FIGURE, status=Status.IN_REVIEW)
    workflow.publish(analysis, StateAdminFactory())
    assert workflow.changes_since_publication(analysis).data_reloaded is False
    WageEstimate.objects.filter(soc_code="29-1141", area_id=ALBUQUERQUE_METRO).update(
        median_annual=95000
    )
    DataSource.objects.create(
        slug="oews", title="OEWS", publisher="BLS", vintage="May 2026", licence="Public domain",
        origin="mirror", loaded_at=timezone.now() + datetime.timedelta(minutes=1),
    )  # fmt: skip
    changes = workflow.changes_since_publication(analysis)
    assert changes.data_reloaded
    (change,) = changes.changed
    assert change.then["value"] == 91520 and change.now["value"] == 95000


def test_submitting_a_text_with_a_broken_figure_is_refused(labour_market):
    analysis = AnalysisFactory(body="{{ median-wage soc=00-1111 }}")
    with pytest.raises(workflow.WorkflowError, match="Line 1"):
        workflow.submit(analysis, analysis.author)


def test_the_state_returns_a_submission_with_a_comment(db):
    analysis = AnalysisFactory(status=Status.IN_REVIEW)
    workflow.return_to_draft(analysis, StateAdminFactory(), "Add the Spanish version.")
    analysis.refresh_from_db()
    assert analysis.status == Status.DRAFT
    assert analysis.review_comment == "Add the Spanish version."


def test_visitors_see_only_published_analyses(db):
    published = AnalysisFactory(status=Status.PUBLISHED, published_at=timezone.now())
    AnalysisFactory()
    from django.contrib.auth.models import AnonymousUser

    assert list(Analysis.objects.visible_to(AnonymousUser())) == [published]
