"""Field checks shared by the models and the forms."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_https_url(value: str) -> None:
    """Media play from secure addresses only (a page served over HTTPS cannot embed others)."""
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ValidationError(_("Use an address that starts with https://."), code="https_required")
