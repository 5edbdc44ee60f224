"""Helpers shared by the status report and Perkins V indicator tests: programs, statuses
and many students at once."""

from pathways.geography.models import District
from pathways.programs.models import ProgramOfStudy
from pathways.students import reports
from pathways.students.models import ProgramStatus, StudentYear
from pathways.students.scope import ReportScope
from tests.factories import ALBUQUERQUE
from tests.factories.students import program_with_sequence, school

YEAR = 2025
STATE = ReportScope()
ABQ = ReportScope(district_id=ALBUQUERQUE)


def program(title: str = "Welding", district: District | None = None, **fields) -> ProgramOfStudy:  # type: ignore[no-untyped-def]
    return program_with_sequence(["C1", "C2", "C9"], title=title, district=district, **fields)


def give_status(
    student_id: str,
    program_of_study: ProgramOfStudy,
    *,
    participant: int = YEAR,
    concentrator: int | None = None,
    completer: int | None = None,
) -> ProgramStatus:
    return ProgramStatus.objects.create(
        student_id=student_id,
        program=program_of_study,
        district=program_of_study.district,
        courses_passed=3 if concentrator else 1,
        capstone_passed=completer is not None,
        participant_year=participant,
        concentrator_year=concentrator,
        completer_year=completer,
    )


def many(
    prefix: str,
    count: int,
    district: District,
    program_of_study: ProgramOfStudy,
    *,
    completer: bool = False,
    school_code: str = "001",
    **attributes,  # type: ignore[no-untyped-def]
) -> None:
    """`count` students enrolled in YEAR, each a concentrator (and completer if asked)."""
    where = school(school_code, district)
    StudentYear.objects.bulk_create(
        StudentYear(
            student_id=f"{prefix}{n}",
            school_year=YEAR,
            district=district,
            school=where,
            grade_level=12,
            sex=attributes.get("sex", "F"),
            race_ethnicity="hispanic",
            nontraditional=attributes.get("nontraditional", False),
        )
        for n in range(count)
    )
    ProgramStatus.objects.bulk_create(
        ProgramStatus(
            student_id=f"{prefix}{n}",
            program=program_of_study,
            district=district,
            courses_passed=3,
            capstone_passed=completer,
            participant_year=YEAR - 1,
            concentrator_year=YEAR,
            completer_year=YEAR if completer else None,
        )
        for n in range(count)
    )


def row(report, level: str, key: str, subgroup: str = "all"):  # type: ignore[no-untyped-def]
    rows = report.rows if isinstance(report, reports.StatusReport) else report
    return next(r for r in rows if (r.group_by, r.group_key, r.subgroup) == (level, key, subgroup))
