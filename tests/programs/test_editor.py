"""The staff editor: dashboard, program form, course sequence formset, links, work-based
learning, submission, the state review and the audit log page, all through HTTP."""

import re

import pytest
from django.test import Client

from pathways.programs import sequence, workflow
from pathways.programs.models import Credential, PostsecondaryProgram, ProgramOfStudy
from tests.factories import (
    CounselorFactory,
    ProgramOfStudyFactory,
    StudentFactory,
    SubClusterFactory,
    alamogordo,
)

from . import add_courses, course

pytestmark = pytest.mark.django_db
Status = ProgramOfStudy.Status


@pytest.fixture
def as_coordinator(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def as_state(client, state_admin):
    client.force_login(state_admin)
    return client


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "30",
    }


def sequence_post(rows: list[tuple[str, str, bool]], initial: int = 0, **extra: str) -> dict:
    data = {"form": "sequence", **management("course", len(rows), initial), **extra}
    for i, (code, position, capstone) in enumerate(rows):
        data[f"course-{i}-course"] = code
        data[f"course-{i}-position"] = position
        if capstone:
            data[f"course-{i}-is_capstone"] = "on"
    return data


# ---------------------------------------------------------------- creating a program


def test_coordinator_creates_a_program_with_four_courses_and_submits_it(
    as_coordinator, coordinator
):
    subcluster = SubClusterFactory()
    for code, title in [
        ("0501", "Introduction to Welding"),
        ("0502", "Welding II"),
        ("0503", "Pipe Welding"),
        ("0599", "Welding Capstone"),
    ]:
        course(code, title)

    page = as_coordinator.get("/programs/new/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="district"' not in html  # chosen automatically for a coordinator
    assert f'<optgroup label="{subcluster.cluster.name}">' in html

    created = as_coordinator.post(
        "/programs/new/",
        {"title": "Welding Technology", "description": "Weld.", "subcluster": subcluster.pk},
    )
    program = ProgramOfStudy.objects.get(title="Welding Technology")
    assert created.status_code == 302
    assert created["Location"] == f"/programs/{program.pk}/courses/"
    assert program.district == coordinator.district
    assert program.status == Status.DRAFT
    assert program.history.latest().history_user == coordinator

    form = as_coordinator.get(f"/programs/{program.pk}/courses/")
    assert form.status_code == 200
    assert form.content.decode().count('class="sequence-row') == 4  # 4 empty rows to start

    saved = as_coordinator.post(
        f"/programs/{program.pk}/courses/",
        sequence_post(
            [("0501", "1", False), ("0502", "2", False), ("0503", "3", False), ("0599", "", True)]
        ),
    )
    assert saved.status_code == 302
    placed = [
        (pc.course.state_code, pc.position, pc.is_capstone)
        for pc in sequence.ordered_sequence(program)
    ]
    assert placed == [
        ("0501", 1, False),
        ("0502", 2, False),
        ("0503", 3, False),
        ("0599", 4, True),
    ]
    assert sequence.validate_sequence(program) == []

    submitted = as_coordinator.post(f"/programs/{program.pk}/submit/")
    assert submitted.status_code == 302
    program.refresh_from_db()
    assert program.status == Status.SUBMITTED


def test_add_another_course_works_without_javascript(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    course("0601")
    response = as_coordinator.post(
        f"/programs/{program.pk}/courses/",
        sequence_post([("0601", "1", False), ("", "", False)], add_row="1"),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/programs/{program.pk}/courses/?blank=2#last-row"
    html = as_coordinator.get(response["Location"]).content.decode()
    assert html.count('class="sequence-row') == 3  # the saved course and two empty rows
    assert 'value="0601"' in html
    # Removing it again.
    data = sequence_post([("0601", "1", False)], initial=1)
    data["course-0-DELETE"] = "on"
    assert as_coordinator.post(f"/programs/{program.pk}/courses/", data).status_code == 302
    assert program.sequence.count() == 0


def test_sequence_errors_are_shown_and_linked_to_their_fields(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    course("0701")
    course("0702")
    response = as_coordinator.post(
        f"/programs/{program.pk}/courses/",
        sequence_post([("0701", "1", True), ("NOPE", "2", False), ("0702", "3", True)]),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "No course with the state code “NOPE” is in the catalogue." in html
    assert 'href="#id_course-1-course"' in html  # the error summary links to the field
    assert 'aria-describedby="id_course-1-course_helptext id_course-1-course_error"' in html
    assert 'aria-invalid="true"' in html
    assert program.sequence.count() == 0

    response = as_coordinator.post(
        f"/programs/{program.pk}/courses/",
        sequence_post([("0701", "1", True), ("0702", "2", True)]),
    )
    assert response.status_code == 400
    assert "Mark only one course as the capstone." in response.content.decode()

    response = as_coordinator.post(
        f"/programs/{program.pk}/courses/",
        sequence_post([("0701", "1", False), ("0701", "2", True)]),
    )
    assert response.status_code == 400
    assert "This course is already in the sequence." in response.content.decode()


def test_sequence_page_uses_fieldsets_and_legends(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    add_courses(program, 2)
    html = as_coordinator.get(f"/programs/{program.pk}/courses/").content.decode()
    assert '<fieldset id="course-fieldset"' in html
    assert "<legend>Course sequence</legend>" in html
    assert '<legend>Course 1: <span lang="en">Test course 1</span></legend>' in html
    assert "<legend>Course 3</legend>" in html  # an empty row
    assert re.search(r'<label for="id_course-0-course">Course:?</label>', html)
    assert '<label for="id_course-0-is_capstone">Capstone course</label>' in html
    assert 'list="course-catalogue"' in html and '<datalist id="course-catalogue">' in html


def test_program_form_validates_with_clear_messages(as_coordinator, coordinator):
    existing = ProgramOfStudyFactory(district=coordinator.district, title="Culinary Arts")
    response = as_coordinator.post(
        "/programs/new/", {"title": "culinary arts", "subcluster": existing.subcluster_id}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "already has a program called “culinary arts”" in html
    assert 'href="#id_title"' in html

    response = as_coordinator.post("/programs/new/", {"title": "", "subcluster": "no-such"})
    assert response.status_code == 400
    assert 'href="#id_subcluster"' in response.content.decode()


def test_state_admin_chooses_the_district(as_state):
    subcluster = SubClusterFactory()
    html = as_state.get("/programs/new/").content.decode()
    assert 'name="district"' in html
    response = as_state.post("/programs/new/", {"title": "Nursing", "subcluster": subcluster.pk})
    assert response.status_code == 400
    response = as_state.post(
        "/programs/new/",
        {"title": "Nursing", "subcluster": subcluster.pk, "district": alamogordo().pk},
    )
    assert response.status_code == 302
    assert ProgramOfStudy.objects.get(title="Nursing").district == alamogordo()


# ---------------------------------------------------------------- access


def test_coordinator_gets_404_on_another_districts_draft(as_coordinator):
    other = ProgramOfStudyFactory(district=alamogordo())
    for path in ("", "edit/", "courses/", "leads-to/", "work-based-learning/", "history/"):
        assert as_coordinator.get(f"/programs/{other.pk}/{path}").status_code == 404, path
    assert as_coordinator.post(f"/programs/{other.pk}/submit/").status_code == 404
    assert as_coordinator.post(f"/programs/{other.pk}/edit/", {"title": "x"}).status_code == 404


def test_coordinator_cannot_edit_an_approved_program(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district, status=Status.APPROVED)
    response = as_coordinator.get(f"/programs/{program.pk}/edit/")
    assert response.status_code == 403
    assert "You cannot change this program at its current stage." in response.content.decode()
    response = as_coordinator.post(f"/programs/{program.pk}/edit/", {"title": "Renamed"})
    assert response.status_code == 403
    assert ProgramOfStudy.objects.get(pk=program.pk).title == program.title


def test_counselor_reads_but_cannot_edit(client):
    counselor = CounselorFactory()
    program = ProgramOfStudyFactory(district=counselor.district)
    client.force_login(counselor)
    dashboard = client.get("/programs/mine/").content.decode()
    assert program.title in dashboard
    assert "/programs/new/" not in dashboard
    assert client.get(f"/programs/{program.pk}/").status_code == 200
    assert client.get(f"/programs/{program.pk}/edit/").status_code == 403
    assert client.get("/programs/new/").status_code == 403
    # Counselors read their own district's audit log (programs.view_programofstudy_history).
    assert client.get(f"/programs/{program.pk}/history/").status_code == 200


def test_student_cannot_create_or_see_drafts(client):
    student = StudentFactory()
    draft = ProgramOfStudyFactory(district=student.district)
    client.force_login(student)
    assert client.get("/programs/new/").status_code == 403
    assert client.get(f"/programs/{draft.pk}/").status_code == 404


def test_anonymous_is_sent_to_sign_in_or_refused(client):
    program = ProgramOfStudyFactory(status=Status.APPROVED)
    for path in ("/programs/mine/", "/programs/new/", f"/programs/{program.pk}/edit/"):
        response = client.get(path)
        assert response.status_code in (302, 403), path
        if response.status_code == 302:
            assert "next=" in response["Location"]


def test_forms_need_a_csrf_token(coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    program = ProgramOfStudyFactory(district=coordinator.district)
    add_courses(program)
    assert client.post(f"/programs/{program.pk}/submit/").status_code == 403
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.DRAFT
    html = client.get(f"/programs/{program.pk}/courses/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in html


def test_submit_reports_problems(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    confirm = as_coordinator.get(f"/programs/{program.pk}/submit/").content.decode()
    assert "A program needs at least 2 courses; it has 0." in confirm
    assert "Yes, submit for state approval" not in confirm  # nothing to confirm yet
    response = as_coordinator.post(f"/programs/{program.pk}/submit/", follow=True)
    html = response.content.decode()
    assert "Fix the course sequence before submitting." in html
    assert "A program needs at least 2 courses; it has 0." in html
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.DRAFT


# ---------------------------------------------------------------- links and work-based learning


def test_attach_and_add_catalogue_entries(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    existing = Credential.objects.create(name="ServSafe Food Handler")
    response = as_coordinator.post(
        f"/programs/{program.pk}/leads-to/", {"form": "links", "credentials": [existing.pk]}
    )
    assert response.status_code == 302
    assert list(program.credentials.all()) == [existing]

    response = as_coordinator.post(
        f"/programs/{program.pk}/leads-to/",
        {
            "form": "credential",
            "credential-name": "OSHA 10-Hour General Industry",
            "credential-issuer": "OSHA",
        },
    )
    assert response.status_code == 302
    assert set(program.credentials.values_list("name", flat=True)) == {
        "ServSafe Food Handler",
        "OSHA 10-Hour General Industry",
    }

    response = as_coordinator.post(
        f"/programs/{program.pk}/leads-to/",
        {
            "form": "postsecondary",
            "postsecondary-institution": "CNM",
            "postsecondary-title": "Culinary Arts",
            "postsecondary-cip_code": "12.05xx",
        },
    )
    assert response.status_code == 400
    assert "Write the CIP code as" in response.content.decode()
    response = as_coordinator.post(
        f"/programs/{program.pk}/leads-to/",
        {
            "form": "postsecondary",
            "postsecondary-institution": "CNM",
            "postsecondary-title": "Culinary Arts",
            "postsecondary-cip_code": "12.0503",
        },
    )
    assert response.status_code == 302
    assert program.postsecondary_programs.get().title == "Culinary Arts"
    assert PostsecondaryProgram.objects.count() == 1


def test_counselor_cannot_add_catalogue_entries(client):
    counselor = CounselorFactory()
    program = ProgramOfStudyFactory(district=counselor.district)
    client.force_login(counselor)
    response = client.post(
        f"/programs/{program.pk}/leads-to/", {"form": "credential", "credential-name": "X"}
    )
    assert response.status_code == 403
    assert not Credential.objects.filter(name="X").exists()


def test_work_based_learning_rows(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    data = {
        **management("wbl", 2),
        "wbl-0-kind": "internship",
        "wbl-0-partner": "Presbyterian Hospital",
        "wbl-1-kind": "",
        "add_row": "1",
    }
    response = as_coordinator.post(f"/programs/{program.pk}/work-based-learning/", data)
    assert response.status_code == 302
    assert response["Location"].endswith("?blank=2#last-row")
    placement = program.work_based_learning.get()
    assert (placement.kind, placement.partner) == ("internship", "Presbyterian Hospital")

    data = {**management("wbl", 1), "wbl-0-kind": "", "wbl-0-partner": "Someone"}
    response = as_coordinator.post(f"/programs/{program.pk}/work-based-learning/", data)
    assert response.status_code == 400
    assert 'href="#id_wbl-0-kind"' in response.content.decode()


# ---------------------------------------------------------------- dashboard, review, audit log


def test_dashboards_by_role(client, coordinator, state_admin):
    own = ProgramOfStudyFactory(district=coordinator.district, title="Own draft")
    other = ProgramOfStudyFactory(district=alamogordo(), title="Other draft")
    waiting = ProgramOfStudyFactory(
        district=alamogordo(), title="Waiting one", status=Status.SUBMITTED
    )
    client.force_login(coordinator)
    html = client.get("/programs/mine/").content.decode()
    assert own.title in html and other.title not in html and waiting.title not in html
    assert "/programs/new/" in html

    client.force_login(state_admin)
    html = client.get("/programs/mine/").content.decode()
    assert own.title in html and other.title in html
    assert "Waiting for your review (1)" in html
    assert f"/programs/{waiting.pk}/review/" in html


def test_state_review_approve_and_return(as_state, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    add_courses(program)
    assert as_state.get(f"/programs/{program.pk}/review/").status_code == 403  # a draft
    workflow.submit(program, coordinator)

    page = as_state.get(f"/programs/{program.pk}/review/")
    assert page.status_code == 200
    response = as_state.post(f"/programs/{program.pk}/review/", {"action": "return"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write a comment saying what the district should change." in html
    assert 'href="#id_comment"' in html
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.SUBMITTED

    response = as_state.post(
        f"/programs/{program.pk}/review/", {"action": "return", "comment": "Add a partner."}
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.status, program.review_comment) == (Status.RETURNED, "Add a partner.")

    workflow.submit(program, coordinator)
    response = as_state.post(f"/programs/{program.pk}/review/", {"action": "approve"})
    assert response.status_code == 302
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.APPROVED


def test_coordinator_cannot_review(as_coordinator, coordinator):
    program = ProgramOfStudyFactory(district=coordinator.district)
    add_courses(program)
    workflow.submit(program, coordinator)
    assert as_coordinator.get(f"/programs/{program.pk}/review/").status_code == 403
    response = as_coordinator.post(f"/programs/{program.pk}/review/", {"action": "approve"})
    assert response.status_code == 403
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.SUBMITTED


def test_history_page_shows_who_changed_what(client, coordinator, state_admin):
    program = ProgramOfStudyFactory(district=coordinator.district)
    add_courses(program)
    client.force_login(coordinator)
    client.post(
        f"/programs/{program.pk}/edit/",
        {"title": "Renamed program", "subcluster": program.subcluster_id},
    )
    workflow.submit(program, coordinator)
    workflow.approve(program, state_admin)

    client.force_login(state_admin)
    response = client.get(f"/programs/{program.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert state_admin.get_full_name() in html and coordinator.get_full_name() in html
    assert "approved" in html and "submitted" in html
    assert "Renamed program" in html
    # The rename was made through the web, so the middleware recorded the user.
    renamed = program.history.filter(title="Renamed program").earliest()
    assert renamed.history_user == coordinator


def test_malformed_posts_are_4xx_not_500(as_state, state_admin):
    program = ProgramOfStudyFactory()
    base = f"/programs/{program.pk}"
    assert as_state.post(f"{base}/courses/", {"form": "sequence"}).status_code == 400
    assert as_state.post(f"{base}/work-based-learning/", {}).status_code == 400
    assert (
        as_state.post(f"{base}/leads-to/", {"form": "links", "credentials": ["x"]}).status_code
        == 400
    )
    assert as_state.post(f"{base}/edit/", {"title": "x" * 500}).status_code == 400
    assert as_state.get(f"{base}/courses/?blank=lots").status_code == 200
    assert as_state.get(f"{base}/courses/?blank=100000").status_code == 200
    assert as_state.get("/programs/mine/?district=nope").status_code == 200
    add_courses(program)
    workflow.submit(program, state_admin)
    assert as_state.post(f"{base}/review/", {"action": "shrug"}).status_code == 400
