"""What a program-of-study step raises when it cannot go ahead: `PermissionDenied` when
accounts/rules.py refuses the user (the site's 403 page shows it), `WorkflowError` with a
message to show when the program's state does not allow the step."""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import ProgramOfStudy


class WorkflowError(Exception):
    """A workflow step the program's current state does not allow."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return " ".join([self.message, *self.problems])


def require(user: Any, permission: str, program: ProgramOfStudy | None = None) -> None:
    """Raise PermissionDenied unless accounts/rules.py grants `permission` on `program`."""
    if not user.has_perm(permission, program):
        raise PermissionDenied(_("You do not have permission to do that."))
