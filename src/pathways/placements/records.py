"""Verified hours into the student's work-based learning record, which feeds Perkins 5S3
and the resume.

A site-written `WorkBasedLearningRecord` (source "site") holds, for one state student ID,
school year, district and kind, the whole hours verified by both the supervisor and the
teacher across that student's placements. District uploads replace only rows from files,
so the two never overwrite each other; 5S3 counts a student once whichever says so.
An account not linked to a state student ID writes nothing: its hours wait, and are
written when the account is linked (the signal in apps.py).
"""

from decimal import ROUND_FLOOR, Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q, Sum

from pathways.students import report_warming
from pathways.students.models import WorkBasedLearningRecord
from pathways.students.report_cache import bump_site_records_version

from .models import HoursEntry, Placement

SITE = WorkBasedLearningRecord.Source.SITE


def verified_hours(student_id: str, school_year: int, district_id: str, kind: str) -> Decimal:
    """Hours verified by both reviewers on the placements of accounts linked to this ID."""
    total = HoursEntry.objects.filter(
        status=HoursEntry.Status.VERIFIED,
        placement__student__student_id=student_id,
        placement__school_year=school_year,
        placement__district_id=district_id,
        placement__kind=kind,
    ).aggregate(total=Sum("hours"))["total"]
    return total or Decimal("0")


def _write(student_id: str, school_year: int, district_id: str, kind: str) -> None:
    total = verified_hours(student_id, school_year, district_id, kind)
    key: dict[str, Any] = {
        "student_id": student_id,
        "school_year": school_year,
        "district_id": district_id,
        "kind": kind,
        "source": SITE,
    }
    if total > 0:
        # Records hold whole hours; a part-hour is not claimed until it makes a whole one.
        whole = int(total.to_integral_value(rounding=ROUND_FLOOR))
        WorkBasedLearningRecord.objects.update_or_create(**key, defaults={"hours": whole})
    else:
        WorkBasedLearningRecord.objects.filter(**key).delete()


def sync_placement(placement: Placement) -> bool:
    """Rewrite the site's record for this placement's student, year, district and kind
    (and for the ID it was last counted under, if the account was relinked), in one
    transaction with the report caches' version. False when the account is not linked."""
    current = placement.student.student_id
    with transaction.atomic():
        if placement.counted_as and placement.counted_as != current:
            _write(
                placement.counted_as, placement.school_year, placement.district_id, placement.kind
            )
        if current:
            _write(current, placement.school_year, placement.district_id, placement.kind)
        if placement.counted_as != current:
            placement.counted_as = current
            placement.save(update_fields=["counted_as"])
        # Only the report tables read these records: public cached pages stay cached.
        bump_site_records_version()
        report_warming.warm_after_commit()
    return bool(current)


def sync_account(account_pk: int) -> None:
    """After an account's state student ID changes: move its verified hours."""
    placements = Placement.objects.select_related("student").filter(student_id=account_pk)
    for placement in placements:
        counted = placement.entries.filter(status=HoursEntry.Status.VERIFIED).exists()
        if placement.counted_as != placement.student.student_id and (
            counted or placement.counted_as
        ):
            sync_placement(placement)


def verified_placements(account: Any) -> list[tuple[Placement, int]]:
    """The account's placements with whole hours verified by both reviewers, and those hours."""
    placements = (
        Placement.objects.filter(student_id=account.pk)
        .annotate(
            verified=Sum("entries__hours", filter=Q(entries__status=HoursEntry.Status.VERIFIED))
        )
        .filter(verified__gte=1)
        .order_by("school_year", "start_date", "pk")
    )
    return [(p, int(p.verified // 1)) for p in placements]
