"""A student's work-based learning placements and the hours they log there.

Hours count only when the supervisor (through a signed link, no account) and then the
teacher have both verified them; the verified total is written to the student's
`students.WorkBasedLearningRecord` (source "site") by `records.sync_placement`.
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pathways.programs.models import WorkBasedLearning
from pathways.students.progress import school_year_label

MIN_HOURS = Decimal("0.25")
MAX_HOURS_PER_DAY = Decimal("12")
FIRST_SCHOOL_YEAR = 2000
LAST_SCHOOL_YEAR = 2100


class PlacementQuerySet(models.QuerySet["Placement"]):
    def visible_to(self, user: Any) -> "PlacementQuerySet":
        from pathways.accounts.rules import placements_visible_to

        return self.filter(placements_visible_to(user))


class Placement(models.Model):
    """One work-based learning placement of a student account."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placements"
    )
    # The student's district and school when the placement was made: its records stay there.
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        "geography.School", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=WorkBasedLearning.Kind.choices)
    organization = models.CharField(_("organization"), max_length=200)
    supervisor_name = models.CharField(_("supervisor's name"), max_length=150)
    supervisor_email = models.EmailField(_("supervisor's e-mail"), max_length=254)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    school_year = models.PositiveSmallIntegerField(
        _("school year"),
        validators=[MinValueValidator(FIRST_SCHOOL_YEAR), MaxValueValidator(LAST_SCHOOL_YEAR)],
    )
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="placements_to_verify",
        verbose_name=_("teacher"),
    )
    program = models.ForeignKey(
        "programs.ProgramOfStudy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("program of study"),
    )
    # Part of the supervisor link's signature: a new link (sent again) ends the old one.
    link_nonce = models.CharField(max_length=32, blank=True)
    link_sent_at = models.DateTimeField(null=True, blank=True)
    # The state student ID its verified hours were last written for (records.py), so a
    # relinked account's hours move from the old ID's record to the new one's.
    counted_as = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PlacementQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="placement_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"placement {self.pk}"

    @property
    def school_year_label(self) -> str:
        return school_year_label(self.school_year)


class HoursEntry(models.Model):
    """Hours a student worked at a placement on one day, and who has verified them."""

    class Status(models.TextChoices):
        LOGGED = "logged", _("Waiting for the supervisor")
        SUPERVISOR_APPROVED = "supervisor_approved", _("Waiting for the teacher")
        VERIFIED = "verified", _("Verified")
        DISPUTED = "disputed", _("Disputed")

    class Reviewer(models.TextChoices):
        SUPERVISOR = "supervisor", _("Supervisor")
        TEACHER = "teacher", _("Teacher")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(MIN_HOURS), MaxValueValidator(MAX_HOURS_PER_DAY)],
    )
    activity = models.CharField(_("what you did"), max_length=500)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.LOGGED)
    disputed_by = models.CharField(max_length=10, choices=Reviewer.choices, blank=True)
    comment = models.CharField(max_length=500, blank=True)  # why it was disputed
    supervisor_decided_at = models.DateTimeField(null=True, blank=True)
    teacher_decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "date"], name="one_hours_entry_per_day"),
            models.CheckConstraint(
                condition=Q(hours__gte=MIN_HOURS, hours__lte=MAX_HOURS_PER_DAY),
                name="hours_entry_within_a_day",
            ),
        ]

    def __str__(self) -> str:
        return f"hours entry {self.pk}"

    @property
    def editable(self) -> bool:
        """The student may change an entry until the supervisor approves it."""
        return self.status in (self.Status.LOGGED, self.Status.DISPUTED)
