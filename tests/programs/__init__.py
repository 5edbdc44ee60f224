"""Programs of study: workflow, editor and public pages.

`add_courses(program, n)` gives a program a complete sequence (n courses, the last one the
capstone), which is what submitting needs."""

from pathways.programs.models import Course, ProgramCourse, ProgramOfStudy


def course(code: str, title: str = "") -> Course:
    found, _created = Course.objects.get_or_create(
        state_code=code, defaults={"title": title or f"Course {code}"}
    )
    return found


def add_courses(program: ProgramOfStudy, n: int = 4, capstone_last: bool = True) -> list[Course]:
    courses = [course(f"T{program.pk:03d}{i}", f"Test course {i}") for i in range(1, n + 1)]
    for position, item in enumerate(courses, start=1):
        ProgramCourse.objects.create(
            program=program,
            course=item,
            position=position,
            is_capstone=capstone_last and position == n,
        )
    return courses
