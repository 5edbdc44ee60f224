"""Linking a student account to a state student ID: the ID must belong to a student with
records in the account's district (and, for a counselor tied to a school, in that school),
and no other account may hold it. Nothing here logs a student ID."""

from typing import Any

from django.utils.translation import gettext as _

from pathways.accounts.models import User

from .models import StudentYear
from .scope import scope_for


class LinkRefused(ValueError):
    """The student ID cannot be linked; the message says why."""


def link_student_id(linker: Any, account: User, student_id: str) -> None:
    """Set (or, with "", clear) the account's state student ID, checked against `linker`'s scope."""
    student_id = student_id.strip()
    if student_id:
        scope = scope_for(linker)
        records = StudentYear.objects.filter(student_id=student_id, district_id=account.district_id)
        if scope.district_id:
            records = records.filter(district_id=scope.district_id)
        if scope.school_id:
            records = records.filter(school_id=scope.school_id)
        if not records.exists():
            raise LinkRefused(_("No student with this ID has records in your district or school."))
        if User.objects.filter(student_id=student_id).exclude(pk=account.pk).exists():
            raise LinkRefused(_("Another account is already linked to this student ID."))
    account.student_id = student_id
    account.save(update_fields=["student_id"])
