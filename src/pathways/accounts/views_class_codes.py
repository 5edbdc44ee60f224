"""Class codes (issue #17): staff make and print them and see who joined; students join.

Staff see only the codes of their school (a counselor) or district (a coordinator): a code
outside that is 404, as if it did not exist. Joining is limited per address, so a code
cannot be found by guessing: refused codes have a tight limit, every try a loose one (a
class shares one address and joins together).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from pathways.accounts.class_codes import (
    CodeRefused,
    codes_with_uses,
    create_class_code,
    join_with_code,
    normalize,
)
from pathways.accounts.forms_class_codes import ClassCodeForm, JoinForm
from pathways.accounts.models import ClassCode, ClassCodeJoin, User

CODES_SHOWN = 200


def _require_staff(request: HttpRequest) -> None:
    if not request.user.has_perm("accounts.manage_class_codes"):
        raise PermissionDenied(_("Class codes are made by counselors and district coordinators."))


def _visible_code(request: HttpRequest, pk: int) -> ClassCode:
    _require_staff(request)
    code = codes_with_uses(request.user).filter(pk=pk).first()
    if code is None:
        raise Http404(_("No such class code."))
    return code


@login_required
def class_codes(request: HttpRequest) -> HttpResponse:
    """The staff member's codes, with how many joined; a form to make a new one."""
    _require_staff(request)
    form = ClassCodeForm(request.POST or None, creator=request.user)
    if request.method == "POST" and form.is_valid():
        school = form.cleaned_data["school"]
        if not request.user.has_perm("accounts.add_classcode", school):
            raise PermissionDenied(_("You may make class codes for your own school only."))
        assert isinstance(request.user, User)
        code = create_class_code(request.user, **form.cleaned_data)
        messages.success(
            request, _("The class code %(code)s is ready.") % {"code": code.display_code}
        )
        return redirect("accounts:class_code", code.pk)
    context = {
        "form": form,
        "codes": codes_with_uses(request.user)[:CODES_SHOWN],
        "has_schools": form.fields["school"].queryset.exists(),  # type: ignore[attr-defined]
    }
    return render(
        request,
        "accounts/class_codes/list.html",
        context,
        status=400 if form.errors else 200,
    )


def _joined(code: ClassCode) -> list[ClassCodeJoin]:
    return list(code.joins.select_related("account").order_by("account__username"))


@login_required
def class_code(request: HttpRequest, pk: int) -> HttpResponse:
    """One code: its details, who joined with it, and the student IDs they typed."""
    code = _visible_code(request, pk)
    may_link = request.user.has_perm("accounts.link_student_accounts")
    return render(
        request,
        "accounts/class_codes/detail.html",
        {"code": code, "joined": _joined(code), "may_link": may_link},
    )


@login_required
def class_code_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable sheet: how to join, the code, and the roster of who has joined."""
    code = _visible_code(request, pk)
    join_url = request.build_absolute_uri(reverse("accounts:join")) + f"?code={code.code}"
    return render(
        request,
        "accounts/class_codes/sheet.html",
        {"code": code, "joined": _joined(code), "join_url": join_url},
    )


@login_required
@require_POST
def class_code_turn_off(request: HttpRequest, pk: int) -> HttpResponse:
    code = _visible_code(request, pk)
    if not request.user.has_perm("accounts.change_classcode", code):
        raise PermissionDenied(_("You may not change this class code."))
    code.active = False
    code.save(update_fields=["active"])
    messages.success(request, _("The class code is turned off: nobody more can join with it."))
    return redirect("accounts:class_code", code.pk)


def client_address(group: str, request: HttpRequest) -> str:
    """The visitor's address: behind the site's own proxy (nginx, trusted as gunicorn trusts
    it: FORWARDED_ALLOW_IPS), the last X-Forwarded-For entry, the one nginx added; a
    visitor can forge the entries before it, not that one."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.PATHWAYS_TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and ("*" in trusted or remote in trusted):
        return forwarded.rsplit(",", 1)[-1].strip()[:64]
    return str(remote)


def _limited(request: HttpRequest, group: str, rate: str, increment: bool) -> bool:
    return is_ratelimited(
        request,
        group=group,
        key=client_address,
        rate=rate,
        method=is_ratelimited.ALL,
        increment=increment,
    )


def join(request: HttpRequest) -> HttpResponse:
    """A student makes an account with a class code: username and password, no e-mail."""
    if request.user.is_authenticated:
        return render(request, "accounts/class_codes/join.html", {"signed_in": True})
    initial = {"class_code": normalize(request.GET.get("code", ""))[:20]}
    form = JoinForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if _limited(request, "join-failed", settings.PATHWAYS_JOIN_FAILURE_RATE, False) or (
            _limited(request, "join", settings.PATHWAYS_JOIN_RATE, True)
        ):
            context = {"form": form, "too_many": True}
            return render(request, "accounts/class_codes/join.html", context, status=429)
        if form.is_valid():
            data = form.cleaned_data
            try:
                account = join_with_code(
                    data["class_code"], data["username"], data["password1"], data["student_id"]
                )
            except CodeRefused as refused:
                form.add_error("class_code", str(refused))
                status = refused.status
                # A refused code counts toward the stricter limit: that is how guessing looks.
                _limited(request, "join-failed", settings.PATHWAYS_JOIN_FAILURE_RATE, True)
            else:
                login(request, account, backend="django.contrib.auth.backends.ModelBackend")
                messages.success(request, _("Welcome! Your account is ready."))
                return redirect("accounts:dashboard")
        else:
            status = 400
    return render(request, "accounts/class_codes/join.html", {"form": form}, status=status)
