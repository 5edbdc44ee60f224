"""Counselors, coordinators and the state link student accounts to state student IDs, so a
student sees their own course records. The rules are accounts.link_student_account(s)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.accounts.models import User
from pathways.accounts.rules import student_accounts_linkable_by

from .account_links import LinkRefused, link_student_id

SHOWN = 200


@login_required
def link_accounts(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("accounts.link_student_accounts"):
        raise PermissionDenied(_("Linking student accounts is for district and state staff."))
    accounts = student_accounts_linkable_by(request.user).filter(is_active=True)
    accounts = accounts.select_related("class_code_join").order_by(
        "student_id", "last_name", "first_name"
    )[:SHOWN]
    return render(request, "students/link_accounts.html", {"accounts": accounts})


@login_required
@require_POST
def link_account(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    if not request.user.has_perm("accounts.link_student_account", account):
        raise PermissionDenied(_("You may not link this account."))
    try:
        link_student_id(request.user, account, request.POST.get("student_id", ""))
    except LinkRefused as refused:
        context = {"accounts": [account], "error": str(refused), "error_for": account.pk}
        return render(request, "students/link_accounts.html", context, status=400)
    messages.success(
        request,
        _("%(name)s's account is saved.")
        % {"name": account.get_full_name() or account.get_username()},
    )
    # Confirming from a class code's page (accounts/class_codes/detail.html) returns there.
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("students:link_accounts")
