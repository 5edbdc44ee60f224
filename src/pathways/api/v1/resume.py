"""The signed-in student's own resume as JSON Resume v1.0.0 (session authentication).

GET and PUT /api/v1/resume: the student's own; GET /api/v1/resume/{id}: read-only, for the
student or their counselor (same school). 401 anonymous, 403 not allowed, 404 unknown,
400 a document that is not a valid, bounded JSON Resume (the message says where).
"""

from typing import Any

from django.http import HttpRequest
from ninja import Body, Router
from ninja.errors import HttpError
from ninja.security import django_auth

from pathways.api.v1.schemas import Error
from pathways.resumes import services
from pathways.resumes.documents import ResumeError
from pathways.resumes.models import Resume

router = Router(tags=["resume"], auth=django_auth)
ERRORS = {400: Error, 401: Error, 403: Error, 404: Error}


def _own(request: HttpRequest) -> Resume:
    if not request.user.has_perm("resumes.add_resume"):
        raise HttpError(403, "The resume is for student accounts; yours is not one.")
    return services.resume_for(request.user)


@router.get("", response={200: dict[str, Any], **ERRORS}, summary="My resume (JSON Resume)")
def my_resume(request: HttpRequest) -> dict[str, Any]:
    return _own(request).document


@router.put("", response={200: dict[str, Any], **ERRORS}, summary="Replace my resume")
def replace_resume(request: HttpRequest, document: Body[dict[str, Any]]) -> dict[str, Any]:
    resume = _own(request)
    try:
        services.replace_document(resume, document)
    except ResumeError as exc:
        raise HttpError(400, str(exc)) from exc
    return resume.document


@router.get("/{resume_id}", response={200: dict[str, Any], **ERRORS}, summary="A resume, read-only")
def student_resume(request: HttpRequest, resume_id: int) -> dict[str, Any]:
    resume = Resume.objects.select_related("owner").filter(pk=resume_id).first()
    if resume is None:
        raise HttpError(404, f"No resume {resume_id}.")
    if not request.user.has_perm("resumes.view_resume", resume):
        raise HttpError(403, "Only the student and their school counselor see this resume.")
    return resume.document
