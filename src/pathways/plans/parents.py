"""A parent or guardian signs without an account: the link (a random token in the address)
opens the plan read-only, and the separate six-digit code (given by the student or the
counselor) signs it. Wrong codes are counted on the link, which locks after a few."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils.translation import gettext as _

from .models import NextStepPlan, ParentLink, Signature
from .versions import PlanError, sign


class LinkUnusable(Exception):
    """The link is unknown, expired or locked; `status` is the HTTP answer."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class WrongCode(PlanError):
    pass


def issue_link(plan: NextStepPlan, user: Any, language: str) -> tuple[ParentLink, str]:
    if not user.has_perm("plans.invite_parent", plan):
        raise PermissionDenied(_("Only the student and their counselor may invite a parent."))
    if plan.adult:
        raise PlanError(_("The student is 18 or older, so no parent signature is needed."))
    return ParentLink.issue(plan, user, language if language in ("en", "es") else "en")


def usable_link(token: str) -> ParentLink:
    link = (
        ParentLink.objects.filter(token=token[:64]).select_related("plan__student").first()
        if token
        else None
    )
    if link is None:
        raise LinkUnusable(_("This link is not valid. Ask for a new one."), 404)
    if link.expired:
        raise LinkUnusable(
            _("This link has expired. Ask the student or counselor for a new one."), 410
        )
    if link.locked:
        raise LinkUnusable(
            _("Too many wrong codes were entered, so this link is locked. Ask for a new one."), 429
        )
    return link


def sign_as_parent(link: ParentLink, name: str, code: str, number: int) -> Signature:
    """Sign the plan's latest version; a wrong code counts against the link."""
    # Counted outside any transaction the refusal would roll back.
    if not link.code_matches(code):
        ParentLink.objects.filter(pk=link.pk).update(failures=F("failures") + 1)
        link.refresh_from_db(fields=["failures"])
        left = max(ParentLink.MAX_FAILURES - link.failures, 0)
        raise WrongCode(_("That code is not right. Tries left: %(left)d.") % {"left": left})
    return sign(link.plan, Signature.Role.PARENT, name, None, number)
