"""A student's resume, stored as one JSON Resume document (see schema.py)."""

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def empty_resume() -> dict[str, Any]:
    return {"basics": {}, "meta": {"version": "v1.0.0"}}


class Resume(models.Model):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    class Design(models.TextChoices):
        CLASSIC = "classic", _("Classic: centered name, serif type")
        PLAIN = "plain", _("Plain: left-aligned, sans-serif type")

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resume"
    )
    document = models.JSONField(default=empty_resume)
    # Record items the student added or turned down, by key (prefill.Suggestion.key), so a
    # suggestion from the school's records is offered once and never slips in unasked.
    record_choices = models.JSONField(default=dict, blank=True)
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    design = models.CharField(max_length=10, choices=Design.choices, default=Design.CLASSIC)
    # The public link's secret; null when sharing is off. Turning it off and on makes a new one.
    share_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"resume {self.pk}"

    def start_sharing(self) -> None:
        self.share_token = secrets.token_urlsafe(32)

    def stop_sharing(self) -> None:
        self.share_token = None
