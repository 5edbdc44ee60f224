"""Inviting people: an account with no usable password and an e-mail whose link lets them
choose their own, made with Django's password-reset token (it stops working once used,
after PASSWORD_RESET_TIMEOUT, or when the account changes)."""

from typing import Any

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from pathways.accounts.models import User


def invitation_link(request: HttpRequest, account: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(account.pk))
    token = default_token_generator.make_token(account)
    path = reverse("accounts:invitation", kwargs={"uidb64": uid, "token": token})
    return request.build_absolute_uri(path)


def send_invitation(request: HttpRequest, account: User) -> None:
    """E-mail the account's owner a link to choose their password, in the page's language."""
    context: dict[str, Any] = {
        "account": account,
        "link": invitation_link(request, account),
        "invited_by": getattr(request.user, "get_full_name", str)() or request.user.get_username(),
        "valid_days": max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400)),
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [account.email])


def invite(request: HttpRequest, **fields: Any) -> User:
    """Create the account (username = e-mail) with no usable password, and send the invitation."""
    email = fields["email"]
    account = User(username=email, **fields)
    account.set_unusable_password()
    account.save()
    send_invitation(request, account)
    return account
