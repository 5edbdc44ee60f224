"""A plan version as people read it: career goals with New Mexico wages and openings, the
four-year course plan marked with what the student has passed (the status engine's
records), progress toward concentrator and completer, and the signatures."""

from dataclasses import dataclass, field
from typing import Any

from pathways.occupations.tables import OccupationRow, occupation_rows
from pathways.programs.models import ProgramOfStudy
from pathways.programs.reach import occupations_reached
from pathways.saved.services import saved_occupations
from pathways.students.progress import Mark, ProgramProgress, course_record, progress_for

from .changes import Change, changes_since_last_year, wbl_label
from .content import HIGH_SCHOOL_GRADES, Content, normalized
from .models import NextStepPlan, PlanVersion, Signature
from .versions import STATUS_LABELS, PlanStatus, required_roles, signed_roles, status_of


@dataclass(frozen=True)
class GoalLine:
    soc: str
    title: str
    row: OccupationRow | None  # None when the current data has no figures for the code
    reached: bool | None = None  # the program of study leads to it; None: no program chosen


@dataclass(frozen=True)
class CourseLine:
    code: str
    title: str
    grade: int | None
    passed: bool


@dataclass
class PlanPage:
    plan: NextStepPlan
    version: PlanVersion | None
    content: Content
    goals: list[GoalLine]
    course_years: list[tuple[int, list[CourseLine]]]
    unplanned: list[CourseLine]
    progress: ProgramProgress | None
    work_based_learning: list[str]
    changes: list[Change] | None
    signatures: dict[str, Signature]
    required: list[str]
    status: PlanStatus
    saved_careers: list[GoalLine] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def signature_lines(self) -> list[tuple[str, str, Signature | None]]:
        labels = dict(Signature.Role.choices)
        return [(role, str(labels[role]), self.signatures.get(role)) for role in self.required]


def goal_lines(socs_titles: list[tuple[str, str]]) -> list[GoalLine]:
    rows = {row.soc: row for row in occupation_rows([soc for soc, _t in socs_titles])}
    return [
        GoalLine(soc, rows[soc].title if soc in rows else title, rows.get(soc))
        for soc, title in socs_titles
    ]


def reached_socs(program_id: int | None) -> set[str] | None:
    """The SOC codes the chosen program leads to (programs/reach.py), None with no program."""
    program = ProgramOfStudy.objects.filter(pk=program_id).first() if program_id else None
    if program is None:
        return None
    return set(occupations_reached(program).socs)


def saved_careers(student: Any) -> list[tuple[str, str]]:
    """The student's saved occupations as (SOC code, title), newest first."""
    codes = list(saved_occupations(student).values_list("occupation_id", flat=True))
    titles = {row.soc: row.title for row in occupation_rows(codes)}
    return [(code, titles.get(code, code)) for code in codes]


def program_progress(student: Any, program_id: int | None) -> ProgramProgress | None:
    if not program_id or not getattr(student, "student_id", ""):
        return None
    return next((p for p in progress_for(student.student_id) if p.program_id == program_id), None)


def passed_codes(student: Any) -> set[str]:
    if not getattr(student, "student_id", ""):
        return set()
    return {record.code for record in course_record(student.student_id) if record.passed}


def present(
    plan: NextStepPlan, version: PlanVersion | None = None, *, with_saved: bool = False
) -> PlanPage:
    """The latest version (or `version`) ready for the plan, print, PDF and parent pages."""
    version = version or plan.latest_version()
    content = normalized(version.content if version else {})
    student = plan.student
    program_id = (content.get("program") or {}).get("id")
    progress = program_progress(student, program_id)
    passed = passed_codes(student)
    if progress:
        passed |= {step.code for step in progress.steps if step.mark == Mark.PASSED}
    lines = [
        CourseLine(c["code"], c["title"], c.get("grade"), c["code"] in passed)
        for c in content["courses"]
    ]
    years = [(grade, [c for c in lines if c.grade == grade]) for grade in HIGH_SCHOOL_GRADES]
    signatures = signed_roles(version)
    goals = goal_lines([(g["soc"], g["title"]) for g in content["career_goals"]])
    reached = reached_socs(program_id) if goals else None
    if reached is not None:
        goals = [GoalLine(g.soc, g.title, g.row, g.soc in reached) for g in goals]
    page = PlanPage(
        plan=plan,
        version=version,
        content=content,
        goals=goals,
        course_years=years,
        unplanned=[c for c in lines if c.grade is None],
        progress=progress,
        work_based_learning=[wbl_label(k) for k in content["work_based_learning"]],
        changes=changes_since_last_year(plan, dict(content)) if version else None,
        signatures=signatures,
        required=required_roles(plan),
        status=status_of(plan, set(signatures)) if version else PlanStatus.NOT_STARTED,
    )
    if with_saved:
        page.saved_careers = goal_lines(saved_careers(student))
    return page
