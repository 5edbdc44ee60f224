"""A counselor's caseload: the student accounts they may see (accounts/rules.py), each with
this year's plan status, program, CTE status (the status engine) and whether the plan is
past due; reminders to chosen students; the audited CSV."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from pathways.accounts.models import User
from pathways.accounts.rules import plan_students_visible_to
from pathways.core.school_years import current_school_year
from pathways.students.models import ProgramStatus, StudentYear

from .models import CaseloadExport, NextStepPlan, PlanReminder, PlanVersion, Signature
from .versions import (
    STATUS_LABELS,
    PlanStatus,
    display_name,
    due_date,
    status_of,
)

SHOWN_ROWS = 500  # a page; the CSV has every row
CTE_STATUSES = ("participant", "concentrator", "completer")


@dataclass(frozen=True)
class CaseloadRow:
    student: Any
    grade: int | None
    plan: NextStepPlan | None
    status: PlanStatus
    program_id: int | None
    program_title: str
    cte_status: str  # participant / concentrator / completer, or "" for none
    past_due: bool


@dataclass(frozen=True)
class Filters:
    grade: int | None = None
    status: str = ""
    program: int | None = None
    cte: str = ""  # a CTE status, "none", or "" for any

    def keeps(self, row: CaseloadRow) -> bool:
        if self.grade is not None and row.grade != self.grade:
            return False
        if self.status and row.status != self.status:
            return False
        if self.program is not None and row.program_id != self.program:
            return False
        if self.cte == "none":
            return not row.cte_status
        return not self.cte or row.cte_status == self.cte


def students_of(user: Any) -> Any:
    """The active student accounts in `user`'s caseload."""
    if not user.has_perm("plans.view_caseload"):
        raise PermissionDenied(_("The caseload is for counselors, coordinators and state staff."))
    return (
        User.objects.filter(plan_students_visible_to(user), is_active=True)
        .select_related("school", "district")
        .order_by("last_name", "first_name", "pk")
    )


def _best_status(statuses: Iterable[Any]) -> dict[str, str]:
    best: dict[str, str] = {}
    rank = {name: n for n, name in enumerate(CTE_STATUSES)}
    for row in statuses:
        reached = (
            "completer"
            if row["completer_year"]
            else "concentrator"
            if row["concentrator_year"]
            else "participant"
        )
        current = best.get(row["student_id"])
        if current is None or rank[reached] > rank[current]:
            best[row["student_id"]] = reached
    return best


def _latest(plans: list[NextStepPlan]) -> tuple[dict[int, PlanVersion], dict[int, set[str]]]:
    """Each plan's latest version (only that one is read) and the roles that signed it."""
    newest = PlanVersion.objects.filter(plan=OuterRef("plan")).order_by("-number").values("number")
    latest = PlanVersion.objects.filter(plan__in=plans, number=Subquery(newest[:1]))
    versions = {version.plan_id: version for version in latest}
    signed: dict[int, set[str]] = {pk: set() for pk in versions}
    for plan_id, role in Signature.objects.filter(version__in=versions.values()).values_list(
        "version__plan_id", "role"
    ):
        signed[plan_id].add(role)
    return versions, signed


def caseload(user: Any, filters: Filters, *, today: date | None = None) -> list[CaseloadRow]:
    """Every student in the caseload, this school year, filtered."""
    year = current_school_year(today)
    past_due = (today or timezone.localdate()) > due_date(year)
    students = list(students_of(user))
    plans = {
        p.student_id: p
        for p in NextStepPlan.objects.filter(student__in=students, school_year=year).select_related(
            "student"
        )
    }
    versions, signed = _latest(list(plans.values()))
    ids = [s.student_id for s in students if s.student_id]
    grades: dict[str, int] = dict(
        StudentYear.objects.filter(student_id__in=ids)
        .order_by("school_year")
        .values_list("student_id", "grade_level")
    )
    cte = _best_status(
        ProgramStatus.objects.filter(student_id__in=ids).values(
            "student_id", "concentrator_year", "completer_year"
        )
    )
    rows = []
    for student in students:
        plan = plans.get(student.pk)
        version = versions.get(plan.pk) if plan else None
        status = status_of(plan, signed[plan.pk]) if plan and version else PlanStatus.NOT_STARTED
        program = (version.content.get("program") or {}) if version else {}
        rows.append(
            CaseloadRow(
                student=student,
                grade=plan.grade if plan else grades.get(student.student_id),
                plan=plan if version else None,
                status=status,
                program_id=program.get("id"),
                program_title=program.get("title", ""),
                cte_status=cte.get(student.student_id, "") if student.student_id else "",
                past_due=past_due and status != PlanStatus.COMPLETE,
            )
        )
    return [row for row in rows if filters.keeps(row)]


@transaction.atomic
def remind(user: Any, student_ids: Sequence[int], message: str) -> int:
    """A reminder on each chosen student's dashboard, and an e-mail where the account has an
    address. Every id must be in the user's caseload."""
    if not user.has_perm("plans.remind_students"):
        raise PermissionDenied(_("Reminders are sent by counselors, coordinators and state staff."))
    chosen = set(student_ids)
    students = list(students_of(user).filter(pk__in=chosen))
    if len(students) != len(chosen):
        raise PermissionDenied(_("Some of the chosen students are not in your caseload."))
    sender = display_name(user)
    for student in students:
        emailed = False
        if student.email:
            send_mail(_("A reminder about your Next Step Plan"), message, None, [student.email])
            emailed = True
        PlanReminder.objects.create(
            student=student, sent_by=user, sent_by_name=sender, message=message, emailed=emailed
        )
    return len(students)


def cte_label(status: str) -> str:
    labels = {
        "participant": _("participant"),
        "concentrator": _("concentrator"),
        "completer": _("completer"),
    }
    return str(labels.get(status, ""))


def export_rows(user: Any, rows: list[CaseloadRow]) -> tuple[list[str], list[list[Any]]]:
    """The CSV's header and rows, audited. Names only for district staff (their own
    district's students): names never leave the district."""
    with_names = user.has_perm("plans.export_names")
    header = [_("Account"), _("School"), _("Grade"), _("Plan status"), _("Program of study")]
    header += [_("CTE status"), _("Past due")]
    if with_names:
        header.insert(1, _("Student"))
    table = []
    for row in rows:
        line: list[Any] = [
            row.student.pk,
            row.student.school.name if row.student.school else "",
            row.grade or "",
            str(STATUS_LABELS[row.status]),
            row.program_title,
            cte_label(row.cte_status),
            _("yes") if row.past_due else _("no"),
        ]
        if with_names:
            line.insert(1, display_name(row.student))
        table.append(line)
    CaseloadExport.objects.create(
        user=user,
        username=user.get_username(),
        district=user.district_id or "",
        rows=len(table),
        with_names=with_names,
    )
    return header, table
