"""The plan pages: a student's own plan (edit, sign, invite a parent), the same page for
their counselor, and the print view and PDF. Thin: services do the work; who may do what
is accounts/rules.py (`plans.*`), refused with PermissionDenied (403)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.accounts.models import ClassCodeJoin
from pathways.core.school_years import current_school_year
from pathways.programs.models import ProgramOfStudy
from pathways.students.models import StudentYear

from . import output
from .forms import PlanForm, SignForm, apply_initial_courses, initial_from
from .models import GRADES, NextStepPlan, PlanReminder
from .parents import issue_link
from .presenting import present, saved_careers
from .versions import PlanError, display_name, plan_for, save_content, sign

LANGUAGES = ("en", "es")


def _plan(request: HttpRequest, plan_id: int, permission: str) -> NextStepPlan:
    plan = NextStepPlan.objects.select_related("student__school").filter(pk=plan_id).first()
    if plan is None:
        raise Http404(_("There is no Next Step Plan with that number."))
    if not request.user.has_perm(permission, plan):
        raise PermissionDenied(_("This plan belongs to a student outside your caseload."))
    return plan


def _grade_from_records(student: Any) -> int:
    """The grade the student's district last reported, else the grade of the class code
    they joined with, within 8-12; 9 when neither says."""
    grade = (
        StudentYear.objects.filter(student_id=student.student_id)
        .order_by("-school_year")
        .values_list("grade_level", flat=True)
        .first()
        if student.student_id
        else None
    )
    if grade is None:
        grade = (
            ClassCodeJoin.objects.filter(account_id=student.pk)
            .values_list("class_code__grade", flat=True)
            .first()
        )
    return grade if grade is not None and grade in GRADES else 9


def _stored_program(plan: NextStepPlan | None) -> ProgramOfStudy | None:
    version = plan.latest_version() if plan else None
    program = (version.content.get("program") or {}) if version else {}
    program_id = program.get("id")
    return ProgramOfStudy.objects.filter(pk=program_id).first() if program_id else None


def _form(request: HttpRequest, student: Any, plan: NextStepPlan | None) -> PlanForm:
    program = _stored_program(plan)
    saved = saved_careers(student)
    if request.method == "POST":
        return PlanForm(request.POST, student=student, saved=saved, program=program)
    version = plan.latest_version() if plan else None
    grade = plan.grade if plan else _grade_from_records(student)
    initial = initial_from(version.content if version else {}, grade, plan.adult if plan else False)
    form = PlanForm(initial=initial, student=student, saved=saved, program=program)
    if version:
        apply_initial_courses(form, version.content)
    return form


def _plan_page(request: HttpRequest, student: Any, plan: NextStepPlan | None) -> HttpResponse:
    user = request.user
    may_edit = user.has_perm("plans.change_plan", plan or student)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied(_("You may read this plan but not change it."))
    form = _form(request, student, plan) if may_edit else None
    if request.method == "POST" and form is not None:
        if form.is_valid():
            return _save(request, student, plan, form)
        messages.error(request, _("The plan was not saved: correct the fields marked below."))
    context = {
        "student": student,
        "plan": plan,
        "page": present(plan, with_saved=True) if plan else None,
        "form": form,
        "school_year": plan.school_year if plan else current_school_year(),
        "own": student.pk == user.pk,
        "can_sign_student": plan is not None and user.has_perm("plans.sign_as_student", plan),
        "can_sign_counselor": plan is not None and user.has_perm("plans.sign_as_counselor", plan),
        "can_invite": plan is not None and user.has_perm("plans.invite_parent", plan),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/plan.html", context, status=status)


def _save(
    request: HttpRequest, student: Any, plan: NextStepPlan | None, form: PlanForm
) -> HttpResponse:
    data = form.cleaned_data
    plan = plan or plan_for(student, current_school_year(), data["grade"])
    if (plan.grade, plan.adult) != (data["grade"], data["adult"]):
        plan.grade, plan.adult = data["grade"], data["adult"]
        plan.save(update_fields=["grade", "adult", "updated_at"])
    version = save_content(plan, form.content(), request.user)
    if version is None:
        messages.info(request, _("Nothing changed, so no new version was made."))
    elif version.number > 1:
        messages.success(
            request,
            _(
                "Saved as version %(number)d. Signatures on earlier versions stay with them; "
                "this version needs signing again."
            )
            % {"number": version.number},
        )
    else:
        messages.success(request, _("Your plan is saved. Sign it when it is ready."))
    return redirect(_plan_url(request, plan))


def _plan_url(request: HttpRequest, plan: NextStepPlan) -> str:
    if plan.student_id == request.user.pk:
        return reverse("plans:mine")
    return reverse("plans:plan", args=[plan.pk])


@login_required
def my_plan(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("plans.add_plan"):
        if user.has_perm("plans.view_caseload"):
            return redirect("plans:caseload")
        raise PermissionDenied(_("The Next Step Plan is for student accounts."))
    plan = NextStepPlan.objects.filter(
        student_id=user.pk, school_year=current_school_year()
    ).first()
    return _plan_page(request, user, plan)


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    return _plan_page(request, plan.student, plan)


@login_required
@require_POST
def sign_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    role = request.POST.get("role", "")
    permissions = {"student": "plans.sign_as_student", "counselor": "plans.sign_as_counselor"}
    if role not in permissions:
        return HttpResponseBadRequest(_("Sign as the student or as the counselor."))
    if not request.user.has_perm(permissions[role], plan):
        raise PermissionDenied(_("You may not sign this plan in that role."))
    form = SignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to say you have read the plan, then sign."))
        return redirect(_plan_url(request, plan))
    try:
        sign(plan, role, display_name(request.user), request.user, form.cleaned_data["version"])
    except PlanError as error:
        messages.error(request, str(error))
        return redirect(_plan_url(request, plan))
    messages.success(request, _("Signed."))
    return redirect(_plan_url(request, plan))


@login_required
@require_POST
def parent_link(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    language = request.POST.get("language", "en")
    if language not in LANGUAGES:
        return HttpResponseBadRequest(_("Choose English or Spanish for the parent's page."))
    try:
        link, code = issue_link(plan, request.user, language)
    except PlanError as error:
        messages.error(request, str(error))
        return redirect(_plan_url(request, plan))
    with translation.override(language):
        address = request.build_absolute_uri(reverse("plans:parent", args=[link.token]))
    context = {"plan": plan, "link": link, "address": address, "code": code}
    return render(request, "plans/parent_link.html", context)


def _language(request: HttpRequest) -> str:
    language = request.GET.get("lang") or translation.get_language() or "en"
    if language not in LANGUAGES:
        raise output.BadLanguage(_("The plan is printed in English (en) or Spanish (es)."))
    return language


@login_required
def print_plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    try:
        language = _language(request)
    except output.BadLanguage as error:
        return HttpResponseBadRequest(str(error))
    return HttpResponse(output.document_html(plan, language, for_pdf=False))


@login_required
def plan_pdf(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = _plan(request, plan_id, "plans.view_plan")
    try:
        language = _language(request)
    except output.BadLanguage as error:
        return HttpResponseBadRequest(str(error))
    response = HttpResponse(output.pdf(plan, language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="next-step-plan-{plan.school_year}.pdf"'
    return response


@login_required
@require_POST
def dismiss_reminder(request: HttpRequest, reminder_id: int) -> HttpResponse:
    from django.utils import timezone

    updated = PlanReminder.objects.filter(pk=reminder_id, student_id=request.user.pk).update(
        dismissed_at=timezone.now()
    )
    if not updated:
        raise Http404(_("There is no such reminder on your dashboard."))
    return redirect("accounts:dashboard")
