"""The approval workflow of a program of study: submit, withdraw, approve, return, and
revisions of an approved program.

Every access decision is a `user.has_perm(...)` answered by accounts/rules.py; a refused
step raises `PermissionDenied`, a step the program's state does not allow raises
`WorkflowError` with a message to show. Each change is recorded in the audit log
(django-simple-history) with the user and a reason (history.py shows them).
"""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from .errors import WorkflowError, require
from .models import ProgramCourse, ProgramOfStudy, WorkBasedLearning
from .sequence import validate_sequence
from .signals import refresh_status

__all__ = ["WorkflowError", "approval", "approve", "return_for_changes", "start_revision"]
__all__ += ["submit", "withdraw"]

Status = ProgramOfStudy.Status
REASON_MAX = 100  # simple-history's history_change_reason column


def _save_status(
    program: ProgramOfStudy, user: Any, status: str, reason: str, **fields: Any
) -> ProgramOfStudy:
    program.status = status
    for name, value in fields.items():
        setattr(program, name, value)
    program._history_user = user  # type: ignore[attr-defined]
    program._change_reason = reason[:REASON_MAX]  # type: ignore[attr-defined]
    program.save(update_fields=["status", *fields, "updated_at"])
    return program


def _lock(program: ProgramOfStudy) -> None:
    """Re-read the program's state under a row lock, so two reviewers cannot race."""
    program.refresh_from_db(from_queryset=ProgramOfStudy.objects.select_for_update())


@transaction.atomic
def submit(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """A draft (or a returned program) goes to the state for approval."""
    _lock(program)
    if program.status not in (Status.DRAFT, Status.RETURNED):
        raise WorkflowError(
            _("Only a draft or a returned program can be submitted; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.submit_programofstudy", program)
    problems = validate_sequence(program)
    if problems:
        raise WorkflowError(_("Fix the course sequence before submitting."), problems)
    return _save_status(program, user, Status.SUBMITTED, "submitted")


@transaction.atomic
def start_revision(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """A draft copy of an approved program, to change; the approved one stays in force."""
    _lock(program)
    require(user, "programs.revise_programofstudy", program)
    revision = ProgramOfStudy(
        district_id=program.district_id,
        title=program.title,
        description=program.description,
        subcluster_id=program.subcluster_id,
        legacy_pathway_id=program.legacy_pathway_id,
        is_demonstration=program.is_demonstration,
        revision_of=program,
    )
    revision.skip_history_when_saving = True  # type: ignore[attr-defined]
    revision.save()
    _copy_content(program, revision, user)
    del revision.skip_history_when_saving  # type: ignore[attr-defined]
    revision._history_user = user  # type: ignore[attr-defined]
    revision._change_reason = "revision started"  # type: ignore[attr-defined]
    revision.save()
    return revision


def _copy_content(source: ProgramOfStudy, target: ProgramOfStudy, user: Any) -> None:
    """The course sequence, links and work-based learning of `source`, onto `target`;
    each row added or removed is in the audit log with `user`."""
    for old in [*target.sequence.all(), *target.work_based_learning.all()]:
        _by(user, old).delete()
    for placement in source.sequence.all():
        _by(
            user,
            ProgramCourse(
                program=target,
                course_id=placement.course_id,
                position=placement.position,
                is_capstone=placement.is_capstone,
            ),
        ).save()
    for entry in source.work_based_learning.all():
        _by(
            user,
            WorkBasedLearning(
                program=target,
                kind=entry.kind,
                description=entry.description,
                partner=entry.partner,
            ),
        ).save()
    target.postsecondary_programs.set(source.postsecondary_programs.all())
    target.credentials.set(source.credentials.all())


def _by(user: Any, row: Any) -> Any:
    row._history_user = user
    return row


def _replace_with_revision(revision: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """The state approved a revision: the approved program takes its content (keeping its
    address, its students' status and its audit log, where the replaced version stays)
    and the revision, now merged, is removed."""
    program = revision.revision_of
    assert program is not None
    _lock(program)
    for name in ("title", "description", "subcluster_id", "legacy_pathway_id"):
        setattr(program, name, getattr(revision, name))
    program.skip_history_when_saving = True  # type: ignore[attr-defined]
    _copy_content(revision, program, user)
    del program.skip_history_when_saving  # type: ignore[attr-defined]
    revision._history_user = user  # type: ignore[attr-defined]
    revision._change_reason = "revision approved"  # type: ignore[attr-defined]
    revision.delete()
    program.review_comment = ""
    program._history_user = user  # type: ignore[attr-defined]
    program._change_reason = "revision approved"  # type: ignore[attr-defined]
    program.save()
    return program


@transaction.atomic
def withdraw(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """A submission the state has not reviewed yet goes back to draft, to change it."""
    _lock(program)
    if program.status != Status.SUBMITTED:
        raise WorkflowError(
            _("Only a submitted program can be withdrawn; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.withdraw_programofstudy", program)
    return _save_status(program, user, Status.DRAFT, "withdrawn")


@transaction.atomic
def approve(program: ProgramOfStudy, user: Any) -> ProgramOfStudy:
    """The state approves a submitted program; it becomes public."""
    _lock(program)
    if program.status != Status.SUBMITTED:
        raise WorkflowError(
            _("Only a submitted program can be approved; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.review_programofstudy", program)
    problems = validate_sequence(program)
    if problems:
        raise WorkflowError(_("The course sequence has problems; return it instead."), problems)
    if program.revision_of_id:
        approved = _replace_with_revision(program, user)
    else:
        approved = _save_status(program, user, Status.APPROVED, "approved", review_comment="")
    refresh_status(programs=[approved.pk])  # its students' status shows in reports at once
    return approved


@transaction.atomic
def return_for_changes(program: ProgramOfStudy, user: Any, comment: str) -> ProgramOfStudy:
    """The state sends a submitted program back to its district, saying what to change."""
    comment = (comment or "").strip()
    _lock(program)
    if program.status != Status.SUBMITTED:
        raise WorkflowError(
            _("Only a submitted program can be returned; this one is “%(status)s”.")
            % {"status": program.get_status_display()}
        )
    require(user, "programs.review_programofstudy", program)
    if not comment:
        raise WorkflowError(_("Write a comment saying what the district should change."))
    return _save_status(
        program, user, Status.RETURNED, f"returned: {comment}", review_comment=comment
    )


def approval(program: ProgramOfStudy) -> Any | None:
    """The audit-log record of the program's latest approval (history_user, history_date)."""
    return (
        program.history.filter(
            status=Status.APPROVED, history_change_reason__in=["approved", "revision approved"]
        )
        .select_related("history_user")
        .order_by("-history_date")
        .first()
    )
