"""A student's own records: their programs, what is left in each, and the courses they took.

Only a student account linked to a state student ID sees records, and only its own: the ID
comes from the account, never from the URL or the query string.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .progress import course_record, progress_for


@login_required
def my_records(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("students.view_own_records"):
        raise PermissionDenied(
            _(
                "This page shows a student's own course records, so it is for student "
                "accounts. Staff see students' progress in the reports."
            )
        )
    student_id = getattr(user, "student_id", "")
    if not student_id:
        return render(request, "students/my_records.html", {"linked": False})
    context = {
        "linked": True,
        "programs": progress_for(student_id),
        "courses": course_record(student_id),
        "rules": settings.PATHWAYS_STATUS_RULES,
    }
    return render(request, "students/my_records.html", context)
