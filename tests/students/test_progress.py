"""A student's own progress: course marks, status reached, and what is left in plain words."""

import pytest
from pytest_django.fixtures import Settings

from pathways.programs.models import ProgramOfStudy
from pathways.students.progress import (
    Mark,
    ProgramProgress,
    course_record,
    progress_for,
    school_year_label,
)
from pathways.students.status import recompute
from tests.factories.students import enrol, program_with_sequence, took

pytestmark = pytest.mark.django_db

STUDENT = "S100"


@pytest.fixture
def welding() -> ProgramOfStudy:
    program = program_with_sequence(["WLD1", "WLD2", "WLD3", "WLD9"], title="Welding")
    for year in (2023, 2024, 2025):
        enrol(STUDENT, year)
    return program


def only_progress() -> ProgramProgress:
    recompute()
    [progress] = progress_for(STUDENT)
    return progress


def test_school_years_are_named_by_the_year_they_end_in() -> None:
    assert school_year_label(2025) == "2024-25"
    assert school_year_label(2000) == "1999-00"


@pytest.mark.usefixtures("welding")
def test_each_course_is_marked_passed_attempted_or_not_taken_with_its_year() -> None:
    took(STUDENT, 2024, "WLD1")
    took(STUDENT, 2024, "WLD2", passed=False)
    took(STUDENT, 2025, "WLD2", passed=False, term="S2")

    progress = only_progress()

    marks = [(step.code, step.mark, step.year) for step in progress.steps]
    assert marks == [
        ("WLD1", Mark.PASSED, 2024),
        ("WLD2", Mark.ATTEMPTED, 2025),
        ("WLD3", Mark.NOT_TAKEN, None),
        ("WLD9", Mark.NOT_TAKEN, None),
    ]


@pytest.mark.usefixtures("welding")
def test_a_course_passed_on_the_second_try_shows_the_year_it_was_passed() -> None:
    took(STUDENT, 2024, "WLD1", passed=False)
    took(STUDENT, 2025, "WLD1")

    step = only_progress().steps[0]

    assert (step.mark, step.year_label) == (Mark.PASSED, "2024-25")


@pytest.mark.usefixtures("welding")
def test_a_participant_is_told_how_many_more_courses_make_a_concentrator() -> None:
    took(STUDENT, 2024, "WLD1")

    progress = only_progress()

    assert (progress.status, progress.status_year) == ("participant", 2024)
    assert progress.next_steps == [
        "Pass 1 more course in this program to become a concentrator.",
        "Pass the capstone, Course WLD9, to complete the program.",
    ]


@pytest.mark.usefixtures("welding")
def test_the_number_of_courses_left_follows_the_state_rules(settings: Settings) -> None:
    settings.PATHWAYS_STATUS_RULES = {"participant_courses": 1, "concentrator_courses": 3}
    took(STUDENT, 2024, "WLD1")

    progress = only_progress()

    assert progress.next_steps[0] == (
        "Pass 2 more courses in this program to become a concentrator."
    )


@pytest.mark.usefixtures("welding")
def test_a_concentrator_is_told_to_pass_the_capstone_by_its_title() -> None:
    took(STUDENT, 2024, "WLD1")
    took(STUDENT, 2025, "WLD2")

    progress = only_progress()

    assert (progress.status, progress.status_year_label) == ("concentrator", "2024-25")
    assert progress.next_steps == ["Pass the capstone, Course WLD9, to complete the program."]


@pytest.mark.usefixtures("welding")
def test_a_completer_has_nothing_left() -> None:
    took(STUDENT, 2024, "WLD1")
    took(STUDENT, 2024, "WLD2")
    took(STUDENT, 2025, "WLD9")

    progress = only_progress()

    assert (progress.status, progress.status_year) == ("completer", 2025)
    assert progress.next_steps == []


@pytest.mark.usefixtures("welding")
def test_a_participant_who_passed_the_capstone_needs_only_another_course() -> None:
    took(STUDENT, 2025, "WLD9")

    progress = only_progress()

    assert progress.next_steps == [
        "Pass 1 more course in this program to become a concentrator.",
        "You have passed the capstone, so that also completes the program.",
    ]


@pytest.mark.usefixtures("welding")
def test_another_students_courses_never_appear() -> None:
    enrol("S200", 2025)
    took("S200", 2025, "WLD1")
    took("S200", 2025, "WLD2")
    took(STUDENT, 2025, "WLD3")

    recompute()

    assert [c.code for c in course_record(STUDENT)] == ["WLD3"]
    [progress] = progress_for(STUDENT)
    assert progress.courses_passed == 1


def test_the_course_list_names_catalogue_courses_and_keeps_unknown_codes() -> None:
    program_with_sequence(["AGR1", "AGR2"])
    took(STUDENT, 2025, "AGR1", term="S2")
    took(STUDENT, 2024, "ZZZ9", passed=False)

    courses = course_record(STUDENT)

    assert [(c.year_label, c.term, c.code, c.title, c.passed) for c in courses] == [
        ("2023-24", "S1", "ZZZ9", None, False),
        ("2024-25", "S2", "AGR1", "Course AGR1", True),
    ]


def test_a_student_without_a_status_has_no_programs() -> None:
    took(STUDENT, 2025, "NOPROGRAM1")

    assert progress_for(STUDENT) == []


@pytest.mark.usefixtures("welding")
def test_progress_takes_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    program_with_sequence(["CUL1", "CUL2"], title="Culinary")
    for code in ("WLD1", "WLD2", "CUL1"):
        took(STUDENT, 2025, code)
    recompute()

    with django_assert_max_num_queries(3):
        assert len(progress_for(STUDENT)) == 2
