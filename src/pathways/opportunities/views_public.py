"""Public pages: the list of open postings with its filters and a posting's page; for a
student, saving and applying."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import applications, browse, postings
from .forms import ApplicationForm, OpportunityFilterForm
from .models import Application, Opportunity
from .text import render_description

PAGE_SIZE = 20


def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None, occupations=browse.occupation_choices())
    found = browse.open_postings()
    status = 200
    if form.is_bound:
        if form.is_valid():
            found = browse.filtered(found, form.cleaned_data)
        else:
            status = 400
            found = found.none()
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "postings": page.object_list,
        "filtered": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
        "query": query.urlencode(),
    }
    return render(request, "opportunities/list.html", context, status=status)


def visible_posting(request: HttpRequest, pk: int) -> Opportunity:
    """The posting if the user may see it; 404 otherwise (a closed or waiting posting's
    existence is nobody else's business)."""
    posting = get_object_or_404(
        Opportunity.objects.select_related(
            "district__county__region", "cluster", "posted_by__employer_profile"
        ),
        pk=pk,
    )
    if not request.user.has_perm("opportunities.view_opportunity", posting):
        raise Http404
    return posting


def opportunity_detail(
    request: HttpRequest, pk: int, form: ApplicationForm | None = None, status: int = 200
) -> HttpResponse:
    posting = visible_posting(request, pk)
    user = request.user
    context = {
        "posting": posting,
        "description": render_description(posting.description),
        "occupations": postings.occupations_of(posting),
        "can_save": user.has_perm("opportunities.save_opportunity"),
        "is_saved": user.is_authenticated and posting.saves.filter(student=user).exists(),
        "can_apply": user.has_perm("opportunities.apply_opportunity", posting),
        "has_applied": applications.has_applied(user, posting),
        "can_close": posting.status != Opportunity.Status.CLOSED
        and user.has_perm("opportunities.close_opportunity", posting),
        "can_review": user.has_perm("opportunities.moderate_opportunity", posting),
        "can_see_applications": user.has_perm("opportunities.view_posting_applications", posting),
        "form": form or ApplicationForm(),
    }
    return render(request, "opportunities/detail.html", context, status=status)


@login_required
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    posting = visible_posting(request, pk)
    if applications.toggle_saved(request.user, posting):
        messages.success(request, _("Saved. Find it again under “My opportunities”."))
    else:
        messages.info(request, _("Removed from your saved opportunities."))
    return redirect("opportunities:detail", pk=posting.pk)


@login_required
@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    posting = visible_posting(request, pk)
    if not request.user.has_perm("opportunities.apply_opportunity", posting):
        raise PermissionDenied(_("Students apply here to open postings that take applications."))
    form = ApplicationForm(request.POST)
    if not form.is_valid():
        return opportunity_detail(request, pk, form=form, status=400)
    try:
        applications.apply(request.user, posting, form.cleaned_data["message"])
    except applications.AlreadyApplied:
        form.add_error(None, _("You have applied to this posting already."))
        return opportunity_detail(request, pk, form=form, status=409)
    messages.success(request, _("Your application was sent."))
    return redirect("opportunities:detail", pk=posting.pk)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """A student's saved postings and the applications they sent."""
    if not request.user.has_perm("opportunities.save_opportunity"):
        raise PermissionDenied(_("Saved opportunities are for student accounts."))
    sent = Application.objects.visible_to(request.user).select_related("opportunity")
    context = {
        "saved": applications.saved_postings(request.user),
        "sent": sent.filter(student_id=request.user.pk),
    }
    return render(request, "opportunities/mine.html", context)
