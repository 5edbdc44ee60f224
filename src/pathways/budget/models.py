"""Saved budget scenarios (student accounts).

A saved scenario is its parameters, the same values its link carries (place, household, the
amounts the student typed), never the computed figures: opening it recomputes with the data
loaded now. Only its student can see it.
"""

from typing import Any

from django.conf import settings
from django.db import models


class ScenarioQuerySet(models.QuerySet["Scenario"]):
    def owned_by(self, user: Any) -> "ScenarioQuerySet":
        """The user's own scenarios; none for anyone not signed in."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(user=user)


class Scenario(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="budget_scenarios"
    )
    name = models.CharField(max_length=100)
    # Query parameters as a flat object of strings, e.g. {"place": "35001", "adults": "1"}.
    params = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name
