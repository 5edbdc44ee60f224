"""Logging hours and the two verifications: bounds, disputes, what counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from pathways.placements import hours
from pathways.placements.forms import HoursForm
from pathways.placements.models import HoursEntry
from pathways.students.models import WorkBasedLearningRecord
from tests.factories.placements import START, HoursEntryFactory, PlacementFactory

pytestmark = pytest.mark.django_db
Status = HoursEntry.Status


def form(**data: str) -> HoursForm:
    return HoursForm({"date": "2024-10-01", "hours": "3", "activity": "Filed charts", **data})


@pytest.mark.parametrize("value", ["0.25", "12", "7.5"])
def test_a_day_may_hold_a_quarter_hour_up_to_twelve_hours(value):
    assert form(hours=value).is_valid()


@pytest.mark.parametrize("value", ["0", "0.2", "12.25", "24", "-1", "3.1", "lots"])
def test_hours_outside_a_quarter_hour_to_twelve_are_refused(value):
    assert "hours" in form(hours=value).errors


def test_what_they_did_is_bounded():
    assert "activity" in form(activity="x" * 501).errors
    assert "activity" in form(activity="").errors


def test_a_day_outside_the_placement_or_ahead_or_twice_is_refused():
    placement = PlacementFactory(start_date=START, end_date=date.today() + timedelta(days=30))
    hours.log_hours(placement, START, Decimal("3"), "Filed charts")
    with pytest.raises(hours.HoursError, match="already logged"):
        hours.log_hours(placement, START, Decimal("2"), "More charts")
    with pytest.raises(hours.HoursError, match="start and end"):
        hours.log_hours(placement, START - timedelta(days=1), Decimal("2"), "Too early")
    with pytest.raises(hours.HoursError, match="passed"):
        hours.log_hours(placement, date.today() + timedelta(days=1), Decimal("2"), "Tomorrow")


def test_hours_count_only_once_the_supervisor_and_then_the_teacher_approve():
    placement = PlacementFactory(student__student_id="NM100")
    entry = HoursEntryFactory(placement=placement, hours=Decimal("5.5"))
    assert hours.totals(placement).verified == 0

    # The teacher cannot approve what the supervisor has not.
    assert hours.teacher_decide(placement, [hours.Decision(entry.pk, True)]) == 0
    assert not WorkBasedLearningRecord.objects.exists()

    hours.supervisor_decide(placement, [hours.Decision(entry.pk, True)])
    assert hours.totals(placement).waiting_teacher == Decimal("5.5")
    assert not WorkBasedLearningRecord.objects.exists()

    hours.teacher_decide(placement, [hours.Decision(entry.pk, True)])
    assert hours.totals(placement).verified == Decimal("5.5")
    record = WorkBasedLearningRecord.objects.get()
    assert (record.student_id, record.kind, record.hours, record.source) == (
        "NM100",
        "internship",
        5,  # whole hours: the half hour waits for another half
        "site",
    )


def test_a_disputed_day_goes_back_to_the_student_and_round_again_when_corrected():
    placement = PlacementFactory(student__student_id="NM101")
    entry = HoursEntryFactory(placement=placement, hours=Decimal("8"))
    with pytest.raises(hours.HoursError, match="Say what is wrong"):
        hours.supervisor_decide(placement, [hours.Decision(entry.pk, False, "  ")])

    hours.supervisor_decide(placement, [hours.Decision(entry.pk, False, "She left at noon")])
    entry.refresh_from_db()
    assert (entry.status, entry.disputed_by, entry.comment) == (
        Status.DISPUTED,
        "supervisor",
        "She left at noon",
    )
    assert hours.totals(placement).disputed == 8

    hours.change_entry(entry, entry.date, Decimal("4"), "Morning shift")
    entry.refresh_from_db()
    assert (entry.status, entry.comment, entry.hours) == (Status.LOGGED, "", Decimal("4"))

    hours.supervisor_decide(placement, [hours.Decision(entry.pk, True)])
    hours.teacher_decide(placement, [hours.Decision(entry.pk, False, "Which unit?")])
    entry.refresh_from_db()
    assert (entry.status, entry.disputed_by) == (Status.DISPUTED, "teacher")
    assert not WorkBasedLearningRecord.objects.exists()


def test_approved_hours_can_no_longer_be_changed_by_the_student():
    entry = HoursEntryFactory(status=Status.SUPERVISOR_APPROVED)
    with pytest.raises(hours.HoursError):
        hours.change_entry(entry, entry.date, Decimal("1"), "Changed")
    with pytest.raises(hours.HoursError):
        hours.delete_entry(entry)


def test_a_decision_on_another_placements_entry_changes_nothing():
    mine = PlacementFactory()
    other = HoursEntryFactory()
    assert hours.supervisor_decide(mine, [hours.Decision(other.pk, True)]) == 0
    other.refresh_from_db()
    assert other.status == Status.LOGGED
