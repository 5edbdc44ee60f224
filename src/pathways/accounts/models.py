"""People who sign in, and the one role and place that decides what they may see and do."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    STATE_ADMIN = "state_admin", _("State administrator")
    DISTRICT_COORDINATOR = "district_coordinator", _("District CTE coordinator")
    COUNSELOR = "counselor", _("Counselor or teacher")
    STUDENT = "student", _("Student")
    # Posts work-based learning opportunities once district or state staff approve the
    # account (issue #20); sees no student data beyond applications sent to its postings.
    EMPLOYER = "employer", _("Employer or community partner")


class PathwaysUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra: Any
    ) -> "User":
        # A superuser is a state administrator: the district check allows no other role.
        extra.setdefault("role", Role.STATE_ADMIN)
        return super().create_superuser(username, email, password, **extra)


class User(AbstractUser):
    role = models.CharField(max_length=24, choices=Role.choices, default=Role.STUDENT)
    # District staff and students belong to one district; state administrators to none.
    # An employer's district is the one it chose at sign-up: its coordinator reviews the
    # account (so the constraint below holds unchanged for employers).
    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    # Counselors may be limited to one school; blank = their whole district.
    school = models.ForeignKey(
        "geography.School", on_delete=models.SET_NULL, null=True, blank=True, related_name="staff"
    )
    # A student account's state student ID, which links it to that student's records.
    student_id = models.CharField(max_length=20, blank=True)

    objects: ClassVar[PathwaysUserManager] = PathwaysUserManager()
    # Who changed whom, and what (role, district, linked student ID, active); never passwords.
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="state_admin") | models.Q(district__isnull=False),
                name="district_staff_and_students_have_a_district",
            )
        ]


# Letters and digits a student cannot misread or mistype (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
CLASS_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CLASS_CODE_LENGTH = 8


class ClassCode(models.Model):
    """A code a counselor or coordinator hands a class so its students can make accounts
    (issue #17): students who join get the code's district and school."""

    code = models.CharField(max_length=CLASS_CODE_LENGTH, unique=True)
    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, related_name="class_codes"
    )
    school = models.ForeignKey(
        "geography.School", on_delete=models.PROTECT, related_name="class_codes"
    )
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="class_codes_created"
    )
    label = models.CharField(max_length=80, blank=True)  # "Period 3 Health Careers"
    school_year = models.PositiveSmallIntegerField()  # named by the year it ends: 2027 = 2026-27
    grade = models.PositiveSmallIntegerField(null=True, blank=True)  # 6-12; blank = any
    expires_on = models.DateField()
    max_uses = models.PositiveSmallIntegerField()
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_uses__gte=1, max_uses__lte=200),
                name="class_code_uses_1_200",
            ),
            models.CheckConstraint(
                condition=models.Q(grade__isnull=True) | models.Q(grade__gte=6, grade__lte=12),
                name="class_code_grade_6_12",
            ),
        ]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        """Two groups of four, easier to read aloud and copy: ACDE-FGHJ."""
        return f"{self.code[:4]}-{self.code[4:]}"


class ClassCodeJoin(models.Model):
    """A student account made with a class code, and the state student ID its student typed:
    only a claim until a counselor confirms it (students/account_links.py)."""

    class_code = models.ForeignKey(ClassCode, on_delete=models.CASCADE, related_name="joins")
    account = models.OneToOneField(User, on_delete=models.CASCADE, related_name="class_code_join")
    claimed_student_id = models.CharField(max_length=20, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "id"]

    def __str__(self) -> str:
        return f"{self.class_code_id} {self.account_id}"
