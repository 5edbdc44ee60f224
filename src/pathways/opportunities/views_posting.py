"""Posters' pages: a new posting, my postings, closing one, the applications sent to
them; reviewers' queue of employers' postings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import applications, postings
from .forms import DecisionForm, OpportunityForm, error_list
from .models import Opportunity
from .views_public import visible_posting


@login_required
def create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.add_opportunity"):
        raise PermissionDenied(_("Approved employers and district or state staff post here."))
    initial = {"district": getattr(request.user, "district_id", None)}
    profile = getattr(request.user, "employer_profile", None)
    if profile is not None:
        initial["organization"] = profile.organization
    form = OpportunityForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            posting = postings.create(request.user, form)
            if posting.status == Opportunity.Status.PUBLISHED:
                messages.success(request, _("Your posting is published."))
            else:
                messages.success(
                    request, _("Thank you. Your posting will appear once staff review it.")
                )
            return redirect("opportunities:detail", pk=posting.pk)
        context = {"form": form, "errors": error_list(form)}
        return render(request, "opportunities/form.html", context, status=400)
    return render(request, "opportunities/form.html", {"form": form})


@login_required
def own(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.view_own_postings"):
        raise PermissionDenied(_("This page lists postings by employers and staff."))
    context = {
        "postings": postings.own_postings(request.user),
        "can_post": request.user.has_perm("opportunities.add_opportunity"),
    }
    return render(request, "opportunities/own.html", context)


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    posting = visible_posting(request, pk)
    postings.close(request.user, posting)
    messages.success(request, _("The posting is closed."))
    return redirect("opportunities:detail", pk=posting.pk)


@login_required
def posting_applications(request: HttpRequest, pk: int) -> HttpResponse:
    posting = visible_posting(request, pk)
    if not request.user.has_perm("opportunities.view_posting_applications", posting):
        raise PermissionDenied(_("Only the poster and the district's staff read applications."))
    context = {
        "posting": posting,
        "applications": applications.applications_for(request.user, posting),
    }
    return render(request, "opportunities/applications.html", context)


@login_required
def all_applications(request: HttpRequest) -> HttpResponse:
    context = {"posting": None, "applications": applications.applications_for(request.user)}
    return render(request, "opportunities/applications.html", context)


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    queue = postings.moderation_queue(request.user)
    return render(request, "opportunities/review_queue.html", {"queue": queue})


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(Opportunity.objects.select_related("district"), pk=pk)
    if not request.user.has_perm("opportunities.moderate_opportunity", posting):
        raise PermissionDenied(_("This posting is not waiting for your review."))
    form = DecisionForm(request.POST)
    if not form.is_valid():
        queue = postings.moderation_queue(request.user)
        context = {"queue": queue, "errors": error_list(form)}
        return render(request, "opportunities/review_queue.html", context, status=400)
    approve = form.cleaned_data["decision"] == "approve"
    postings.review(request.user, posting, approve, form.cleaned_data["comment"])
    if approve:
        messages.success(request, _("“%(title)s” is published.") % {"title": posting.title})
    else:
        messages.info(request, _("“%(title)s” was not published.") % {"title": posting.title})
    return redirect("opportunities:review_queue")
