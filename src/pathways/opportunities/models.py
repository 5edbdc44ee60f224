"""Work-based learning opportunities: employer accounts, postings, saved postings and
applications sent in the site (issue #20).

Who sees which rows is decided in accounts/rules.py; the QuerySets here only apply those
filters (`visible_to(user)`), so a list never shows what a detail page would refuse.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pathways.accounts import rules as access
from pathways.programs.models import WorkBasedLearning

# Bounds every form and the API share.
TITLE_MAX = 200
DESCRIPTION_MAX = 5000
MESSAGE_MAX = 1000
OCCUPATIONS_MAX = 5
HOURS_PER_WEEK = (1, 60)
MINIMUM_AGE = (12, 25)


def today() -> date:
    return timezone.localdate()


class EmployerProfile(models.Model):
    """The organization behind an employer account, and the staff decision on it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Not approved")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="employer_profile"
    )
    organization = models.CharField(max_length=200)
    phone = models.CharField(max_length=30, blank=True)
    website = models.URLField(max_length=300, blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    # The language the employer signed up in: the approval e-mail is written in it.
    language = models.CharField(max_length=5, default="en")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.organization


class OpportunityQuerySet(models.QuerySet["Opportunity"]):
    def open(self, on: date | None = None) -> "OpportunityQuerySet":
        return self.filter(access.open_opportunities(on or today()))

    def expired(self, on: date | None = None) -> "OpportunityQuerySet":
        """Published postings past their application deadline or end date."""
        on = on or today()
        return self.filter(status=Opportunity.Status.PUBLISHED).filter(
            models.Q(application_deadline__lt=on) | models.Q(end_date__lt=on)
        )

    def visible_to(self, user: Any) -> "OpportunityQuerySet":
        return self.filter(access.opportunities_visible_to(user, today()))


class Opportunity(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Not published")
        CLOSED = "closed", _("Closed")

    class PayUnit(models.TextChoices):
        HOUR = "hour", _("per hour")
        WEEK = "week", _("per week")
        TOTAL = "total", _("in total (stipend)")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")

    kind = models.CharField(max_length=20, choices=WorkBasedLearning.Kind.choices)
    title = models.CharField(max_length=TITLE_MAX)
    organization = models.CharField(max_length=200)
    # The poster's own words, in the language they chose (the page marks it with lang).
    description = models.TextField(max_length=DESCRIPTION_MAX)
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)
    # The district (and through it the county and workforce region) the posting is for;
    # its coordinator reviews an employer's posting.
    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, related_name="opportunities"
    )
    cluster = models.ForeignKey(
        "framework.Cluster",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        limit_choices_to={"framework": "2024"},
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    application_deadline = models.DateField(null=True, blank=True)
    hours_per_week = models.PositiveSmallIntegerField(null=True, blank=True)
    paid = models.BooleanField(default=False)
    pay_amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    pay_unit = models.CharField(max_length=5, choices=PayUnit.choices, blank=True)
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    apply_url = models.URLField(max_length=500, blank=True)
    apply_in_site = models.BooleanField(default=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="opportunities"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["application_deadline", "start_date", "pk"]
        verbose_name_plural = "opportunities"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="opportunity_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(apply_in_site=True) | ~models.Q(apply_url=""),
                name="opportunity_has_a_way_to_apply",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        on = today()
        return (
            self.status == self.Status.PUBLISHED
            and self.posted_by.is_active
            and (self.application_deadline is None or self.application_deadline >= on)
            and (self.end_date is None or self.end_date >= on)
        )


class PostingOccupation(models.Model):
    """An occupation (SOC 2018 detailed code) a posting leads toward. The code is kept as
    a link without a database constraint, so the SOC source can be reloaded."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="occupations"
    )
    soc = models.ForeignKey(
        "occupations.SocCode", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )

    class Meta:
        ordering = ["soc_id"]
        constraints = [
            models.UniqueConstraint(fields=["opportunity", "soc"], name="one_link_per_occupation")
        ]


class SavedOpportunity(models.Model):
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_opportunities"
    )
    opportunity = models.ForeignKey(Opportunity, on_delete=models.CASCADE, related_name="saves")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at"]
        constraints = [
            models.UniqueConstraint(fields=["student", "opportunity"], name="save_a_posting_once")
        ]


class ApplicationQuerySet(models.QuerySet["Application"]):
    def visible_to(self, user: Any) -> "ApplicationQuerySet":
        return self.filter(access.applications_visible_to(user))


class Application(models.Model):
    """A student's application sent in the site: a short message; the poster sees it with
    the student's name and e-mail address, and nothing else about the student."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="applications"
    )
    message = models.TextField(max_length=MESSAGE_MAX)
    sent_at = models.DateTimeField(auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["student", "opportunity"], name="one_application_per_posting"
            )
        ]
