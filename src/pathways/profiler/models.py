"""Saved interest-profiler results (student accounts).

A saved result is the six scores and the options chosen, never the answers: the same
figures a shared results link carries. Only its student sees it.
"""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from .data import AREAS
from .scoring import MAX_SCORE, Profile

SCORE_FIELDS = dict(
    zip(
        AREAS,
        ["realistic", "investigative", "artistic", "social", "enterprising", "conventional"],
        strict=True,
    )
)


def _score_field() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_SCORE)])


class SavedProfileQuerySet(models.QuerySet["SavedProfile"]):
    def owned_by(self, user: Any) -> "SavedProfileQuerySet":
        """The user's own saved results; none for anyone not signed in."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class SavedProfile(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_interest_profiles"
    )
    realistic = _score_field()
    investigative = _score_field()
    artistic = _score_field()
    social = _score_field()
    enterprising = _score_field()
    conventional = _score_field()
    job_zone = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    # True when the scores come from the 30-item version (doubled to the 0-40 range).
    short_form = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedProfileQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{name}__lte": MAX_SCORE}), name=f"saved_profile_{name}_0_40"
                )
                for name in SCORE_FIELDS.values()
            ),
            models.CheckConstraint(
                condition=Q(job_zone__isnull=True) | Q(job_zone__gte=1, job_zone__lte=5),
                name="saved_profile_job_zone_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile().code() or '-'} ({self.created_at:%Y-%m-%d})"

    def profile(self) -> Profile:
        return Profile(
            {a: float(getattr(self, name)) for a, name in SCORE_FIELDS.items()}, self.short_form
        )
