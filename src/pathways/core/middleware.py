"""Middleware of the site's own."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .locks import Busy


class BusyMiddleware:
    """A request that needs the load/import lock while another job holds it gets a 503
    page saying what is running and when to try again, not an error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, Busy):
            return None
        response = render(request, "core/busy.html", {"message": str(exception)}, status=503)
        response["Retry-After"] = str(exception.retry_after)
        return response
