"""The approval workflow, sequence validation, the audit log and the program services."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.framework.models import SubClusterOccupation
from pathways.occupations.models import CipSocLink
from pathways.programs import errors, history, reach, sequence, workflow
from pathways.programs.models import PostsecondaryProgram, ProgramCourse, ProgramOfStudy
from tests.factories import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    ProgramOfStudyFactory,
    StudentFactory,
    alamogordo,
)

from . import add_courses, course

pytestmark = pytest.mark.django_db
Status = ProgramOfStudy.Status


@pytest.fixture
def program():
    """An Albuquerque draft with a complete sequence of four courses."""
    program = ProgramOfStudyFactory()
    add_courses(program, 4)
    return program


# ---------------------------------------------------------------- transitions per role


def test_coordinator_submits_own_draft(coordinator, program):
    workflow.submit(program, coordinator)
    program.refresh_from_db()
    assert program.status == Status.SUBMITTED


def test_returned_program_can_be_submitted_again(coordinator, state_admin, program):
    workflow.submit(program, coordinator)
    workflow.return_for_changes(program, state_admin, "Add a work-based learning option.")
    workflow.submit(program, coordinator)
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.SUBMITTED


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: DistrictCoordinatorFactory(district=alamogordo()),
        CounselorFactory,
        StudentFactory,
    ],
    ids=["other-district-coordinator", "counselor", "student"],
)
def test_others_cannot_submit(make_user, program):
    with pytest.raises(PermissionDenied):
        workflow.submit(program, make_user())
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.DRAFT


def test_submitting_twice_is_refused(coordinator, program):
    workflow.submit(program, coordinator)
    with pytest.raises(errors.WorkflowError, match="Only a draft or a returned program"):
        workflow.submit(program, coordinator)


def test_incomplete_sequence_cannot_be_submitted(coordinator):
    program = ProgramOfStudyFactory()
    add_courses(program, 3, capstone_last=False)
    with pytest.raises(errors.WorkflowError) as refused:
        workflow.submit(program, coordinator)
    assert "Mark one course as the capstone." in refused.value.problems
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.DRAFT


def test_coordinator_cannot_approve(coordinator, program):
    workflow.submit(program, coordinator)
    with pytest.raises(PermissionDenied):
        workflow.approve(program, coordinator)
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.SUBMITTED


def test_state_approves_submitted_programs_only(coordinator, state_admin, program):
    with pytest.raises(errors.WorkflowError, match="Only a submitted program"):
        workflow.approve(program, state_admin)
    workflow.submit(program, coordinator)
    workflow.approve(program, state_admin)
    program.refresh_from_db()
    assert program.status == Status.APPROVED
    with pytest.raises(errors.WorkflowError):
        workflow.approve(program, state_admin)  # already approved


def test_return_needs_a_comment(coordinator, state_admin, program):
    workflow.submit(program, coordinator)
    for blank in ("", "   "):
        with pytest.raises(errors.WorkflowError, match="comment"):
            workflow.return_for_changes(program, state_admin, blank)
    assert ProgramOfStudy.objects.get(pk=program.pk).status == Status.SUBMITTED
    workflow.return_for_changes(program, state_admin, "  The capstone needs a partner.  ")
    program.refresh_from_db()
    assert program.status == Status.RETURNED
    assert program.review_comment == "The capstone needs a partner."


def test_coordinator_cannot_return(coordinator, program):
    workflow.submit(program, coordinator)
    with pytest.raises(PermissionDenied):
        workflow.return_for_changes(program, coordinator, "Looks fine to me")


def test_editing_an_approved_program_is_refused_for_coordinators(coordinator, state_admin, program):
    workflow.submit(program, coordinator)
    assert not coordinator.has_perm("programs.change_programofstudy", program)  # submitted
    workflow.approve(program, state_admin)
    assert not coordinator.has_perm("programs.change_programofstudy", program)
    with pytest.raises(PermissionDenied):
        sequence.set_sequence(program, [(course("X1"), False), (course("X2"), True)], coordinator)
    assert program.sequence.count() == 4
    assert state_admin.has_perm("programs.change_programofstudy", program)


# ---------------------------------------------------------------- sequence validation


def test_a_complete_sequence_has_no_problems(program):
    assert sequence.validate_sequence(program) == []


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([(1, True)], "at least 2 courses"),
        ([], "at least 2 courses"),
        ([(1, False), (2, False)], "Mark one course as the capstone."),
        ([(1, True), (2, True)], "Mark only one course as the capstone."),
        ([(1, True), (2, False)], "The capstone must be the last course"),
        ([(1, False), (3, True)], "without gaps"),
        ([(2, False), (3, True)], "without gaps"),
        ([(1, False), (1, True)], "without gaps"),
    ],
)
def test_sequence_problems(entries, problem):
    assert any(problem in p for p in sequence.sequence_problems(entries))


def test_validate_sequence_reads_the_saved_rows():
    program = ProgramOfStudyFactory()
    courses = add_courses(program, 3)
    ProgramCourse.objects.filter(program=program, course=courses[2]).update(position=5)
    assert sequence.validate_sequence(program) == [
        "Course positions must run 1, 2, 3 … without gaps or repeats."
    ]


def test_set_sequence_reorders_and_moves_the_capstone(coordinator, program):
    old = [pc.course for pc in sequence.ordered_sequence(program)]
    new_course = course("NEW1")
    # Reverse the order, drop one, add one, and make a different course the capstone.
    rows = [(old[3], False), (old[2], False), (new_course, False), (old[0], True)]
    sequence.set_sequence(program, rows, coordinator)
    saved = [(pc.course, pc.position, pc.is_capstone) for pc in sequence.ordered_sequence(program)]
    assert saved == [
        (old[3], 1, False),
        (old[2], 2, False),
        (new_course, 3, False),
        (old[0], 4, True),
    ]
    assert sequence.validate_sequence(program) == []


def test_set_sequence_refuses_duplicates_and_two_capstones(coordinator, program):
    a, b = course("D1"), course("D2")
    with pytest.raises(errors.WorkflowError, match="twice"):
        sequence.set_sequence(program, [(a, False), (a, True)], coordinator)
    with pytest.raises(errors.WorkflowError, match="only one"):
        sequence.set_sequence(program, [(a, True), (b, True)], coordinator)
    assert program.sequence.count() == 4


# ---------------------------------------------------------------- the audit log


def test_audit_log_records_the_user_and_the_change(coordinator, state_admin, program):
    workflow.submit(program, coordinator)
    submitted = program.history.latest()
    assert submitted.history_user == coordinator
    assert submitted.history_change_reason == "submitted"
    assert submitted.status == Status.SUBMITTED

    workflow.return_for_changes(program, state_admin, "Name the capstone's partner.")
    returned = program.history.latest()
    assert returned.history_user == state_admin
    assert returned.history_change_reason == "returned: Name the capstone's partner."

    workflow.submit(program, coordinator)
    workflow.approve(program, state_admin)
    approved = program.history.latest()
    assert (approved.history_user, approved.history_change_reason) == (state_admin, "approved")
    assert workflow.approval(program).history_user == state_admin

    entries = history.program_history(program)
    newest = entries[0]
    assert newest.user == state_admin and newest.reason == "approved"
    status = next(c for c in newest.changes if c.label == "Status")
    assert (status.old, status.new) == ("Submitted for approval", "Approved")


def test_audit_log_covers_courses_and_links(coordinator, program):
    kept = [(pc.course, pc.is_capstone) for pc in sequence.ordered_sequence(program)][:-1]
    sequence.set_sequence(program, [*kept, (course("CAP9", "Capstone project"), True)], coordinator)
    credential = program.credentials.create(name="OSHA 10")
    entries = history.program_history(program)
    parts = {(e.part, e.action) for e in entries}
    assert ("Courses", "deleted") in parts
    assert ("Courses", "created") in parts
    created = next(e for e in entries if e.part == "Courses" and e.action == "created")
    assert created.user == coordinator
    assert any(c.new == "CAP9 Capstone project" for c in created.changes)
    assert any(
        c.label == "Credentials" and c.new == credential.name for e in entries for c in e.changes
    )


# ---------------------------------------------------------------- what a program leads to


def test_occupations_reached_by_subcluster_and_cip(program):
    # Made-up codes, so real data loaded by other tests cannot add to them.
    SubClusterOccupation.objects.create(subcluster=program.subcluster, soc_code="11-9901")
    SubClusterOccupation.objects.create(subcluster=program.subcluster, soc_code="11-9902")
    CipSocLink.objects.create(cip_code="98.0302", soc_code="11-9901")
    CipSocLink.objects.create(cip_code="98.0302", soc_code="11-9903")
    CipSocLink.objects.create(cip_code="98.0101", soc_code="11-9904")  # not under 98.03
    college = PostsecondaryProgram.objects.create(
        institution="Central New Mexico Community College",
        title="Electrical Trades",
        cip_code="98.03",
    )
    program.postsecondary_programs.add(college)

    reached = reach.occupations_reached(program)
    assert sorted(reached.socs) == ["11-9901", "11-9902", "11-9903"]
    assert reached.via_subcluster == {"11-9901", "11-9902"}
    assert reached.via_programs == {"11-9901": [college], "11-9903": [college]}
    by_soc = {item.row.soc: item for item in reached.items}
    assert by_soc["11-9901"].in_subcluster and by_soc["11-9901"].programs == [college]
    assert not by_soc["11-9903"].in_subcluster


def test_occupations_reached_takes_the_same_queries_however_many_college_programs(program):
    CipSocLink.objects.create(cip_code="98.0302", soc_code="11-9903")
    CipSocLink.objects.create(cip_code="98.0101", soc_code="11-9904")

    def attach(number: int, cip: str) -> None:
        program.postsecondary_programs.add(
            PostsecondaryProgram.objects.create(
                institution="Test College", title=f"Program {number}", cip_code=cip
            )
        )

    attach(0, "98")
    reach.occupations_reached(program)  # warm the combined-code cache
    with CaptureQueriesContext(connection) as one:
        reach.occupations_reached(program)
    for number, cip in enumerate(["98.03", "98.0302", "98.0101", " "], start=1):
        attach(number, cip)
    with CaptureQueriesContext(connection) as five:
        links = reach.occupations_reached(program).via_programs

    assert len(five.captured_queries) == len(one.captured_queries)
    titles = {soc: sorted(p.title for p in found) for soc, found in links.items()}
    assert titles == {
        "11-9903": ["Program 0", "Program 1", "Program 2"],
        "11-9904": ["Program 0", "Program 3"],
    }


def test_approved_programs_by_district_cluster_and_occupation():
    approved = ProgramOfStudyFactory(status=Status.APPROVED)
    draft = ProgramOfStudyFactory(subcluster=approved.subcluster)
    elsewhere = ProgramOfStudyFactory(status=Status.APPROVED, district=alamogordo())
    SubClusterOccupation.objects.create(subcluster=approved.subcluster, soc_code="11-9905")

    assert list(reach.programs_for_district(approved.district)) == [approved]
    assert list(reach.programs_for_district(elsewhere.district_id)) == [elsewhere]
    cluster = approved.subcluster.cluster_id
    assert list(reach.programs_for_cluster(cluster)) == [approved]
    assert list(reach.programs_for_occupation("11-9905")) == [approved]
    assert draft not in reach.programs_for_occupation("11-9905")

    CipSocLink.objects.create(cip_code="98.3801", soc_code="11-9905")
    college = PostsecondaryProgram.objects.create(
        institution="UNM", title="Nursing", cip_code="98.38"
    )
    elsewhere.postsecondary_programs.add(college)
    assert set(reach.programs_for_occupation("11-9905")) == {approved, elsewhere}
