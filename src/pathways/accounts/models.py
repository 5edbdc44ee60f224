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
