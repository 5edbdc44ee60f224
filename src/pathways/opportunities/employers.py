"""Employer accounts: signing up (inactive until reviewed) and the staff decision."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pathways.accounts import rules as access
from pathways.accounts.models import Role, User

from .models import EmployerProfile


@transaction.atomic
def sign_up(data: dict[str, Any], language: str) -> User:
    """An employer account that cannot sign in until district or state staff approve it."""
    user = User(
        username=data["email"],
        email=data["email"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        role=Role.EMPLOYER,
        district=data["district"],
        is_active=False,
    )
    user.set_password(data["password1"])
    user.save()
    EmployerProfile.objects.create(
        user=user,
        organization=data["organization"],
        phone=data.get("phone", ""),
        website=data.get("website", ""),
        language=language,
    )
    return user


def reviewable_employers(user: Any) -> Any:
    """Employer accounts waiting for this user's decision, oldest first."""
    return (
        User.objects.filter(access.employers_reviewable_by(user))
        .filter(employer_profile__status=EmployerProfile.Status.PENDING)
        .select_related("employer_profile", "district__county__region")
        .order_by("employer_profile__created_at")
    )


@transaction.atomic
def decide(reviewer: Any, account: User, approve: bool, comment: str = "") -> EmployerProfile:
    """Approve (the account becomes active) or refuse a waiting employer account, and tell
    the employer by e-mail in the language it signed up in."""
    if not reviewer.has_perm("opportunities.approve_employer", account):
        raise PermissionDenied(_("Only the district's coordinator or the state may decide."))
    profile = account.employer_profile
    profile.status = EmployerProfile.Status.APPROVED if approve else EmployerProfile.Status.REFUSED
    profile.decided_by = reviewer
    profile.decided_at = timezone.now()
    profile.comment = comment
    profile.save()
    account.is_active = approve
    account.save(update_fields=["is_active"])
    transaction.on_commit(lambda: _tell_employer(profile))
    return profile


def _tell_employer(profile: EmployerProfile) -> None:
    with translation.override(profile.language):
        context = {"profile": profile, "approved": profile.status == profile.Status.APPROVED}
        send_mail(
            _("Your employer account on NM Career Pathways"),
            render_to_string("opportunities/email/decision.txt", context),
            None,
            [profile.user.email],
        )
