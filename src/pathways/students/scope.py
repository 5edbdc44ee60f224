"""Which student records a user may see in reports: the one scoping rule for student data.

State administrators see the state; district coordinators and counselors their own district,
and a counselor tied to one school only that school. Everyone else sees none.
"""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ReportScope:
    district_id: str | None = None  # None: statewide
    school_id: int | None = None  # None: the whole district (or state)

    @property
    def statewide(self) -> bool:
        return self.district_id is None

    def narrowed(self, district_id: str | None) -> "ReportScope":
        """This scope limited to one district on request; a district outside it is refused."""
        if not district_id or district_id == self.district_id:
            return self
        if not self.statewide:
            raise PermissionDenied(_("You may only see reports for your own district."))
        return ReportScope(district_id=district_id)


def scope_for(user: Any) -> ReportScope:
    if not user.has_perm("students.view_reports"):
        raise PermissionDenied(
            _("Student reports are for counselors, coordinators and state staff.")
        )
    if user.has_perm("students.view_statewide_reports"):
        return ReportScope()
    return ReportScope(district_id=user.district_id, school_id=user.school_id)
