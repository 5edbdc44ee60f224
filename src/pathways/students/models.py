"""Student records from district student information systems, and the status they earn.

No names are stored. A student is known by the state student ID the SIS exports; rows are
kept per district and school year so a corrected upload replaces exactly that district's year.
School years are named by the calendar year they end in: 2025 is 2024-25.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from pathways.geography.models import School
from pathways.programs.models import WorkBasedLearning


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    NONBINARY = "X", _("Nonbinary")


class RaceEthnicity(models.TextChoices):
    # The seven federal race/ethnicity reporting categories.
    HISPANIC = "hispanic", _("Hispanic or Latino")
    AMERICAN_INDIAN = "american_indian", _("American Indian or Alaska Native")
    ASIAN = "asian", _("Asian")
    BLACK = "black", _("Black or African American")
    PACIFIC_ISLANDER = "pacific_islander", _("Native Hawaiian or Other Pacific Islander")
    WHITE = "white", _("White")
    TWO_OR_MORE = "two_or_more", _("Two or more races")


# Perkins V special populations, as yes/no flags on each student-year.
SPECIAL_POPULATIONS: dict[str, Promise] = {
    "disability": _("Students with disabilities"),
    "economically_disadvantaged": _("Economically disadvantaged"),
    "english_learner": _("English learners"),
    "homeless": _("Experiencing homelessness"),
    "foster_care": _("In foster care"),
    "military_parent": _("Parent in active military service"),
    "single_parent": _("Single parents"),
    "nontraditional": _("In a program nontraditional for their sex"),
}


class StudentYear(models.Model):
    """A student's enrolment in a district for one school year, with the attributes Perkins V
    reports break down by, as the district reported them that year."""

    student_id = models.CharField(max_length=20, db_index=True)  # state student ID
    school_year = models.PositiveSmallIntegerField()
    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="student_years")
    grade_level = models.PositiveSmallIntegerField()
    sex = models.CharField(max_length=1, choices=Sex.choices)
    race_ethnicity = models.CharField(max_length=20, choices=RaceEthnicity.choices)
    disability = models.BooleanField(default=False)
    economically_disadvantaged = models.BooleanField(default=False)
    english_learner = models.BooleanField(default=False)
    homeless = models.BooleanField(default=False)
    foster_care = models.BooleanField(default=False)
    military_parent = models.BooleanField(default=False)
    single_parent = models.BooleanField(default=False)
    nontraditional = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student_id", "school_year", "district"],
                name="one_student_year_per_district",
            )
        ]
        # With the school: an upload's before-and-after counts by school read the index only.
        indexes = [models.Index(fields=["district", "school_year", "school"])]


class CourseCompletion(models.Model):
    """One attempt at a course: what a student took in a term and whether it was passed."""

    student_id = models.CharField(max_length=20)
    school_year = models.PositiveSmallIntegerField()
    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="+", db_index=False)
    term = models.CharField(max_length=10)
    course_code = models.CharField(max_length=12)  # the state course code (programs.Course)
    credit_earned = models.DecimalField(max_digits=4, decimal_places=2)
    passed = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student_id", "school_year", "district", "term", "course_code"],
                name="one_attempt_per_term",
            )
        ]
        indexes = [
            models.Index(fields=["district", "school_year", "school"]),
            models.Index(fields=["student_id", "course_code"]),
        ]


class CredentialEarned(models.Model):
    """An industry-recognized credential a student earned (optional file)."""

    student_id = models.CharField(max_length=20, db_index=True)
    school_year = models.PositiveSmallIntegerField()
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")
    credential = models.CharField(max_length=200)
    # Optional columns of the layout: who awards it and the day it was earned.
    issuer = models.CharField(max_length=200, blank=True, default="")
    date_earned = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student_id", "school_year", "district", "credential"],
                name="one_credential_award_per_year",
            )
        ]


class WorkBasedLearningRecord(models.Model):
    """A student's participation in work-based learning: from a district's file (optional),
    or written by the site when a placement's hours are verified (pathways.placements).

    An upload replaces only its district-year's rows from files; the site's rows stay, and
    both count for 5S3 (a student is in the numerator if either says they took part)."""

    class Source(models.TextChoices):
        FILE = "file", _("District file")
        SITE = "site", _("Verified on this site")

    student_id = models.CharField(max_length=20, db_index=True)
    school_year = models.PositiveSmallIntegerField()
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=WorkBasedLearning.Kind.choices)
    hours = models.PositiveIntegerField(null=True, blank=True)
    # A database default: imports insert rows by plain SQL without naming this column.
    source = models.CharField(max_length=4, choices=Source.choices, db_default=Source.FILE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student_id", "school_year", "district", "kind", "source"],
                name="one_wbl_kind_per_year_and_source",
            )
        ]


class DualCreditRecord(models.Model):
    """Postsecondary credit a student earned in high school (optional file)."""

    student_id = models.CharField(max_length=20, db_index=True)
    school_year = models.PositiveSmallIntegerField()
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")
    course_code = models.CharField(max_length=20)
    institution = models.CharField(max_length=200, blank=True)
    credits_earned = models.DecimalField(max_digits=4, decimal_places=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student_id", "school_year", "district", "course_code"],
                name="one_dual_credit_course_per_year",
            )
        ]


class GraduationRecord(models.Model):
    """A student's four-year graduation cohort and outcome (optional file)."""

    student_id = models.CharField(max_length=20, db_index=True)
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")
    cohort_year = models.PositiveSmallIntegerField()  # the year the cohort is expected to graduate
    graduated = models.BooleanField()
    graduation_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["student_id", "district", "cohort_year"],
                name="one_graduation_record_per_cohort",
            )
        ]
        indexes = [models.Index(fields=["district", "cohort_year"])]


