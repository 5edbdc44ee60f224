"""Whole-page caching for visitors who are not signed in.

The public explorer pages are the same for every visitor who is not signed in, for a given
address and language, until the data or a program of study changes. They are cached whole,
keyed by the content version, so a heavy page is built once per change and then served from
the cache. Signed-in users (whose pages name them and carry forms) always get a fresh page,
as does any request that brings pending messages or any response that sets a cookie.

Visitors' pages also carry an ETag made of the release, the content version and the
language, with `Cache-Control: public, max-age=0, s-maxage=2`: browsers, the nginx in
front (see deploy/nginx.conf) and any CDN keep the page and revalidate it, and a page that
has not changed answers 304 without being built. Signed-in pages are `private`.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags
from django.utils.translation import get_language

from .cache import content_version_for
from .release import release_id

PAGE_SECONDS = 24 * 60 * 60
# Browsers revalidate every time; a shared cache (nginx, a CDN) may keep the page this
# many seconds before it revalidates: that long, at most, a change takes to show.
SHARED_SECONDS = 2
VISITOR_CACHE_CONTROL = f"public, max-age=0, s-maxage={SHARED_SECONDS}"
# Every query parameter a cached public page reads. nginx keys its cache on the path, the
# language and these parameters only, so `?x=random` cannot evict pages (deploy/nginx.conf
# repeats this list; a test keeps the two equal). Add a parameter when a page reads one.
PAGE_PARAMETERS = (
    "framework", "sort", "view", "region", "area", "table", "format", "q", "soc", "add",
    "page", "occupations", "district", "county", "cluster", "limit",
)  # fmt: skip
View = Callable[..., HttpResponse]


def etag_for(request: HttpRequest) -> str:
    """The same for every visitor's copy of a page until the code or the content changes."""
    return f'W/"{release_id()}.{content_version_for(request)}.{get_language()}"'


def _not_modified(request: HttpRequest, etag: str) -> bool:
    given = request.headers.get("If-None-Match", "")
    return bool(given) and (given.strip() == "*" or etag in parse_etags(given))


def _visitor_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = VISITOR_CACHE_CONTROL
    return response


def _key(request: HttpRequest) -> str:
    # Parameters no page reads are left out, so random ones cannot fill or evict the cache.
    query = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    known = urlencode([(name, value) for name, value in query if name in PAGE_PARAMETERS])
    address = hashlib.sha256(f"{request.path}?{known}".encode()).hexdigest()
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
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        etag = etag_for(request)
        if _not_modified(request, etag):
            return _visitor_headers(HttpResponseNotModified(), etag)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            return _visitor_headers(HttpResponse(content, headers=headers), etag)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response = response.render()
        if not _cacheable_response(response):
            return response
        # Vary and cookies are set afresh by the middleware on every response.
        headers = {k: v for k, v in response.headers.items() if k.lower() != "vary"}
        cache.set(key, (response.content, headers), PAGE_SECONDS)
        return _visitor_headers(response, etag)

    return wrapper
