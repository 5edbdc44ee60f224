"""Saving and signing plans: every changed save is a new version, signatures belong to the
version signed, and a plan is complete when its latest version has every signature needed.
"""

from datetime import date
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .content import Content, normalized
from .models import NextStepPlan, PlanVersion, Signature


class PlanError(Exception):
    """A change the plan cannot take, with a message for the person who asked."""


class PlanStatus(StrEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    AWAITING = "awaiting_signatures"
    COMPLETE = "complete"


STATUS_LABELS = {
    PlanStatus.NOT_STARTED: gettext_lazy("Not started"),
    PlanStatus.DRAFT: gettext_lazy("Draft"),
    PlanStatus.AWAITING: gettext_lazy("Awaiting signatures"),
    PlanStatus.COMPLETE: gettext_lazy("Complete"),
}


def due_date(school_year: int) -> date:
    """The day plans should be complete (settings.PATHWAYS_PLAN_DUE, month-day)."""
    month, day = (int(part) for part in settings.PATHWAYS_PLAN_DUE.split("-"))
    return date(school_year, month, day)


def required_roles(plan: NextStepPlan) -> list[str]:
    """Student and counselor always; a parent or guardian until the student is 18."""
    roles = [Signature.Role.STUDENT, Signature.Role.COUNSELOR]
    if not plan.adult:
        roles.insert(1, Signature.Role.PARENT)
    return [str(role) for role in roles]


def status_of(plan: NextStepPlan | None, signed_roles: set[str] | None = None) -> PlanStatus:
    """`signed_roles`: the roles that signed the latest version, when already fetched."""
    if plan is None:
        return PlanStatus.NOT_STARTED
    if signed_roles is None:
        latest = plan.latest_version()
        if latest is None:
            return PlanStatus.NOT_STARTED
        signed_roles = set(latest.signatures.values_list("role", flat=True))
    if not signed_roles:
        return PlanStatus.DRAFT
    if set(required_roles(plan)) <= signed_roles:
        return PlanStatus.COMPLETE
    return PlanStatus.AWAITING


def plan_for(student: Any, school_year: int, grade: int) -> NextStepPlan:
    """The student's plan for the year, started if there is none yet."""
    plan, _created = NextStepPlan.objects.get_or_create(
        student=student, school_year=school_year, defaults={"grade": grade}
    )
    return plan


@transaction.atomic
def save_content(plan: NextStepPlan, content: Content, user: Any) -> PlanVersion | None:
    """A new version when the content differs from the latest; None when nothing changed.
    Earlier versions and their signatures stay as they were."""
    plan = NextStepPlan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.latest_version()
    content = normalized(dict(content))
    if latest is not None and normalized(latest.content) == content:
        return None
    number = latest.number + 1 if latest else 1
    version = PlanVersion.objects.create(plan=plan, number=number, content=content, created_by=user)
    plan.save(update_fields=["updated_at"])
    return version


def signed_roles(version: PlanVersion | None) -> dict[str, Signature]:
    if version is None:
        return {}
    return {s.role: s for s in version.signatures.all()}


def sign(
    plan: NextStepPlan, role: str, name: str, user: Any = None, number: int | None = None
) -> Signature:
    """Sign the plan's latest version as `role`. `number` is the version the signer read:
    if the plan changed since, they must read it again."""
    latest = plan.latest_version()
    if latest is None:
        raise PlanError(_("There is nothing to sign yet: save the plan first."))
    if number is not None and number != latest.number:
        raise PlanError(_("The plan changed after you opened it. Read the new version, then sign."))
    if role == Signature.Role.PARENT and plan.adult:
        raise PlanError(_("The student is 18 or older, so no parent signature is needed."))
    name = name.strip()[:120]
    if not name:
        raise PlanError(_("Type your name to sign."))
    try:
        with transaction.atomic():
            return Signature.objects.create(version=latest, role=role, name=name, user=user)
    except IntegrityError:
        raise PlanError(_("This version of the plan is already signed for that role.")) from None


def display_name(user: Any) -> str:
    return (user.get_full_name() or user.get_username())[:120]
