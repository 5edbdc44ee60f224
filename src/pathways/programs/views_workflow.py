"""The staff workflow pages: submit, revise, withdraw, the state review and the audit log.
Access is decided as in `views_editor`: a hidden program is a 404, a forbidden step a 403."""

from collections.abc import Iterable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import history, workflow
from .forms import ReviewForm
from .views_editor import editor_context, error_summary, get_program, render_form, staff_view
from .views_public import program_context


@staff_view
def program_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: a page to confirm the submission (no script needed); POST: submit."""
    program = get_program(request, pk)
    if request.method != "POST":
        if not request.user.has_perm("programs.submit_programofstudy", program):
            raise PermissionDenied(_("You do not have permission to do that."))
        context = {**program_context(request, program), "step": "submit"}
        return render_form(request, "programs/submit_confirm.html", context)
    try:
        workflow.submit(program, request.user)
    except workflow.WorkflowError as error:
        _flash(request, error.message, error.problems)
    else:
        messages.success(request, _("Submitted for approval. The state will review it."))
    return redirect("programs:detail", pk=program.pk)


@require_POST
@staff_view
def program_revise(request: HttpRequest, pk: int) -> HttpResponse:
    """Start a revision of an approved program; the approved one stays in force."""
    program = get_program(request, pk)
    revision = workflow.start_revision(program, request.user)
    messages.success(
        request,
        _("Revision started. The approved version stays public until the state approves this one."),
    )
    return redirect("programs:detail", pk=revision.pk)


@require_POST
@staff_view
def program_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program(request, pk)
    try:
        workflow.withdraw(program, request.user)
    except workflow.WorkflowError as error:
        _flash(request, error.message, error.problems)
    else:
        messages.success(request, _("Submission withdrawn. The program is a draft again."))
    return redirect("programs:detail", pk=program.pk)


def _flash(request: HttpRequest, message: str, problems: Iterable[str]) -> None:
    messages.error(request, " ".join([message, *problems]))


@staff_view
def program_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The state's review: approve, or return to the district with a comment."""
    program = get_program(request, pk)
    if not request.user.has_perm("programs.review_programofstudy", program):
        raise PermissionDenied(_("Only the state reviews programs, and only submitted ones."))
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        try:
            if action == "approve":
                workflow.approve(program, request.user)
                messages.success(request, _("Approved. The program is now public."))
            elif action == "return":
                workflow.return_for_changes(program, request.user, form.cleaned_data["comment"])
                messages.success(request, _("Returned to the district with your comment."))
            else:
                raise workflow.WorkflowError(_("Choose approve or return."))
        except workflow.WorkflowError as error:
            field = "comment" if action == "return" else None
            form.add_error(field, " ".join([error.message, *error.problems]))
        else:
            return redirect("programs:dashboard")
    context = {
        **program_context(request, program),
        "form": form,
        "errors": error_summary(form),
        "step": "review",
    }
    return render_form(request, "programs/review.html", context)


@staff_view
def program_history(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_program(request, pk)
    if not history.may_view_history(request.user, program):
        raise PermissionDenied(_("The audit log is for district and state program staff."))
    context = {
        **editor_context(program, request.user, "history"),
        "entries": history.program_history(program),
    }
    return render(request, "programs/history.html", context)
