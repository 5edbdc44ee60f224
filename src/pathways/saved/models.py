"""Occupations a student keeps a list of ("Save" on an occupation's page).

The occupation is referred to by its SOC code with no database constraint, like every
link to reference data: a data load replaces the SOC rows and must not delete or block on
students' lists. A code that a later load no longer publishes stays listed, marked as such.
"""

from typing import Any

from django.conf import settings
from django.db import models

# More than a student would compare or plan with; bounds the list and its page.
MAX_SAVED_OCCUPATIONS = 100


class SavedOccupationQuerySet(models.QuerySet["SavedOccupation"]):
    def owned_by(self, user: Any) -> "SavedOccupationQuerySet":
        """The user's own saved occupations; none for anyone not signed in."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


class SavedOccupation(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_occupations"
    )
    occupation = models.ForeignKey(
        "occupations.SocCode",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedOccupationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "occupation"], name="save_an_occupation_once")
        ]

    def __str__(self) -> str:
        return f"{self.owner_id} {self.occupation_id}"
