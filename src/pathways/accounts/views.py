"""Signing in and out, resetting and changing a password, and "My account".

Django's own views do the work; these subclasses add the project's templates and forms,
keep the visitor's language across redirects, and answer a django-axes lock-out with a
translated page instead of axes' plain-text message.
"""

import math
from typing import Any

from axes.helpers import get_cool_off
from axes.utils import reset as reset_failed_sign_ins
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy, translate_url
from django.utils import translation

from pathways.accounts import forms
from pathways.accounts.rules import dashboard_template


def in_current_language(url: str) -> str:
    """LOGIN_REDIRECT_URL and LOGOUT_REDIRECT_URL are written for the default language
    ("/"); send a visitor who signed in at /es/... to the Spanish page instead."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(url, language)


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page shown when too many failed sign-ins locked a username from one address.

    Its signature is django-axes' AXES_LOCKOUT_CALLABLE, so the admin's sign-in page can
    show it too; it names neither the username nor the address."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes},
        status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429),
    )
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = forms.SignInForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        if getattr(request, "axes_locked_out", False):
            # django-axes refused the sign-in (the limit was just reached, or the username
            # is locked from this address). Answer with our translated page and clear the
            # flag, which otherwise makes axes' middleware replace the response with its own.
            response = locked_out(request)
            request.axes_locked_out = False  # type: ignore[attr-defined]
        return response

    def get_default_redirect_url(self) -> str:
        return in_current_language(super().get_default_redirect_url())


class SignOutView(auth_views.LogoutView):
    """POST only, as Django requires: the form is accounts/_sign_out_form.html."""

    def get_default_redirect_url(self) -> str:
        return in_current_language(super().get_default_redirect_url())


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = forms.PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        # The e-mail says how long its link works (PASSWORD_RESET_TIMEOUT, in seconds).
        self.extra_email_context = {
            "valid_days": max(1, round(settings.PASSWORD_RESET_TIMEOUT / 86400))
        }
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # Proving control of the account's e-mail ends any lock-out from failed sign-ins.
        reset_failed_sign_ins(username=form.user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """My account: who I am, my role and my district."""
    return render(request, "accounts/profile.html", {"account": request.user})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Where signing in lands: each role's own page of what it does here."""
    return render(request, dashboard_template(request.user), {"account": request.user})


class InvitationView(auth_views.PasswordResetConfirmView):
    """An invitation's link: the invited person chooses their password (Django's reset
    token, so the link works once and expires). A deactivated account's link does not work."""

    template_name = "accounts/invitation_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def get_user(self, uidb64: str) -> Any:
        user = super().get_user(uidb64)
        return user if user is not None and user.is_active else None
