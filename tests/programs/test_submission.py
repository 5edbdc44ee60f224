"""Issue #13 point 6: confirming before submitting (a page, no script) and withdrawing a
submission back to draft, per role."""

import pytest
from django.core.exceptions import PermissionDenied

from pathways.programs import errors, workflow
from pathways.programs.models import ProgramOfStudy
from tests.factories import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    ProgramOfStudyFactory,
    StateAdminFactory,
    alamogordo,
)

from . import add_courses

pytestmark = pytest.mark.django_db
Status = ProgramOfStudy.Status


@pytest.fixture
def program(coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    add_courses(program, 4)
    return program


def test_submitting_asks_for_confirmation_first(client, coordinator, program):
    client.force_login(coordinator)
    detail = client.get(f"/programs/{program.pk}/").content.decode()
    assert f'href="/programs/{program.pk}/submit/"' in detail  # a link, not a one-click form

    page = client.get(f"/programs/{program.pk}/submit/")

    html = page.content.decode()
    assert page.status_code == 200
    assert "Yes, submit for state approval" in html
    assert 'method="post"' in html and 'name="csrfmiddlewaretoken"' in html
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.DRAFT  # GET changes nothing

    assert client.post(f"/programs/{program.pk}/submit/").status_code == 302
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.SUBMITTED


def test_the_confirmation_page_is_in_spanish(client, coordinator, program):
    client.force_login(coordinator)
    html = client.get(f"/es/programs/{program.pk}/submit/").content.decode()
    assert "Sí, enviar para la aprobación del estado" in html
    assert "Retirar el envío" not in html  # a draft has no submission to withdraw


def test_the_confirmation_page_is_only_for_those_who_may_submit(client, program):
    client.force_login(CounselorFactory())
    assert client.get(f"/programs/{program.pk}/submit/").status_code == 403


def test_a_coordinator_withdraws_a_submission_back_to_draft(client, coordinator, program):
    workflow.submit(program, coordinator)
    client.force_login(coordinator)
    detail = client.get(f"/programs/{program.pk}/").content.decode()
    assert "Withdraw the submission" in detail

    response = client.post(f"/programs/{program.pk}/withdraw/", follow=True)

    assert "Submission withdrawn. The program is a draft again." in response.content.decode()
    program.refresh_from_db()
    assert program.status == Status.DRAFT
    assert coordinator.has_perm("programs.change_programofstudy", program)
    latest = program.history.latest()
    assert (latest.history_change_reason, latest.history_user) == ("withdrawn", coordinator)


def test_withdrawing_per_role(coordinator, program):
    workflow.submit(program, coordinator)
    for outsider in (
        CounselorFactory(),
        DistrictCoordinatorFactory(district=alamogordo()),
    ):
        assert not outsider.has_perm("programs.withdraw_programofstudy", program)
        with pytest.raises(PermissionDenied):
            workflow.withdraw(program, outsider)
    assert StateAdminFactory().has_perm("programs.withdraw_programofstudy", program)
    workflow.withdraw(program, coordinator)
    assert program.status == Status.DRAFT


def test_only_a_submitted_program_can_be_withdrawn(client, coordinator, program):
    with pytest.raises(errors.WorkflowError, match="Only a submitted program"):
        workflow.withdraw(program, coordinator)
    client.force_login(coordinator)
    assert client.get(f"/programs/{program.pk}/withdraw/").status_code == 405
    response = client.post(f"/programs/{program.pk}/withdraw/", follow=True)
    assert "Only a submitted program can be withdrawn" in response.content.decode()


def test_adding_a_postsecondary_program_already_listed_is_refused(client, coordinator, program):
    from pathways.programs.models import PostsecondaryProgram

    existing = PostsecondaryProgram.objects.create(
        institution="Central New Mexico Community College", title="Welding", cip_code="48.0508"
    )
    client.force_login(coordinator)

    response = client.post(
        f"/programs/{program.pk}/leads-to/",
        {
            "form": "postsecondary",
            "postsecondary-institution": "central new mexico community college ",
            "postsecondary-title": "WELDING",
            "postsecondary-cip_code": "48.0508",
        },
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "is already in the catalogue: tick it in the list" in html
    assert PostsecondaryProgram.objects.filter(cip_code="48.0508").count() == 1
    assert existing not in program.postsecondary_programs.all()
