"""The staff editor: my programs, the program form, its course sequence, what it leads to
and work-based learning, plus the helpers every staff page shares. Submission, the state
review and the audit log are in `views_workflow`.

Every page works without JavaScript: "add another" buttons save and re-render with one
more empty row. Access is decided by accounts/rules.py through `user.has_perm`; a program
the user may not see is a 404, one they may see but not change is a 403.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from pathways.geography.models import District

from . import errors, history, sequence, workflow
from .forms import (
    MAX_ROWS,
    LinksForm,
    ProgramForm,
    sequence_formset,
    sequence_initial,
    wbl_formset,
)
from .forms_catalogue import CourseForm, CredentialForm, PostsecondaryProgramForm
from .models import Course, ProgramOfStudy

Status = ProgramOfStudy.Status
View = Callable[..., HttpResponse]
# The order a dashboard lists statuses in: what needs the user's attention first.
STATUS_ORDER = [Status.RETURNED, Status.DRAFT, Status.SUBMITTED, Status.APPROVED]


def staff_view(view: View) -> View:
    """Signed-in users only (others go to sign in); a PermissionDenied the view raises
    becomes the site's 403 page, which says why."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            try:
                return redirect_to_login(request.get_full_path())
            except NoReverseMatch:  # no sign-in page is configured
                raise PermissionDenied(_("Sign in to use the program editor.")) from None
        return view(request, *args, **kwargs)

    return wrapper


def get_program(request: HttpRequest, pk: int, permission: str | None = None) -> ProgramOfStudy:
    """The program, 404 unless the user may view it, 403 unless they also have `permission`."""
    program = get_object_or_404(
        ProgramOfStudy.objects.select_related("district", "subcluster__cluster"), pk=pk
    )
    if not request.user.has_perm("programs.view_programofstudy", program):
        raise Http404
    if permission and not request.user.has_perm(permission, program):
        raise PermissionDenied(_("You cannot change this program at its current stage."))
    return program


def error_summary(*items: Any) -> list[dict[str, str]]:
    """Every error on the page, each linked to its field, for the summary at the top."""
    summary: list[dict[str, str]] = []
    for item in items:
        if item is None or not item.is_bound:
            continue
        if isinstance(item, forms.BaseFormSet):
            for error in item.non_form_errors():
                summary.append({"href": f"#{item.prefix}-fieldset", "text": str(error)})
            for number, form in enumerate(item.forms, start=1):
                row = _("Row %(number)d") % {"number": number}
                summary += _form_errors(form, row)
        else:
            summary += _form_errors(item, "")
    return summary


def _form_errors(form: forms.BaseForm, row: str) -> list[dict[str, str]]:
    found = []
    first = next(iter(form), None)
    for error in form.non_field_errors():
        href = f"#{first.auto_id}" if first is not None else "#main"
        found.append({"href": href, "text": " · ".join(filter(None, [row, str(error)]))})
    for bound in form:
        for error in bound.errors:
            anchor = f"{bound.auto_id}_0" if bound.use_fieldset else bound.auto_id
            text = " · ".join(filter(None, [row, str(bound.label), str(error)]))
            found.append({"href": f"#{anchor}", "text": text})
    return found


