"""Student records for tests: programs with course sequences, and what students took.

program = program_with_sequence(["CTE101", "CTE102", "CTE103", "CTE199"])  # last = capstone
enrol("S1", 2025)                       # a StudentYear in Albuquerque, school "001"
took("S1", 2025, "CTE101")              # a passed course
took("S1", 2025, "CTE102", passed=False)
"""

from decimal import Decimal
from typing import Any

from pathways.geography.models import District, School
from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy
from pathways.students.models import CourseCompletion, StudentYear

from .geography import albuquerque
from .programs import ProgramOfStudyFactory


def program_with_sequence(
    codes: list[str],
    *,
    district: District | None = None,
    capstone: str | None = "last",
    status: str = ProgramOfStudy.Status.APPROVED,
    **fields: Any,
) -> ProgramOfStudy:
    """An approved program whose sequence is these course codes (created if new); the last
    is the capstone unless `capstone` names another code or is None."""
    program = ProgramOfStudyFactory(district=district or albuquerque(), status=status, **fields)
    capstone_code = codes[-1] if capstone == "last" else capstone
    for position, code in enumerate(codes, start=1):
        course, _ = Course.objects.get_or_create(
            state_code=code, defaults={"title": f"Course {code}"}
        )
        ProgramCourse.objects.create(
            program=program, course=course, position=position, is_capstone=code == capstone_code
        )
    return program


def school(code: str = "001", district: District | None = None) -> School:
    found, _ = School.objects.get_or_create(
        district=district or albuquerque(), code=code, defaults={"name": f"Test School {code}"}
    )
    return found


def enrol(
    student_id: str,
    year: int,
    *,
    district: District | None = None,
    school_code: str = "001",
    grade_level: int = 11,
    sex: str = "F",
    race_ethnicity: str = "hispanic",
    **flags: bool,
) -> StudentYear:
    district = district or albuquerque()
    return StudentYear.objects.create(
        student_id=student_id,
        school_year=year,
        district=district,
        school=school(school_code, district),
        grade_level=grade_level,
        sex=sex,
        race_ethnicity=race_ethnicity,
        **flags,
    )


def took(
    student_id: str,
    year: int,
    course_code: str,
    *,
    passed: bool = True,
    term: str = "S1",
    district: District | None = None,
    school_code: str = "001",
) -> CourseCompletion:
    district = district or albuquerque()
    return CourseCompletion.objects.create(
        student_id=student_id,
        school_year=year,
        district=district,
        school=school(school_code, district),
        term=term,
        course_code=course_code,
        credit_earned=Decimal("1.0") if passed else Decimal("0"),
        passed=passed,
    )
