"""Logging hours and the two verifications: the supervisor's (by link), then the teacher's.

An entry waits for the supervisor, then for the teacher, and counts once both approved it.
Either may dispute it with a comment; the student then corrects it (back to the
supervisor) and it goes round again. The teacher's decisions write the student's record
(records.py) in the same transaction.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import records
from .models import MAX_HOURS_PER_DAY, MIN_HOURS, HoursEntry, Placement

Status = HoursEntry.Status
MAX_COMMENT = 500


class HoursError(ValueError):
    """The hours cannot be recorded or decided as asked; the message says why."""


@dataclass(frozen=True)
class Decision:
    entry_id: int
    approve: bool
    comment: str = ""


def check_entry(placement: Placement, day: date, hours: Decimal, entry_pk: int | None) -> None:
    """HoursError unless the day is in the placement, not ahead, and not logged already."""
    if not MIN_HOURS <= hours <= MAX_HOURS_PER_DAY:
        raise HoursError(
            _("Hours in a day must be between %(low)s and %(high)s.")
            % {"low": MIN_HOURS, "high": MAX_HOURS_PER_DAY}
        )
    if not placement.start_date <= day <= placement.end_date:
        raise HoursError(_("The day must be between the placement's start and end dates."))
    if day > timezone.localdate():
        raise HoursError(_("You can log hours only for days that have passed."))
    others = placement.entries.filter(date=day)
    if entry_pk is not None:
        others = others.exclude(pk=entry_pk)
    if others.exists():
        raise HoursError(_("You already logged hours for that day; change that entry instead."))


def log_hours(placement: Placement, day: date, hours: Decimal, activity: str) -> HoursEntry:
    check_entry(placement, day, hours, None)
    return HoursEntry.objects.create(
        placement=placement, date=day, hours=hours, activity=activity.strip()
    )


def change_entry(entry: HoursEntry, day: date, hours: Decimal, activity: str) -> None:
    """A correction sends the entry back to the supervisor, whatever the dispute said."""
    if not entry.editable:
        raise HoursError(_("These hours were approved and can no longer be changed."))
    check_entry(entry.placement, day, hours, entry.pk)
    entry.date, entry.hours, entry.activity = day, hours, activity.strip()
    entry.status, entry.disputed_by, entry.comment = Status.LOGGED, "", ""
    entry.save()


def delete_entry(entry: HoursEntry) -> None:
    if not entry.editable:
        raise HoursError(_("These hours were approved and can no longer be changed."))
    entry.delete()


def _decide(
    placement: Placement, decisions: list[Decision], waiting: str, approved: str, reviewer: str
) -> int:
    entries = {e.pk: e for e in placement.entries.filter(status=waiting)}
    now = timezone.now()
    decided = 0
    for decision in decisions:
        entry = entries.get(decision.entry_id)
        if entry is None:
            continue  # decided already, or not this placement's: nothing to change
        comment = decision.comment.strip()[:MAX_COMMENT]
        if not decision.approve and not comment:
            raise HoursError(_("Say what is wrong when you dispute hours."))
        entry.status = approved if decision.approve else Status.DISPUTED
        entry.disputed_by = "" if decision.approve else reviewer
        entry.comment = "" if decision.approve else comment
        if reviewer == HoursEntry.Reviewer.SUPERVISOR:
            entry.supervisor_decided_at = now
        else:
            entry.teacher_decided_at = now
        entry.save()
        decided += 1
    return decided


def supervisor_decide(placement: Placement, decisions: list[Decision]) -> int:
    """The supervisor approves or disputes entries waiting for them; how many were decided."""
    with transaction.atomic():
        return _decide(
            placement,
            decisions,
            Status.LOGGED,
            Status.SUPERVISOR_APPROVED,
            HoursEntry.Reviewer.SUPERVISOR,
        )


def teacher_decide(placement: Placement, decisions: list[Decision]) -> int:
    """The teacher approves or disputes entries the supervisor approved; approved ones count
    from now on, written to the student's record in the same transaction."""
    with transaction.atomic():
        decided = _decide(
            placement,
            decisions,
            Status.SUPERVISOR_APPROVED,
            Status.VERIFIED,
            HoursEntry.Reviewer.TEACHER,
        )
        if decided:
            records.sync_placement(placement)
    return decided


@dataclass(frozen=True)
class Totals:
    logged: Decimal  # every entry, whatever its state
    waiting_supervisor: Decimal
    waiting_teacher: Decimal
    disputed: Decimal
    verified: Decimal


def totals(placement: Placement) -> Totals:
    by_status = {status: Decimal("0") for status in Status.values}
    for entry in placement.entries.all():
        by_status[entry.status] += entry.hours
    return Totals(
        logged=sum(by_status.values(), Decimal("0")),
        waiting_supervisor=by_status[Status.LOGGED],
        waiting_teacher=by_status[Status.SUPERVISOR_APPROVED],
        disputed=by_status[Status.DISPUTED],
        verified=by_status[Status.VERIFIED],
    )
