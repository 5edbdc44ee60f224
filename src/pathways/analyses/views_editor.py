"""Staff pages: the editor's list, writing and previewing an analysis, the workflow steps
(submit, publish, return) and the media editor. Access is asked of accounts/rules.py."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.core.cache import bump_content_version

from . import services, workflow
from .forms import AnalysisForm, MediaForm, ReturnForm
from .models import Analysis, MediaEntry
from .rendering import render_body


def _require(request: HttpRequest, permission: str, obj: Any = None, reason: str = "") -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(reason or _("Your account may not do this."))


def _errors(form: BaseForm) -> list[dict[str, str]]:
    """The form's problems for the error summary, each linked to its field."""
    found: list[dict[str, str]] = []
    for name, errors in form.errors.items():
        href = f"#{form[name].auto_id}" if name in form.fields else "#"
        found.extend({"href": href, "text": str(error)} for error in errors)
    return found


def _analysis(request: HttpRequest, slug: str) -> Analysis:
    analysis = Analysis.objects.visible_to(request.user).filter(slug=slug).first()
    if analysis is None:
        raise Http404(_("No analysis has this address."))
    return analysis


def editor(request: HttpRequest) -> HttpResponse:
    _require(
        request, "analyses.view_editor", reason=_("The editor is for state and district staff.")
    )
    context = {
        "analyses": services.editor_analyses(request.user)[:200],
        "media": MediaEntry.objects.all()[:100]
        if request.user.has_perm("analyses.manage_media")
        else [],
    }
    return render(request, "analyses/editor.html", context)


def analysis_form(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Create (no slug) or edit an analysis; "Preview" shows it rendered without saving."""
    analysis = _analysis(request, slug) if slug else None
    if analysis is None:
        _require(
            request,
            "analyses.add_analysis",
            reason=_("Only state and district staff write analyses."),
        )
    else:
        _require(
            request, "analyses.change_analysis", analysis, _("This analysis cannot be changed now.")
        )
    form = AnalysisForm(request.POST or None, instance=analysis)
    preview = preview_es = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = render_body(form.cleaned_data["body"])
            if form.cleaned_data["body_es"].strip():
                preview_es = render_body(form.cleaned_data["body_es"], "figure-es")
        else:
            saved = form.save(commit=False)
            if analysis is None:
                saved.author = request.user  # type: ignore[assignment]
            saved.save()
            messages.success(request, _("Saved."))
            return redirect("analyses:detail", saved.slug)
    status = 400 if request.method == "POST" and form.errors else 200
    context = {
        "form": form,
        "analysis": analysis,
        "preview": preview,
        "preview_es": preview_es,
        "errors": _errors(form),
    }
    return render(request, "analyses/analysis_form.html", context, status=status)


@require_POST
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    analysis = _analysis(request, slug)
    try:
        workflow.submit(analysis, request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("analyses:edit", slug)
    messages.success(request, _("Submitted for review."))
    return redirect("analyses:detail", slug)


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    analysis = _analysis(request, slug)
    try:
        workflow.publish(analysis, request.user)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
        return redirect("analyses:detail", slug)
    messages.success(request, _("Published."))
    return redirect("analyses:detail", slug)


@require_POST
def return_to_draft(request: HttpRequest, slug: str) -> HttpResponse:
    analysis = _analysis(request, slug)
    form = ReturnForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    workflow.return_to_draft(analysis, request.user, comment)
    messages.success(request, _("Returned to draft."))
    return redirect("analyses:detail", slug)


def media_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require(
        request, "analyses.manage_media", reason=_("Only the state adds podcasts and trainings.")
    )
    entry = MediaEntry.objects.filter(pk=pk).first() if pk else None
    if pk and entry is None:
        raise Http404(_("No media entry has this number."))
    form = MediaForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if entry is None:
            saved.created_by = request.user  # type: ignore[assignment]
        saved.save()
        bump_content_version()  # region pages and the list show it
        messages.success(request, _("Saved."))
        return redirect("analyses:media", saved.pk)
    status = 400 if request.method == "POST" and form.errors else 200
    context = {"form": form, "entry": entry, "errors": _errors(form)}
    return render(request, "analyses/media_form.html", context, status=status)
