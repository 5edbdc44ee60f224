"""Programs of study and what they lead to: courses, postsecondary programs (their CIP 2020
codes are `pathways.occupations.models.CipCode`), credentials and work-based learning."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pathways.accounts.rules import programs_visible_to


class Course(models.Model):
    """A secondary course in the state course catalogue, by state course code."""

    state_code = models.CharField(max_length=12, unique=True)
    title = models.CharField(max_length=200)
    credits = models.DecimalField(max_digits=3, decimal_places=1, default=1)
    grade_min = models.PositiveSmallIntegerField(default=9)
    grade_max = models.PositiveSmallIntegerField(default=12)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state_code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    grade_min__gte=6, grade_max__lte=12, grade_min__lte=models.F("grade_max")
                ),
                name="course_grades_6_to_12_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.state_code} {self.title}"

    def in_force_elsewhere(self, district_id: str | None) -> bool:
        """Whether the course is placed in a program of another district, or in any program
        past the draft stage: changing its credits or grades would then alter a program
        that district's coordinator may not change (rule `programs.change_course`)."""
        editable = (ProgramOfStudy.Status.DRAFT, ProgramOfStudy.Status.RETURNED)
        return self.placements.exclude(
            program__district_id=district_id, program__status__in=editable
        ).exists()


class PostsecondaryProgram(models.Model):
    """A program at a named institution, classified by CIP 2020."""

    institution = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    cip_code = models.CharField(max_length=7, db_index=True)
    award = models.CharField(max_length=100, blank=True)  # certificate, associate, bachelor's
    url = models.URLField(blank=True)

    class Meta:
        ordering = ["institution", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "title", "cip_code"],
                name="one_program_per_institution_title_cip",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.institution})"


class Credential(models.Model):
    """An industry-recognized credential."""

    name = models.CharField(max_length=200, unique=True)
    issuer = models.CharField(max_length=200, blank=True)
    url = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProgramQuerySet(models.QuerySet["ProgramOfStudy"]):
    def approved(self) -> "ProgramQuerySet":
        return self.filter(status=ProgramOfStudy.Status.APPROVED)

    def visible_to(self, user: Any) -> "ProgramQuerySet":
        """The programs `user` may view (rule `programs.view_programofstudy`): the one
        filter behind the public list, the staff dashboard, the export and the API.
        `user` None is a visitor who is not signed in."""
        return self.filter(programs_visible_to(user))


class ProgramOfStudy(models.Model):
    """A district's ordered course sequence for a pathway, ending in a capstone."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for changes")

    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, related_name="programs"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    # Tied to both frameworks; codes are stable across framework reloads.
    subcluster = models.ForeignKey(
        "framework.SubCluster", on_delete=models.PROTECT, related_name="programs_of_study"
    )
    legacy_pathway = models.ForeignKey(
        "framework.SubCluster",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="legacy_programs_of_study",
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_comment = models.TextField(blank=True)
    is_demonstration = models.BooleanField(
        default=False, help_text=_("Made-up example data, shown with a clear label.")
    )
    courses = models.ManyToManyField(Course, through="ProgramCourse", related_name="programs")
    postsecondary_programs = models.ManyToManyField(
        PostsecondaryProgram, blank=True, related_name="programs_of_study"
    )
    credentials = models.ManyToManyField(Credential, blank=True, related_name="programs_of_study")
    # A revision: a draft of changes to an approved program, which stays in force (public,
    # in reports) until the state approves the revision; the approved program then takes
    # the revision's content (its audit log keeps the version it replaced).
    revision_of = models.OneToOneField(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="revision"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    objects = ProgramQuerySet.as_manager()
    # The audit log: who changed what, when (django-simple-history).
    history = HistoricalRecords(m2m_fields=[postsecondary_programs, credentials])

    class Meta:
        ordering = ["district", "title"]
        verbose_name_plural = "programs of study"
        constraints = [
            models.UniqueConstraint(
                fields=["district", "title"],
                condition=models.Q(revision_of__isnull=True),
                name="one_program_title_per_district",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ProgramCourse(models.Model):
    """A course's place in a program's sequence; the last course is usually the capstone."""

    program = models.ForeignKey(ProgramOfStudy, on_delete=models.CASCADE, related_name="sequence")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="placements")
    position = models.PositiveSmallIntegerField()
    is_capstone = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "position"]
        constraints = [
            models.UniqueConstraint(fields=["program", "position"], name="one_course_per_position"),
            models.UniqueConstraint(fields=["program", "course"], name="course_once_per_program"),
            models.UniqueConstraint(
                fields=["program"],
                condition=models.Q(is_capstone=True),
                name="one_capstone_per_program",
            ),
        ]


class WorkBasedLearning(models.Model):
    class Kind(models.TextChoices):
        TOUR = "tour", _("Workplace tour")
        JOB_SHADOWING = "job_shadowing", _("Job shadowing")
        MENTORING = "mentoring", _("Mentoring")
        INTERNSHIP = "internship", _("Internship")
        COOP = "coop", _("Cooperative education (co-op)")
        SERVICE_LEARNING = "service_learning", _("Service learning")
        ENTREPRENEURSHIP = "entrepreneurship", _("Student entrepreneurship")
        PRE_APPRENTICESHIP = "pre_apprenticeship", _("Pre-apprenticeship")
        APPRENTICESHIP = "apprenticeship", _("Registered apprenticeship")

    program = models.ForeignKey(
        ProgramOfStudy, on_delete=models.CASCADE, related_name="work_based_learning"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.CharField(max_length=300, blank=True)
    partner = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["program", "kind"]
