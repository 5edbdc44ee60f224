"""Next Step Plans (§22-13-1.1 NMSA): one per student account and school year, kept as
numbered versions that are never overwritten; signatures belong to the version signed.

Parents sign through a link and a short code (ParentLink), without an account. Reminders
and caseload exports are kept as their own audit.
"""

import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pathways.accounts.rules import plans_visible_to

FINAL_GRADE = 12
GRADES = range(8, 13)


class PlanQuerySet(models.QuerySet["NextStepPlan"]):
    def visible_to(self, user: Any) -> "PlanQuerySet":
        """The plans `user` may view (rule `plans.view_plan`)."""
        return self.filter(plans_visible_to(user))


class NextStepPlan(models.Model):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim Next Step Plan")
        FINAL = "final", _("Final Next Step Plan")

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="next_step_plans"
    )
    # Named by the calendar year it ends in, as student records are: 2026 is 2025-26.
    school_year = models.PositiveSmallIntegerField()
    grade = models.PositiveSmallIntegerField()
    # The student says they are 18 or older: the statute then needs no parent signature.
    adult = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-school_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "school_year"], name="one_plan_per_student_year"
            ),
            models.CheckConstraint(
                condition=models.Q(grade__gte=8, grade__lte=12), name="plan_grade_8_to_12"
            ),
        ]

    def __str__(self) -> str:
        return f"plan {self.pk}"

    @property
    def kind(self) -> str:
        """Interim at the end of grades 8-11, final in grade 12."""
        return self.Kind.FINAL if self.grade >= FINAL_GRADE else self.Kind.INTERIM

    @property
    def kind_label(self) -> str:
        return str(self.Kind(self.kind).label)

    def latest_version(self) -> "PlanVersion | None":
        return self.versions.order_by("-number").first()


class PlanVersion(models.Model):
    """A frozen copy of the plan's content as saved; a change makes the next number."""

    plan = models.ForeignKey(NextStepPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    content = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_number")
        ]


class Signature(models.Model):
    class Role(models.TextChoices):
        STUDENT = "student", _("Student")
        PARENT = "parent", _("Parent or guardian")
        COUNSELOR = "counselor", _("School counselor")

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="signatures")
    role = models.CharField(max_length=10, choices=Role.choices)
    name = models.CharField(max_length=120)  # as typed (a parent) or the account's name
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "role"], name="one_signature_per_role")
        ]


def _digest(code: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()


class ParentLink(models.Model):
    """A parent's way in: the link's token (in the address) and a separate short code
    (given to the parent another way) are both needed to sign. The code is kept only as
    a keyed digest; wrong codes are counted and lock the link."""

    MAX_FAILURES = 5

    plan = models.ForeignKey(NextStepPlan, on_delete=models.CASCADE, related_name="parent_links")
    token = models.CharField(max_length=64, unique=True)
    code_digest = models.CharField(max_length=64)
    language = models.CharField(max_length=2, default="en")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    failures = models.PositiveSmallIntegerField(default=0)

    @classmethod
    def issue(cls, plan: NextStepPlan, user: Any, language: str) -> tuple["ParentLink", str]:
        """A new link and its code (returned once, never stored as such)."""
        code = f"{secrets.randbelow(10**6):06d}"
        link = cls.objects.create(
            plan=plan,
            token=secrets.token_urlsafe(32),
            code_digest=_digest(code),
            language=language,
            created_by=user,
            expires_at=timezone.now() + settings.PATHWAYS_PARENT_LINK_LIFETIME,
        )
        return link, code

    @property
    def expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def locked(self) -> bool:
        return self.failures >= self.MAX_FAILURES

    def code_matches(self, code: str) -> bool:
        return hmac.compare_digest(self.code_digest, _digest(code.strip()))


class PlanReminder(models.Model):
    """A counselor's reminder, shown on the student's dashboard (and e-mailed if possible)."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_reminders"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_by_name = models.CharField(max_length=150)
    message = models.CharField(max_length=500)
    emailed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class CaseloadExport(models.Model):
    """The audit of a caseload CSV: who, when, how many rows, which district."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    username = models.CharField(max_length=150)
    exported_at = models.DateTimeField(auto_now_add=True)
    district = models.CharField(max_length=7, blank=True)  # blank: statewide
    rows = models.PositiveIntegerField()
    with_names = models.BooleanField()

    class Meta:
        ordering = ["-exported_at"]
