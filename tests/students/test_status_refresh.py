"""Every change that can change students' status updates it before the request returns:
approval, a sequence edit, a program import, a records upload; and the incremental rebuild
gives exactly what a full recompute gives."""

from pathlib import Path

import pytest
from django.test import Client

from pathways.programs import sequence
from pathways.programs.models import Course, ProgramOfStudy
from pathways.students import importing, reports, status
from pathways.students.models import CourseCompletion, ProgramStatus, StudentYear
from pathways.students.scope import ReportScope
from tests.factories import StateAdminFactory
from tests.factories.geography import alamogordo, albuquerque
from tests.factories.students import enrol, program_with_sequence, took

pytestmark = pytest.mark.django_db

YEAR = 2025
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "students"


def participants() -> int | None:
    """The state's participants in the status report, as shown."""
    report = reports.status_report(YEAR, ReportScope(), group_by="state", minimum=1)
    return next(r for r in report.rows if r.group_by == "state").participants.count


def snapshot() -> set[tuple]:
    return set(
        ProgramStatus.objects.values_list(
            "student_id",
            "program_id",
            "courses_passed",
            "capstone_passed",
            "participant_year",
            "concentrator_year",
            "completer_year",
            "other_districts",
        )
    )


def test_approving_a_program_shows_its_students_in_the_reports_at_once(client: Client) -> None:
    program = program_with_sequence(["W1", "W2", "W9"], status=ProgramOfStudy.Status.SUBMITTED)
    for number in range(3):
        enrol(f"S{number}", YEAR)
        took(f"S{number}", YEAR, "W1")
    assert participants() == 0
    client.force_login(StateAdminFactory())

    response = client.post(f"/programs/{program.pk}/review/", {"action": "approve"})

    assert response.status_code == 302
    assert participants() == 3
    page = client.get("/students/reports/", {"year": YEAR, "group_by": "program"})
    assert program.title in page.content.decode()


def test_editing_an_approved_sequence_updates_status() -> None:
    program = program_with_sequence(["W1", "W2", "W9"])
    enrol("S1", YEAR)
    took("S1", YEAR, "X5")
    status.recompute()
    assert not ProgramStatus.objects.exists()
    courses = [Course.objects.get_or_create(state_code=c)[0] for c in ("X5", "W2", "W9")]
    sequence.set_sequence(
        program, [(c, c.state_code == "W9") for c in courses], StateAdminFactory()
    )

    assert ProgramStatus.objects.filter(student_id="S1", program=program).exists()


def test_a_records_upload_updates_status_without_a_console_command() -> None:
    program_with_sequence(["CTE101", "CTE102", "CTE199"])

    importing.import_file(FIXTURES / "courses.csv")

    after_upload = snapshot()
    status.recompute()
    assert after_upload and after_upload == snapshot()


def test_refreshing_one_program_touches_only_its_rows() -> None:
    welding = program_with_sequence(["W1", "W2", "W9"], title="Welding")
    health = program_with_sequence(["H1", "H2", "H9"], title="Health")
    enrol("S1", YEAR)
    took("S1", YEAR, "W1")
    took("S1", YEAR, "H1")
    status.recompute()
    took("S1", YEAR, "W2", term="S2")
    took("S1", YEAR, "H2", term="S2")

    status.refresh(programs=[welding.pk])

    assert ProgramStatus.objects.get(program=welding).concentrator_year == YEAR
    assert ProgramStatus.objects.get(program=health).concentrator_year is None


def test_a_district_refresh_equals_a_full_recompute_for_students_who_moved() -> None:
    abq, alamo = albuquerque(), alamogordo()
    program_with_sequence(["W1", "W2", "W9"], district=alamo, title="Welding")
    program_with_sequence(["H1", "H2", "H9"], district=abq, title="Health")
    # S1 passed W1 in Albuquerque, then moved to Alamogordo and passed W2 there.
    enrol("S1", 2024, district=abq)
    took("S1", 2024, "W1", district=abq)
    enrol("S1", YEAR, district=alamo)
    took("S1", YEAR, "W2", district=alamo)
    enrol("S2", YEAR, district=abq)
    took("S2", YEAR, "H1", district=abq)
    status.recompute()
    assert ProgramStatus.objects.get(student_id="S1").concentrator_year == YEAR
    # Albuquerque's 2024 records are corrected: S1 was never there.
    StudentYear.objects.filter(district=abq, school_year=2024).delete()
    CourseCompletion.objects.filter(district=abq, school_year=2024).delete()

    status.refresh(districts=[abq.nces_id])

    refreshed = snapshot()
    status.recompute()
    assert refreshed == snapshot()
    assert ProgramStatus.objects.get(student_id="S1").concentrator_year is None
