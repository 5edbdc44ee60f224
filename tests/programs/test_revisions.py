"""Issue #13 point 6: revising an approved program while it stays in force."""

import pytest
from django.core.exceptions import PermissionDenied

from pathways.programs import reach, sequence, workflow
from pathways.programs.models import ProgramOfStudy
from tests.factories import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    ProgramOfStudyFactory,
    alamogordo,
)

from . import add_courses

pytestmark = pytest.mark.django_db
Status = ProgramOfStudy.Status


@pytest.fixture
def approved(coordinator, state_admin):
    program = ProgramOfStudyFactory(district=coordinator.district, description="First version.")
    add_courses(program, 4)
    workflow.submit(program, coordinator)
    return workflow.approve(program, state_admin)


def test_a_revision_is_a_draft_copy_and_the_approved_version_stays_public(
    client, coordinator, approved
):
    client.force_login(coordinator)
    response = client.post(f"/programs/{approved.pk}/revise/", follow=True)

    revision = ProgramOfStudy.objects.get(revision_of=approved)
    assert response.redirect_chain[-1][0].endswith(f"/programs/{revision.pk}/")
    html = response.content.decode()
    assert "Revision started." in html
    assert "This is a revision of an" in html
    assert (revision.status, revision.title) == (Status.DRAFT, approved.title)
    assert [pc.course_id for pc in sequence.ordered_sequence(revision)] == [
        pc.course_id for pc in sequence.ordered_sequence(approved)
    ]

    revision.description = "Second version."
    revision.save()
    sequence.ordered_sequence(revision)[0].delete()
    client.logout()
    assert list(reach.approved_programs()) == [approved]
    assert list(reach.programs_for_district(approved.district_id)) == [approved]
    assert ProgramOfStudy.objects.filter(pk=revision.pk).approved().count() == 0
    public = client.get(f"/programs/{approved.pk}/").content.decode()
    assert "First version." in public and "Second version." not in public
    assert client.get(f"/programs/{revision.pk}/").status_code in (403, 404)


def test_approving_the_revision_replaces_the_approved_version(coordinator, state_admin, approved):
    revision = workflow.start_revision(approved, coordinator)
    revision.description = "Second version."
    revision.save()
    workflow.submit(revision, coordinator)
    assert ProgramOfStudy.objects.get(pk=approved.pk).description == "First version."

    result = workflow.approve(revision, state_admin)

    assert result.pk == approved.pk  # same page address, same students' status
    approved.refresh_from_db()
    assert (approved.status, approved.description) == (Status.APPROVED, "Second version.")
    assert not ProgramOfStudy.objects.filter(pk=revision.pk).exists()
    # The replaced version is kept in the program's audit log.
    records = list(approved.history.order_by("history_date"))
    assert records[-1].history_change_reason == "revision approved"
    assert records[-1].history_user == state_admin
    assert "First version." in [r.description for r in records[:-1]]
    assert workflow.approval(approved).history_user == state_admin


def test_who_may_start_a_revision(coordinator, state_admin, approved):
    for outsider in (CounselorFactory(), DistrictCoordinatorFactory(district=alamogordo())):
        assert not outsider.has_perm("programs.revise_programofstudy", approved)
        with pytest.raises(PermissionDenied):
            workflow.start_revision(approved, outsider)
    assert state_admin.has_perm("programs.revise_programofstudy", approved)
    revision = workflow.start_revision(approved, coordinator)
    # One revision at a time, and a draft is edited, not revised.
    assert not coordinator.has_perm("programs.revise_programofstudy", approved)
    assert not coordinator.has_perm("programs.revise_programofstudy", revision)
    assert coordinator.has_perm("programs.change_programofstudy", revision)
    assert not coordinator.has_perm("programs.change_programofstudy", approved)


def test_a_returned_revision_leaves_the_approved_version_in_force(
    coordinator, state_admin, approved
):
    revision = workflow.start_revision(approved, coordinator)
    workflow.submit(revision, coordinator)
    workflow.return_for_changes(revision, state_admin, "Add a capstone note.")
    workflow.submit(revision, coordinator)
    workflow.withdraw(revision, coordinator)

    assert ProgramOfStudy.objects.get(pk=approved.pk).status == Status.APPROVED
    assert ProgramOfStudy.objects.get(pk=revision.pk).status == Status.DRAFT


def test_the_revision_pages_are_in_spanish(client, coordinator, approved):
    client.force_login(coordinator)
    assert "Iniciar una revisión" in client.get(f"/es/programs/{approved.pk}/").content.decode()


def test_the_audit_log_shows_the_revision_steps(client, coordinator, state_admin, approved):
    revision = workflow.start_revision(approved, coordinator)
    client.force_login(coordinator)
    started = client.get(f"/programs/{revision.pk}/history/").content.decode()
    assert "revision started" in started
    revision.description = "Second version."
    revision.save()
    workflow.submit(revision, coordinator)
    workflow.approve(revision, state_admin)

    html = client.get(f"/programs/{approved.pk}/history/").content.decode()

    assert "revision approved: this version replaced the one before" in html
    assert "First version." in html and "Second version." in html


def test_the_dashboard_marks_a_revision(client, coordinator, approved):
    revision = workflow.start_revision(approved, coordinator)
    client.force_login(coordinator)

    html = client.get("/programs/mine/").content.decode()

    link = f'href="/programs/{revision.pk}/">{revision.title} <span class="tag">revision</span>'
    assert link in html
    assert "revisión" in client.get("/es/programs/mine/").content.decode()
