"""What a plan version holds: a JSON snapshot that names everything it refers to (codes,
titles, ids), so an old version reads the same after the catalogue changes."""

from typing import Any, TypedDict

TEXT_MAX = 2000  # the explanation of changes, the graduate-profile alignment
NOTE_MAX = 500  # the IEP and postsecondary notes
MAX_GOALS = 5
HIGH_SCHOOL_GRADES = (9, 10, 11, 12)


class Goal(TypedDict):
    soc: str
    title: str


class PlannedCourse(TypedDict):
    code: str
    title: str
    grade: int | None  # the grade the student plans to take it in; None: not planned


class Content(TypedDict, total=False):
    career_goals: list[Goal]
    program: dict[str, Any] | None  # {"id", "title"}
    courses: list[PlannedCourse]
    postsecondary: list[dict[str, Any]]  # {"id", "title", "institution"}
    postsecondary_note: str
    work_based_learning: list[str]  # WorkBasedLearning.Kind values
    credentials: list[dict[str, Any]]  # {"id", "name"}
    graduate_profile: str
    changes_explanation: str
    iep_transition: bool
    iep_note: str


def empty_content() -> Content:
    return {
        "career_goals": [],
        "program": None,
        "courses": [],
        "postsecondary": [],
        "postsecondary_note": "",
        "work_based_learning": [],
        "credentials": [],
        "graduate_profile": "",
        "changes_explanation": "",
        "iep_transition": False,
        "iep_note": "",
    }


def normalized(content: dict[str, Any]) -> Content:
    """The content with every key present, so two versions compare field by field."""
    full = empty_content()
    full.update({k: v for k, v in content.items() if k in full})  # type: ignore[typeddict-item]
    return full


def courses_by_grade(content: Content) -> dict[int, list[PlannedCourse]]:
    """The four-year course plan: each high-school grade with the courses planned in it."""
    plan: dict[int, list[PlannedCourse]] = {grade: [] for grade in HIGH_SCHOOL_GRADES}
    for course in content.get("courses", []):
        if course.get("grade") in plan:
            plan[int(course["grade"])].append(course)  # type: ignore[arg-type]
    return plan
