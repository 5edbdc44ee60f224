"""The status engine: New Mexico's participant, concentrator and completer rules."""

import pytest
from pytest_django.fixtures import Settings

from pathways.programs.models import ProgramOfStudy
from pathways.students.models import ProgramStatus
from pathways.students.status import RecomputeSummary, recompute
from tests.factories.geography import alamogordo
from tests.factories.students import enrol, program_with_sequence, took

pytestmark = pytest.mark.django_db

STUDENT = "S1"


def status_of(program: ProgramOfStudy, student_id: str = STUDENT) -> ProgramStatus | None:
    return ProgramStatus.objects.filter(student_id=student_id, program=program).first()


@pytest.fixture
def health() -> ProgramOfStudy:
    return program_with_sequence(["HLT1", "HLT2", "HLT3", "HLT9"], title="Health")


@pytest.fixture
def welding() -> ProgramOfStudy:
    return program_with_sequence(["WLD1", "WLD2", "WLD9"], title="Welding")


@pytest.fixture
def enrolled() -> None:
    for year in (2023, 2024, 2025):
        enrol(STUDENT, year)


@pytest.mark.usefixtures("enrolled")
def test_two_courses_in_different_programs_make_a_participant_in_both_and_concentrator_in_neither(
    health: ProgramOfStudy, welding: ProgramOfStudy
) -> None:
    took(STUDENT, 2024, "HLT1")
    took(STUDENT, 2025, "WLD1")

    recompute()

    for program, year in ((health, 2024), (welding, 2025)):
        status = status_of(program)
        assert status is not None
        assert (status.participant_year, status.concentrator_year) == (year, None)


@pytest.mark.usefixtures("enrolled")
def test_capstone_alone_makes_a_participant_not_a_completer(health: ProgramOfStudy) -> None:
    took(STUDENT, 2025, "HLT9")

    recompute()

    status = status_of(health)
    assert status is not None
    assert status.capstone_passed
    assert (status.participant_year, status.concentrator_year, status.completer_year) == (
        2025,
        None,
        None,
    )


@pytest.mark.usefixtures("enrolled")
def test_two_courses_and_the_capstone_make_a_completer_in_the_capstone_year(
    health: ProgramOfStudy,
) -> None:
    took(STUDENT, 2023, "HLT1")
    took(STUDENT, 2024, "HLT2")
    took(STUDENT, 2025, "HLT9")

    recompute()

    status = status_of(health)
    assert status is not None
    assert status.courses_passed == 3
    assert status.capstone_passed
    assert (status.participant_year, status.concentrator_year, status.completer_year) == (
        2023,
        2024,
        2025,
    )


@pytest.mark.usefixtures("enrolled")
def test_capstone_passed_before_the_second_course_completes_in_the_concentrator_year(
    health: ProgramOfStudy,
) -> None:
    took(STUDENT, 2023, "HLT9")
    took(STUDENT, 2025, "HLT1")

    recompute()

    status = status_of(health)
    assert status is not None
    assert (status.concentrator_year, status.completer_year) == (2025, 2025)


@pytest.mark.usefixtures("enrolled")
def test_a_course_passed_twice_counts_once(health: ProgramOfStudy) -> None:
    took(STUDENT, 2023, "HLT1")
    took(STUDENT, 2024, "HLT1")
    took(STUDENT, 2024, "HLT1", term="S2")

    recompute()

    status = status_of(health)
    assert status is not None
    assert status.courses_passed == 1
    assert (status.participant_year, status.concentrator_year) == (2023, None)


@pytest.mark.usefixtures("enrolled")
def test_a_failed_course_does_not_count(health: ProgramOfStudy) -> None:
    took(STUDENT, 2024, "HLT1")
    took(STUDENT, 2024, "HLT2", passed=False)

    recompute()

    status = status_of(health)
    assert status is not None
    assert (status.courses_passed, status.concentrator_year) == (1, None)


@pytest.mark.usefixtures("enrolled")
def test_only_failed_courses_make_no_participant(health: ProgramOfStudy) -> None:
    took(STUDENT, 2024, "HLT1", passed=False)

    recompute()

    assert status_of(health) is None