def render_form(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A page with a form; 400 when it shows errors from a POST."""
    status = 400 if request.method == "POST" and context.get("errors") else 200
    return render(request, template, context, status=status)


def _blank_rows(request: HttpRequest, default: int) -> int:
    try:
        return max(1, min(int(request.GET.get("blank", default)), MAX_ROWS))
    except ValueError:
        return default


def _again(request: HttpRequest, blank: int) -> HttpResponseRedirect:
    """Back to the same page with `blank` empty rows (the "add another" buttons)."""
    return redirect(f"{request.path}?{urlencode({'blank': blank})}#last-row")


def editor_context(program: ProgramOfStudy | None, user: Any, step: str) -> dict[str, Any]:
    return {
        "program": program,
        "step": step,
        "can_change": program is not None
        and user.has_perm("programs.change_programofstudy", program),
        "can_view_history": program is not None and history.may_view_history(user, program),
    }


# ---------------------------------------------------------------- my programs


@staff_view
def dashboard(request: HttpRequest) -> HttpResponse:
    """Coordinators: their district's programs by status. Counselors: the same, read-only.
    State administrators: every program, and the queue of programs waiting for review."""
    user: Any = request.user
    programs = ProgramOfStudy.objects.visible_to(user).select_related(
        "district", "subcluster__cluster"
    )
    district_choice = None
    if user.district_id:
        programs = programs.filter(district_id=user.district_id)
    else:
        district_choice = request.GET.get("district") or ""
        if district_choice:
            programs = programs.filter(district_id=district_choice)
    programs = programs.order_by("title")
    groups: dict[str, list[ProgramOfStudy]] = {status: [] for status in STATUS_ORDER}
    for program in programs:
        program.can_change = user.has_perm(  # type: ignore[attr-defined]
            "programs.change_programofstudy", program
        )
        groups[program.status].append(program)
    queue = [
        p for p in groups[Status.SUBMITTED] if user.has_perm("programs.review_programofstudy", p)
    ]
    labels = dict(Status.choices)
    context = {
        "groups": [(status, labels[status], groups[status]) for status in STATUS_ORDER],
        "queue": queue,
        "can_add": user.has_perm("programs.add_programofstudy"),
        "total": sum(len(g) for g in groups.values()),
        "district": user.district,
        "district_choice": district_choice,
        "districts": District.objects.order_by("name") if district_choice is not None else [],
    }
    return render(request, "programs/dashboard.html", context)


# ---------------------------------------------------------------- the program's details


@staff_view
def program_create(request: HttpRequest) -> HttpResponse:
    errors.require(request.user, "programs.add_programofstudy")
    form = ProgramForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        program = form.save(commit=False)
        program._change_reason = "created"
        try:
            with transaction.atomic():
                program.save()
                form.save_m2m()
        except IntegrityError:
            form.add_error("title", _("A program with this title already exists in the district."))
        else:
            messages.success(request, _("Program created. Now add its courses."))
            return redirect("programs:sequence", pk=program.pk)
    context = {
        **editor_context(None, request.user, "details"),
        "form": form,
        "errors": error_summary(form),
    }
    return render_form(request, "programs/program_form.html", context)


@staff_view
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program(request, pk, "programs.change_programofstudy")
    form = ProgramForm(request.POST or None, instance=program, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            form.add_error("title", _("A program with this title already exists in the district."))
        else:
            messages.success(request, _("Program details saved."))
            return redirect("programs:edit", pk=program.pk)
    context = {
        **editor_context(program, request.user, "details"),
        "form": form,
        "errors": error_summary(form),
    }
    return render_form(request, "programs/program_form.html", context)


# ---------------------------------------------------------------- the course sequence


@staff_view
def sequence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program(request, pk, "programs.change_programofstudy")
    can_add_course = request.user.has_perm("programs.change_catalogue")
    course_form = CourseForm() if can_add_course else None
    initial = sequence_initial(program)
    blank = _blank_rows(request, max(2, 4 - len(initial)))
    formset = sequence_formset(blank)(initial=initial, prefix="course")

    if request.method == "POST" and request.POST.get("form") == "new-course":
        errors.require(request.user, "programs.change_catalogue")
        course_form = CourseForm(request.POST)
        if course_form.is_valid():
            course = course_form.save()
            messages.success(
                request,
                _("%(course)s is now in the catalogue; add it to the sequence below.")
                % {"course": course},
            )
            return redirect("programs:sequence", pk=program.pk)
    elif request.method == "POST":
        formset = sequence_formset(0)(request.POST, initial=initial, prefix="course")
        if formset.is_valid():
            try:
                sequence.set_sequence(program, formset.rows(), request.user)
            except workflow.WorkflowError as error:
                formset.non_form_errors().append(error.message)
            else:
                if "add_row" in request.POST:
                    empty = sum(1 for f in formset.forms if not f.cleaned_data.get("course"))
                    return _again(request, empty + 1)
                messages.success(request, _("Course sequence saved."))
                return redirect("programs:sequence", pk=program.pk)

    context = {
        **editor_context(program, request.user, "courses"),
        "formset": formset,
        "course_form": course_form,
        "catalogue": Course.objects.order_by("state_code"),
        "problems": sequence.validate_sequence(program),
        "errors": error_summary(formset, course_form),
    }
    return render_form(request, "programs/sequence_form.html", context)


# ---------------------------------------------------------------- what it leads to


@staff_view
def links_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Postsecondary programs and credentials, and new catalogue entries for either."""
    program = get_program(request, pk, "programs.change_programofstudy")
    can_add = request.user.has_perm("programs.change_catalogue")
    links_form = LinksForm(instance=program)
    postsecondary_form = PostsecondaryProgramForm() if can_add else None
    credential_form = CredentialForm() if can_add else None
    action = request.POST.get("form") if request.method == "POST" else None

    if action == "links":
        links_form = LinksForm(request.POST, instance=program)
        if links_form.is_valid():
            links_form.save()
            messages.success(request, _("What the program leads to is saved."))
            return redirect("programs:links", pk=program.pk)
    elif action in ("postsecondary", "credential"):
        errors.require(request.user, "programs.change_catalogue")
        form_class = PostsecondaryProgramForm if action == "postsecondary" else CredentialForm
        new_form = form_class(request.POST)
        if new_form.is_valid():
            entry = new_form.save()
            if action == "postsecondary":
                program.postsecondary_programs.add(entry)
            else:
                program.credentials.add(entry)
            messages.success(
                request, _("%(entry)s is in the catalogue and attached.") % {"entry": entry}
            )
            return redirect("programs:links", pk=program.pk)
        if action == "postsecondary":
            postsecondary_form = new_form  # type: ignore[assignment]
        else:
            credential_form = new_form  # type: ignore[assignment]

    context = {
        **editor_context(program, request.user, "links"),
        "links_form": links_form,
        "postsecondary_form": postsecondary_form,
        "credential_form": credential_form,
        "errors": error_summary(links_form, postsecondary_form, credential_form),
    }
    return render_form(request, "programs/links_form.html", context)


@staff_view
def wbl_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program(request, pk, "programs.change_programofstudy")
    existing = program.work_based_learning.count()
    blank = _blank_rows(request, 1 if existing else 2)
    formset = wbl_formset(blank)(instance=program, prefix="wbl")
    if request.method == "POST":
        formset = wbl_formset(0)(request.POST, instance=program, prefix="wbl")
        if formset.is_valid():
            formset.save()
            if "add_row" in request.POST:
                empty = sum(1 for f in formset.extra_forms if not f.has_changed())
                return _again(request, empty + 1)
            messages.success(request, _("Work-based learning saved."))
            return redirect("programs:wbl", pk=program.pk)
    context = {
        **editor_context(program, request.user, "wbl"),
        "formset": formset,
        "errors": error_summary(formset),
    }
    return render_form(request, "programs/wbl_form.html", context)
