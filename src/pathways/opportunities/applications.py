"""Saving postings and applying in the site (students), and who reads applications."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .models import Application, ApplicationQuerySet, Opportunity, SavedOpportunity


class AlreadyApplied(Exception):
    """A student applies once to each posting."""


def toggle_saved(student: Any, posting: Opportunity) -> bool:
    """Save the posting, or unsave it if saved; True when it is saved now."""
    if not student.has_perm("opportunities.save_opportunity"):
        raise PermissionDenied(_("Students save postings to their account."))
    deleted, _rows = SavedOpportunity.objects.filter(student=student, opportunity=posting).delete()
    if deleted:
        return False
    SavedOpportunity.objects.create(student=student, opportunity=posting)
    return True


def saved_postings(student: Any) -> list[Opportunity]:
    return [
        saved.opportunity
        for saved in SavedOpportunity.objects.filter(student=student).select_related(
            "opportunity__district", "opportunity__posted_by"
        )
    ]


def apply(student: Any, posting: Opportunity, message: str) -> Application:
    if not student.has_perm("opportunities.apply_opportunity", posting):
        raise PermissionDenied(_("This posting takes no applications on this site now."))
    try:
        with transaction.atomic():
            return Application.objects.create(student=student, opportunity=posting, message=message)
    except IntegrityError as duplicate:
        raise AlreadyApplied from duplicate


def has_applied(student: Any, posting: Opportunity) -> bool:
    if not student.is_authenticated:
        return False
    return Application.objects.filter(student=student, opportunity=posting).exists()


def applications_for(user: Any, posting: Opportunity | None = None) -> ApplicationQuerySet:
    """The applications a user may read (optionally to one posting), newest first."""
    if not user.has_perm("opportunities.view_applications"):
        raise PermissionDenied(_("Applications are for their posters and district staff."))
    found = Application.objects.visible_to(user).select_related("student", "opportunity")
    return found.filter(opportunity=posting) if posting is not None else found
