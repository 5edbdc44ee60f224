"""Expired postings close themselves: hidden at once by the query, marked closed by the
nightly job or the command."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from pathways.opportunities import tasks
from pathways.opportunities.models import Opportunity
from tests.factories import OpportunityFactory, StudentFactory

pytestmark = pytest.mark.django_db


def ago(days: int):  # type: ignore[no-untyped-def]
    return timezone.localdate() - timedelta(days=days)


@pytest.fixture
def postings() -> dict[str, Opportunity]:
    return {
        "open": OpportunityFactory(title="Still open"),
        "past deadline": OpportunityFactory(
            title="Deadline passed", application_deadline=ago(1), start_date=ago(0)
        ),
        "ended": OpportunityFactory(
            title="Already ended", start_date=ago(60), end_date=ago(2), application_deadline=None
        ),
        "deadline today": OpportunityFactory(
            title="Last day to apply", application_deadline=ago(0)
        ),
    }


def test_expired_postings_leave_the_list_before_any_job_runs(client, postings):
    page = client.get("/opportunities/").content.decode()
    assert "Still open" in page and "Last day to apply" in page
    assert "Deadline passed" not in page and "Already ended" not in page
    assert client.get(f"/opportunities/{postings['ended'].pk}/").status_code == 404


def test_a_student_cannot_apply_after_the_deadline(client, postings):
    client.force_login(StudentFactory())
    response = client.post(
        f"/opportunities/{postings['past deadline'].pk}/apply/",
        {"message": "I would still like to apply, please."},
    )
    assert response.status_code == 404


def test_the_command_marks_expired_postings_closed(postings):
    out = StringIO()
    call_command("opportunities", "close-expired", stdout=out)
    assert "Closed 2 expired" in out.getvalue()
    status = dict(Opportunity.objects.values_list("title", "status"))
    assert status == {
        "Still open": "published",
        "Last day to apply": "published",
        "Deadline passed": "closed",
        "Already ended": "closed",
    }


def test_the_background_job_closes_them_too(postings):
    tasks.close_expired_postings.call()
    assert set(Opportunity.objects.filter(status="closed").values_list("title", flat=True)) == {
        "Deadline passed",
        "Already ended",
    }


def test_the_job_queues_its_next_run_for_tomorrow_night(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert tasks.schedule_next()
    backend = tasks.close_expired_postings.get_backend()
    (queued,) = backend.results  # type: ignore[attr-defined]
    assert queued.task.run_after.date() == timezone.localdate() + timedelta(days=1)
