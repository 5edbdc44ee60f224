"""A grade-9 student in Albuquerque's school 001 with course records in an approved program
(Health Careers: H101, H102, capstone H199), a saved career (Registered Nurses, from the
tiny labour market), and the people who may or may not see their plan."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from pathways.core.school_years import current_school_year
from pathways.programs.models import Credential, PostsecondaryProgram, WorkBasedLearning
from pathways.saved.models import SavedOccupation
from pathways.students.status import recompute
from tests.factories.accounts import (
    CounselorFactory,
    DistrictCoordinatorFactory,
    StateAdminFactory,
    StudentFactory,
)
from tests.factories.geography import alamogordo
from tests.factories.students import enrol, program_with_sequence, school, took


@dataclass
class People:
    student: Any
    other_student: Any
    counselor: Any
    counselor_other_school: Any
    counselor_other_district: Any
    coordinator: Any
    coordinator_other_district: Any
    state_admin: Any


@pytest.fixture
def year() -> int:
    return current_school_year(timezone.localdate())


@pytest.fixture
def program(labour_market):  # type: ignore[no-untyped-def]
    program = program_with_sequence(["H101", "H102", "H199"], title="Health Careers")
    program.postsecondary_programs.add(
        PostsecondaryProgram.objects.create(
            institution="Central New Mexico Community College",
            title="Nursing",
            cip_code="51.3801",
        )
    )
    program.credentials.add(Credential.objects.create(name="Certified Nursing Assistant"))
    WorkBasedLearning.objects.create(program=program, kind=WorkBasedLearning.Kind.JOB_SHADOWING)
    return program


@pytest.fixture
def people(program, year):  # type: ignore[no-untyped-def]
    enrol("S500", year, grade_level=9)
    took("S500", year, "H101")
    recompute()
    student = StudentFactory(student_id="S500", school=school("001"), first_name="Rosa")
    SavedOccupation.objects.create(owner=student, occupation_id="29-1141")
    return People(
        student=student,
        other_student=StudentFactory(school=school("001")),
        counselor=CounselorFactory(school=school("001")),
        counselor_other_school=CounselorFactory(school=school("002")),
        counselor_other_district=CounselorFactory(district=alamogordo()),
        coordinator=DistrictCoordinatorFactory(),
        coordinator_other_district=DistrictCoordinatorFactory(district=alamogordo()),
        state_admin=StateAdminFactory(),
    )


def plan_form(chosen: Any, **changes: Any) -> dict[str, Any]:
    """What the plan form posts for a grade-9 plan in the `chosen` program."""
    data = {
        "grade": "9",
        "career_goals": ["29-1141"],
        "program": str(chosen.pk),
        "course_1": "9",
        "course_2": "10",
        "course_3": "11",
        "work_based_learning": ["job_shadowing"],
        "graduate_profile": "I communicate and solve problems in a clinic.",
        "changes_explanation": "",
        "postsecondary_note": "",
        "iep_note": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def today() -> date:
    return timezone.localdate()