@pytest.mark.usefixtures("enrolled")
def test_a_course_passed_after_a_failed_attempt_counts_in_the_passing_year(
    health: ProgramOfStudy,
) -> None:
    took(STUDENT, 2023, "HLT1")
    took(STUDENT, 2023, "HLT2", passed=False)
    took(STUDENT, 2024, "HLT2")

    recompute()

    status = status_of(health)
    assert status is not None
    assert status.concentrator_year == 2024


@pytest.mark.usefixtures("enrolled")
def test_draft_programs_are_ignored() -> None:
    draft = program_with_sequence(["DRF1", "DRF2"], status=ProgramOfStudy.Status.DRAFT)
    took(STUDENT, 2024, "DRF1")
    took(STUDENT, 2024, "DRF2")

    recompute()

    assert status_of(draft) is None


@pytest.mark.usefixtures("enrolled")
def test_programs_of_a_district_where_the_student_never_enrolled_are_ignored(
    health: ProgramOfStudy,
) -> None:
    elsewhere = program_with_sequence(["HLT1", "HLT2", "HLT9"], district=alamogordo())
    took(STUDENT, 2024, "HLT1")
    took(STUDENT, 2024, "HLT2")

    recompute()

    assert status_of(elsewhere) is None
    assert status_of(health) is not None


def test_a_course_passed_in_another_district_counts_toward_the_enrolled_districts_program(
    health: ProgramOfStudy,
) -> None:
    enrol(STUDENT, 2024, district=alamogordo())
    enrol(STUDENT, 2025)
    took(STUDENT, 2024, "HLT1", district=alamogordo())
    took(STUDENT, 2025, "HLT2")

    recompute()

    status = status_of(health)
    assert status is not None
    assert status.district_id == health.district_id
    assert (status.participant_year, status.concentrator_year) == (2024, 2025)


@pytest.mark.usefixtures("enrolled")
def test_requiring_three_courses_for_a_concentrator_changes_the_outcome(
    health: ProgramOfStudy, settings: Settings
) -> None:
    took(STUDENT, 2023, "HLT1")
    took(STUDENT, 2024, "HLT2")
    took(STUDENT, 2025, "HLT3")
    settings.PATHWAYS_STATUS_RULES = {"participant_courses": 1, "concentrator_courses": 3}

    recompute()

    status = status_of(health)
    assert status is not None
    assert status.concentrator_year == 2025


@pytest.mark.usefixtures("enrolled")
def test_requiring_two_courses_for_a_participant_leaves_one_course_uncounted(
    health: ProgramOfStudy, settings: Settings
) -> None:
    took(STUDENT, 2023, "HLT1")
    settings.PATHWAYS_STATUS_RULES = {"participant_courses": 2, "concentrator_courses": 3}

    recompute()

    assert status_of(health) is None


@pytest.mark.usefixtures("enrolled")
def test_recompute_is_idempotent_and_replaces_stale_rows(
    health: ProgramOfStudy, welding: ProgramOfStudy
) -> None:
    took(STUDENT, 2024, "HLT1")
    took(STUDENT, 2024, "HLT2")
    ProgramStatus.objects.create(
        student_id=STUDENT,
        program=welding,
        district=welding.district,
        courses_passed=3,
        capstone_passed=True,
        participant_year=2020,
        concentrator_year=2020,
        completer_year=2020,
    )

    first = recompute()
    rows = list(ProgramStatus.objects.values_list("student_id", "program", "concentrator_year"))
    second = recompute()

    assert rows == [(STUDENT, health.pk, 2024)]
    assert (
        list(ProgramStatus.objects.values_list("student_id", "program", "concentrator_year"))
        == rows
    )
    assert (first.participants, first.concentrators, first.completers) == (1, 1, 0)
    assert (second.participants, second.concentrators, second.completers) == (1, 1, 0)


@pytest.mark.usefixtures("enrolled")
def test_summary_counts_rows_without_naming_students(health: ProgramOfStudy) -> None:
    took(STUDENT, 2024, "HLT1")

    summary = recompute()

    assert isinstance(summary, RecomputeSummary)
    assert "1 participant" in str(summary)
    assert STUDENT not in str(summary)
