"""The supervisor's link: signed, expiring, and ended by sending a new one.

The token signs the placement's id with a random nonce stored on the placement
(django.core.signing, with a timestamp), so it cannot be guessed or altered, stops working
after `LINK_DAYS`, and a link sent again makes every earlier one invalid.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Placement

SALT = "pathways.placements.supervisor"
LINK_DAYS = 30


class LinkError(Exception):
    """The link cannot be used; the message says why and what to do."""


def new_token(placement: Placement) -> str:
    """A fresh link token for the placement; earlier links stop working."""
    placement.link_nonce = secrets.token_urlsafe(16)
    placement.link_sent_at = timezone.now()
    placement.save(update_fields=["link_nonce", "link_sent_at"])
    return signing.dumps([placement.pk, placement.link_nonce], salt=SALT, compress=True)


def placement_for(token: str) -> Placement:
    """The placement a link token names, or LinkError (expired, altered, or replaced)."""
    if len(token) > 200:
        raise LinkError(_("This verification link is not valid."))
    try:
        pk, nonce = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        raise LinkError(
            _("This verification link has expired. Ask the student to send a new one.")
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkError(_("This verification link is not valid.")) from None
    placement = Placement.objects.select_related("student").filter(pk=pk).first()
    if (
        placement is None
        or not nonce
        or not secrets.compare_digest(str(nonce), placement.link_nonce)
    ):
        raise LinkError(
            _("This verification link has been replaced by a newer one, or no longer exists.")
        )
    return placement


def send_link(placement: Placement, url: str) -> None:
    """E-mail the supervisor the link (`url` holds the token); only the supervisor gets it."""
    first_name = placement.student.first_name or _("A student")
    subject = _("Please verify work-based learning hours at %(organization)s") % {
        "organization": placement.organization
    }
    body = _(
        "Hello %(supervisor)s,\n\n"
        "%(student)s logged hours of work-based learning at %(organization)s and asks you to "
        "confirm them. Open this link to approve each day or dispute it with a comment (no "
        "account needed). The link works for %(days)s days.\n\n%(url)s\n\n"
        "New Mexico Career Pathways"
    ) % {
        "supervisor": placement.supervisor_name,
        "student": first_name,
        "organization": placement.organization,
        "days": LINK_DAYS,
        "url": url,
    }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [placement.supervisor_email])
