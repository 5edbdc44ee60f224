"""Admin for the programs catalogue and programs of study, with their audit history.

The status of a program changes only through the workflow (workflow.submit / approve /
return_for_changes), here as admin actions, so the audit log records each step.
"""

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import workflow
from .models import (
    Course,
    Credential,
    PostsecondaryProgram,
    ProgramCourse,
    ProgramOfStudy,
    WorkBasedLearning,
)


@admin.register(Course)
class CourseAdmin(SimpleHistoryAdmin):
    list_display = ["state_code", "title", "credits", "grade_min", "grade_max"]
    search_fields = ["state_code", "title"]


@admin.register(PostsecondaryProgram)
class PostsecondaryProgramAdmin(admin.ModelAdmin):
    list_display = ["title", "institution", "cip_code", "award"]
    search_fields = ["title", "institution", "cip_code"]


@admin.register(Credential)
class CredentialAdmin(admin.ModelAdmin):
    list_display = ["name", "issuer"]
    search_fields = ["name", "issuer"]


class ProgramCourseInline(admin.TabularInline):
    model = ProgramCourse
    extra = 0
    autocomplete_fields = ["course"]
    ordering = ["position"]


class WorkBasedLearningInline(admin.TabularInline):
    model = WorkBasedLearning
    extra = 0


@admin.register(ProgramOfStudy)
class ProgramOfStudyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "district", "subcluster", "status", "is_demonstration", "updated_at"]
    list_filter = ["status", "is_demonstration", "subcluster__cluster"]
    search_fields = ["title", "district__name"]
    autocomplete_fields = ["postsecondary_programs", "credentials"]
    readonly_fields = ["status", "review_comment", "created_at", "updated_at"]
    inlines = [ProgramCourseInline, WorkBasedLearningInline]
    actions = ["approve_selected"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProgramOfStudy]:
        return super().get_queryset(request).select_related("district", "subcluster")

    @admin.action(description=_("Approve the selected submitted programs"))
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        approved = 0
        for program in queryset:
            try:
                workflow.approve(program, request.user)
            except (workflow.WorkflowError, PermissionDenied) as error:
                self.message_user(request, f"{program}: {error}", messages.WARNING)
            else:
                approved += 1
        if approved:
            self.message_user(
                request,
                _("%(count)d program(s) approved.") % {"count": approved},
                messages.SUCCESS,
            )
