"""The audit log page, built on simple-history's diff_against: each version against the
one before, ids shown as names, saves that changed nothing shown left out."""

import pytest

from pathways.programs.history import program_history
from pathways.programs.sequence import ordered_sequence, set_sequence
from pathways.programs.workflow import submit
from tests.factories import ProgramOfStudyFactory, alamogordo

from . import add_courses

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramOfStudyFactory()
    add_courses(program, 3)
    return program


def test_a_renamed_and_moved_program_shows_old_and_new_names(program, coordinator):
    old_district = program.district.name
    program.title, program.district = "Welding II", alamogordo()
    program._history_user = coordinator
    program.save()
    newest = program_history(program)[0]
    assert (newest.part, newest.action, newest.user) == ("Program", "changed", coordinator)
    shown = {c.label: (c.old, c.new) for c in newest.changes}
    assert shown["District"] == (old_district, alamogordo().name)
    assert shown["Title"][1] == "Welding II"
    assert "Status" not in shown  # unchanged fields stay out


def test_a_save_that_changes_nothing_shown_adds_no_entry(program):
    before = len(program_history(program))
    program.save()  # only updated_at moves
    assert len(program_history(program)) == before


def test_a_moved_course_names_itself_and_its_new_position(program, coordinator):
    rows = [(pc.course, pc.is_capstone) for pc in ordered_sequence(program)]
    rows[0], rows[1] = rows[1], rows[0]
    set_sequence(program, rows, coordinator)
    moved = [e for e in program_history(program) if e.part == "Courses" and e.action == "changed"]
    assert len(moved) == 2
    for entry in moved:
        assert entry.changes[0].label == "Course"  # the row is named even though unchanged
        assert entry.changes[0].old == entry.changes[0].new
        assert {c.label for c in entry.changes[1:]} == {"Position"}


def test_credentials_added_show_by_name_with_the_workflow_reason(program, coordinator):
    program.credentials.create(name="AWS D1.1")
    submit(program, coordinator)
    entries = program_history(program)
    assert entries[0].reason == "submitted for approval"
    assert any(c.label == "Credentials" and c.new == "AWS D1.1" for e in entries for c in e.changes)
