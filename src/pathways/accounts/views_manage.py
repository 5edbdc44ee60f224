"""The user pages: the state administrator manages every account, a district coordinator
their district's counselors and students. Every decision is a rule in accounts/rules.py;
a refusal is PermissionDenied (403), an unknown account 404, bad input 400 with the reasons.
Accounts are deactivated, never deleted, and every change is in the account's history."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pathways.accounts import invitations
from pathways.accounts.forms_manage import AccountChangeForm, InviteForm
from pathways.accounts.models import Role, User
from pathways.accounts.rules import accounts_managed_by

HISTORY_SHOWN = 50
PER_PAGE = 100


def _require_manager(request: HttpRequest) -> None:
    if not request.user.has_perm("accounts.manage_users"):
        raise PermissionDenied(_("Managing accounts is for state administrators and coordinators."))


def _managed_account(request: HttpRequest, pk: int) -> User:
    _require_manager(request)
    account = get_object_or_404(User, pk=pk)
    if not request.user.has_perm("accounts.change_managed_user", account):
        raise PermissionDenied(_("You may not manage this account."))
    return account


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    accounts = accounts_managed_by(request.user).select_related("district")
    role = request.GET.get("role", "")
    if role in Role.values:
        accounts = accounts.filter(role=role)
    search = request.GET.get("q", "").strip()
    if search:
        accounts = accounts.filter(
            Q(email__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
        )
    accounts = accounts.order_by("-is_active", "last_name", "first_name", "username")
    page = Paginator(accounts, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "accounts": page.object_list,
        "page": page,
        "roles": Role.choices,
        "chosen_role": role,
        "search": search,
        "query": urlencode({"role": role, "q": search}),
    }
    return render(request, "accounts/users/list.html", context)


@login_required
def user_invite(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    form = InviteForm(request.POST or None, manager=request.user)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "accounts/users/invite.html", {"form": form}, status=400)
        fields = {name: form.cleaned_data[name] for name in ("email", "first_name", "last_name")}
        account = invitations.invite(
            request,
            role=form.cleaned_data["role"],
            district=form.cleaned_data["district"],
            **fields,
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": account.email})
        return redirect("accounts:user_edit", pk=account.pk)
    return render(request, "accounts/users/invite.html", {"form": form})


@login_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = _managed_account(request, pk)
    form = AccountChangeForm(request.POST or None, instance=account, manager=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The account is saved."))
            return redirect("accounts:user_edit", pk=account.pk)
        status = 400
    context = {"form": form, "account": account, "changes": _changes(account)}
    return render(request, "accounts/users/edit.html", context, status=status)


@login_required
@require_POST
def user_reinvite(request: HttpRequest, pk: int) -> HttpResponse:
    account = _managed_account(request, pk)
    if not account.is_active or account.has_usable_password():
        messages.error(
            request,
            _("Only an active account whose password was never chosen can be invited again."),
        )
        return redirect("accounts:user_edit", pk=account.pk)
    invitations.send_invitation(request, account)
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": account.email})
    return redirect("accounts:user_edit", pk=account.pk)


def _changes(account: User) -> list[dict[str, Any]]:
    """Who changed the account, when, and which fields (newest first)."""
    records = list(account.history.select_related("history_user")[:HISTORY_SHOWN])
    changes = []
    for record in records:
        previous = record.prev_record
        fields = []
        if previous is not None:
            fields = [
                str(getattr(User._meta.get_field(change.field), "verbose_name", change.field))
                for change in record.diff_against(previous).changes
            ]
        changes.append({"record": record, "fields": fields, "created": previous is None})
    return changes
