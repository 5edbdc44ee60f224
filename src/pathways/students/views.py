"""What the student pages share: the refusal page. The pages themselves are in
views_student.py (a student's own records), views_upload.py and views_reports.py."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """403 with the reason, and links to what the user may open instead."""
    return render(request, "students/forbidden.html", {"message": message}, status=403)
