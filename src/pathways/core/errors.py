"""The site's one refusal page: any `PermissionDenied` a page raises ends here.

Its message (the reason) is shown with what the reader can do next: sign in, open the pages
their account does allow, or ask their district CTE coordinator. A refusal depends on who
asks, so no cache keeps it. The JSON API answers its own 403s (api/v1).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch
from django.utils.cache import patch_cache_control


def _login_url(request: HttpRequest) -> str:
    try:
        return str(redirect_to_login(request.get_full_path())["Location"])
    except NoReverseMatch:
        return ""


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """403 with the reason the refusal gave (handler403)."""
    reason = str(exception) if isinstance(exception, PermissionDenied) else ""
    context = {
        "reason": reason,
        "login_url": "" if request.user.is_authenticated else _login_url(request),
    }
    response = render(request, "403.html", context, status=403)
    patch_cache_control(response, private=True, no_store=True)
    return response
