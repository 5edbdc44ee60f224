"""Whole-page caching for visitors who are not signed in.

The public explorer pages are the same for every visitor who is not signed in, for a given
address and language, until the data or a program of study changes. They are cached whole,
keyed by the content version, so a heavy page is built once per change and then served from
the cache. Signed-in users (whose pages name them and carry forms) always get a fresh page,
as does any request that brings pending messages or any response that sets a cookie.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from .cache import content_version_for

PAGE_SECONDS = 24 * 60 * 60
View = Callable[..., HttpResponse]


def _key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pathways:page:{content_version_for(request)}:{get_language()}:{address}"


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        # A session or a message may carry something meant for this visitor alone.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HX-Request" not in request.headers
    )


def _cacheable_response(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and "private" not in response.get("Cache-Control", "")
    )


def cache_for_visitors(view: View) -> View:
    """Serve the view's page from the cache to visitors who are not signed in."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response = response.render()
        if _cacheable_response(response):
            # Vary and cookies are set afresh by the middleware on every response.
            headers = {k: v for k, v in response.headers.items() if k.lower() != "vary"}
            cache.set(key, (response.content, headers), PAGE_SECONDS)
        return response

    return wrapper
