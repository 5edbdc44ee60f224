"""An employer's sign-up and the staff queue of employer accounts to approve."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.accounts.models import User

from . import employers
from .forms import DecisionForm, EmployerSignupForm, error_list


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = EmployerSignupForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            employers.sign_up(form.cleaned_data, translation.get_language() or "en")
            return redirect("opportunities:signup_done")
        context = {"form": form, "errors": error_list(form)}
        return render(request, "opportunities/signup.html", context, status=400)
    return render(request, "opportunities/signup.html", {"form": form})


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "opportunities/signup_done.html")


@login_required
def employer_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("opportunities.review_employers"):
        raise PermissionDenied(_("District coordinators and state staff approve employers."))
    context = {"accounts": employers.reviewable_employers(request.user)}
    return render(request, "opportunities/employer_queue.html", context)


@login_required
@require_POST
def employer_decide(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User.objects.select_related("employer_profile"), pk=pk)
    if not request.user.has_perm("opportunities.approve_employer", account):
        raise PermissionDenied(_("This account is not waiting for your decision."))
    form = DecisionForm(request.POST)
    if not form.is_valid():
        context = {
            "accounts": employers.reviewable_employers(request.user),
            "errors": error_list(form),
        }
        return render(request, "opportunities/employer_queue.html", context, status=400)
    approve = form.cleaned_data["decision"] == "approve"
    profile = employers.decide(request.user, account, approve, form.cleaned_data["comment"])
    name = profile.organization
    if approve:
        messages.success(request, _("%(name)s may now sign in and post.") % {"name": name})
    else:
        messages.info(request, _("%(name)s was not approved.") % {"name": name})
    return redirect("opportunities:employer_queue")
