"""Class codes (issue #17): staff make one for a school, students join with it.

A code is checked before anything else about the form, and each way it can fail has its
own status and message, so a student knows whether to retype it or ask for a new one.
Joining locks the code's row, so two students cannot both take its last place.
"""

import secrets
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from pathways.accounts.models import (
    CLASS_CODE_ALPHABET,
    CLASS_CODE_LENGTH,
    ClassCode,
    ClassCodeJoin,
    Role,
    User,
)
from pathways.accounts.rules import class_codes_visible_to

# Typed with a dash or spaces, in lower case: read the same.
IGNORED_IN_CODES = str.maketrans("", "", " -_.")


class CodeRefused(ValueError):
    """The class code cannot be used; `status` is the HTTP answer, the message says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def new_code() -> str:
    """A fresh random code nobody holds (25 letters and digits, 8 places: 1.5e11 codes)."""
    while True:
        code = "".join(secrets.choice(CLASS_CODE_ALPHABET) for _ in range(CLASS_CODE_LENGTH))
        if not ClassCode.objects.filter(code=code).exists():
            return code


def normalize(typed: str) -> str:
    return typed.translate(IGNORED_IN_CODES).upper()[: CLASS_CODE_LENGTH * 2]


def create_class_code(creator: User, **fields: Any) -> ClassCode:
    """A new active code for `fields["school"]` (the caller checked the permission)."""
    school = fields["school"]
    return ClassCode.objects.create(
        code=new_code(), district_id=school.district_id, created_by=creator, **fields
    )


def codes_with_uses(user: Any) -> QuerySet[ClassCode]:
    """The codes a staff member may see, each with `uses` (accounts made with it)."""
    return (
        ClassCode.objects.filter(class_codes_visible_to(user))
        .select_related("school", "created_by")
        .annotate(uses=Count("joins"))
    )


def usable_code(typed: str, today: date | None = None) -> ClassCode:
    """The code a student typed, if it can still make an account; CodeRefused otherwise."""
    code = normalize(typed)
    found = ClassCode.objects.filter(code=code).first() if code else None
    if found is None:
        raise CodeRefused(
            404,
            _("There is no class code %(code)s. Check each letter and try again.") % {"code": code},
        )
    if not found.active:
        raise CodeRefused(
            410, _("This class code was turned off. Ask your counselor for a new one.")
        )
    if found.expires_on < (today or timezone.localdate()):
        raise CodeRefused(410, _("This class code has expired. Ask your counselor for a new one."))
    if found.joins.count() >= found.max_uses:
        raise CodeRefused(
            409,
            _("Every place on this class code is taken. Ask your counselor for a new one."),
        )
    return found


def join_with_code(typed: str, username: str, password: str, student_id: str = "") -> User:
    """Make a student account with the code's district and school; the typed state student
    ID is recorded as a claim for a counselor to confirm, never set on the account."""
    code = usable_code(typed)  # a refused code is answered without taking the write lock
    with transaction.atomic():
        # Lock the code and count again under the lock: the last place goes to one student.
        code = ClassCode.objects.select_for_update().get(pk=code.pk)
        if code.joins.count() >= code.max_uses:
            raise CodeRefused(
                409,
                _("Every place on this class code is taken. Ask your counselor for a new one."),
            )
        account = User.objects.create_user(
            username=username,
            password=password,
            role=Role.STUDENT,
            district_id=code.district_id,
            school_id=code.school_id,
        )
        ClassCodeJoin.objects.create(
            class_code=code, account=account, claimed_student_id=student_id.strip()
        )
    return account
