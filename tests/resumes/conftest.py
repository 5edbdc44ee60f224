"""A student with records (Albuquerque, school 001): a welding program they completed, a
credential, an internship and dual credit; and the people who may or may not see it."""

from decimal import Decimal

import pytest

from pathways.students.models import (
    CredentialEarned,
    DualCreditRecord,
    GraduationRecord,
    WorkBasedLearningRecord,
)
from pathways.students.status import recompute
from tests.factories.accounts import CounselorFactory, StudentFactory
from tests.factories.geography import albuquerque
from tests.factories.students import enrol, program_with_sequence, school, took


@pytest.fixture
def student_with_records(db):  # type: ignore[no-untyped-def]
    program_with_sequence(["W101", "W102", "W199"], title="Welding Technology")
    enrol("S900", 2025)
    for code in ("W101", "W102", "W199"):
        took("S900", 2025, code)
    district = albuquerque()
    CredentialEarned.objects.create(
        student_id="S900", school_year=2025, district=district, credential="AWS Welder"
    )
    WorkBasedLearningRecord.objects.create(
        student_id="S900", school_year=2025, district=district, kind="internship", hours=120
    )
    DualCreditRecord.objects.create(
        student_id="S900",
        school_year=2025,
        district=district,
        course_code="WELD 1010",
        institution="Central New Mexico Community College",
        credits_earned=Decimal("3.0"),
    )
    GraduationRecord.objects.create(
        student_id="S900", district=district, cohort_year=2026, graduated=False
    )
    recompute()
    return StudentFactory(student_id="S900", school=school("001"))


@pytest.fixture
def counselor_same_school(db):  # type: ignore[no-untyped-def]
    return CounselorFactory(school=school("001"))


@pytest.fixture
def counselor_other_school(db):  # type: ignore[no-untyped-def]
    return CounselorFactory(school=school("002"))