class RecordUpload(models.Model):
    """Provenance of student records: which file set a district's year of one kind."""

    class Kind(models.TextChoices):
        COURSES = "courses", _("Course completions")
        CREDENTIALS = "credentials", _("Credentials earned")
        WORK_BASED_LEARNING = "work_based_learning", _("Work-based learning")
        DUAL_CREDIT = "dual_credit", _("Dual credit")
        GRADUATION = "graduation", _("Graduation")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    district = models.ForeignKey("geography.District", on_delete=models.PROTECT, related_name="+")
    school_year = models.PositiveSmallIntegerField()
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now=True)
    uploaded_by = models.CharField(max_length=150, blank=True)  # a staff username, never a student

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "district", "school_year"], name="one_upload_per_district_year"
            )
        ]


class ProgramStatus(models.Model):
    """Where a student stands in one program of study, and the school year each step was
        first reached. Rebuilt from course completions by `status.recompute` and `status.refresh`
    (set-based SQL)."""

    student_id = models.CharField(max_length=20)
    program = models.ForeignKey(
        "programs.ProgramOfStudy", on_delete=models.CASCADE, related_name="student_statuses"
    )
    district = models.ForeignKey(
        "geography.District", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    courses_passed = models.PositiveSmallIntegerField()
    capstone_passed = models.BooleanField()
    participant_year = models.PositiveSmallIntegerField()
    concentrator_year = models.PositiveSmallIntegerField(null=True)
    completer_year = models.PositiveSmallIntegerField(null=True)
    # Enrolled in more than one district (any year) when computed: another district's
    # records may have counted, so an upload there must rebuild this row (status.refresh).
    other_districts = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["student_id", "program"], name="one_status_per_program")
        ]
        indexes = [
            models.Index(fields=["district", "participant_year"]),
        ]


class ExactCountExport(models.Model):
    """The audit of an export of exact (unsuppressed) counts: who, when, what. Such files
    are for the state's federal reporting (Perkins CAR), never for publication."""

    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+", null=True)
    username = models.CharField(max_length=150)  # kept if the account is renamed
    exported_at = models.DateTimeField(auto_now_add=True)
    report = models.CharField(max_length=20)  # "status" or "perkins"
    school_year = models.PositiveSmallIntegerField()
    district = models.CharField(max_length=7, blank=True)  # NCES ID; blank: the state
    group_by = models.CharField(max_length=20)
    breakdown = models.CharField(max_length=40)
    file_format = models.CharField(max_length=4)
    rows = models.PositiveIntegerField()

    class Meta:
        ordering = ["-exported_at"]


class ImportJob(models.Model):
    """One upload of student records, imported (or checked) in the background: its status,
    and when done what it changed or every problem found. Never holds a student ID."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Reading and checking")
        NEEDS_CONFIRMATION = "needs_confirmation", _("Waiting for your confirmation")
        DONE = "done", _("Finished")
        PROBLEMS = "problems", _("The file has problems")
        FAILED = "failed", _("Stopped by an error")
        CANCELLED = "cancelled", _("Cancelled")

    class Scope(models.TextChoices):
        DISTRICT_YEAR = "district_year", _("The whole district and school year")
        SCHOOLS = "schools", _("Only the schools in the file")

    PENDING = (Status.QUEUED, Status.RUNNING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=RecordUpload.Kind.choices)
    file_name = models.CharField(max_length=255)
    check_only = models.BooleanField(default=False)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.DISTRICT_YEAR)
    confirmed = models.BooleanField(default=False)  # a shrinking upload was confirmed
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    summary = models.JSONField(null=True, blank=True)
    problems = models.JSONField(default=list, blank=True)  # [row, column, problem]
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def pending(self) -> bool:
        return self.status in self.PENDING
