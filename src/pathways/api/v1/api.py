"""The open JSON API, version 1. Paths and field names are a contract: keep them stable.

Every error answers JSON `{"detail": "message"}`: 404 for an unknown code, slug or ID,
422 for a parameter that does not validate, 400 for other unusable input; an unexpected
failure answers 500 without a traceback (it is logged).
"""

import logging
from typing import Any

import pydantic
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from pathways.api.v1 import (
    budget,
    clusters,
    occupations,
    profiler,
    programs,
    regions,
    reports,
    resume,
)

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="New Mexico Career Pathways API",
    version="1",
    urls_namespace="api-v1",
    description="Career clusters, occupations, wages and regions. Every figure names its source.",
)
api.add_router("", clusters.router)
api.add_router("", occupations.router)
api.add_router("", regions.router)
api.add_router("/programs", programs.router)
api.add_router("/interest-profile", profiler.router)
api.add_router("/budget", budget.router)
api.add_router("/reports", reports.router)
api.add_router("/resume", resume.router)


def _describe(request: HttpRequest, error: dict[str, Any]) -> str:
    """ "query parameter 'limit' ('0'): Input should be greater than or equal to 1"."""
    source, *names = error.get("loc") or ("request",)
    name = ".".join(str(n) for n in names)
    given: Any = None
    if source == "query":
        given = request.GET.get(name)
    elif source == "path" and request.resolver_match:
        given = request.resolver_match.kwargs.get(name)
    shown = f" ({given!r})" if given is not None else ""
    where = f"{source} parameter '{name}'" if name else str(source)
    return f"{where}{shown}: {error.get('msg', 'invalid')}"


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = "; ".join(_describe(request, error) for error in exc.errors)
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(ValueError)
@api.exception_handler(DjangoValidationError)
@api.exception_handler(DataError)
def bad_input(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.info("API bad input at %s: %s", request.path, exc)
    return api.create_response(request, {"detail": f"Unusable input: {exc}"}, status=400)


# pydantic's ValidationError is a ValueError, but raised when an answer fails its own schema:
# our fault, not the input's.
@api.exception_handler(pydantic.ValidationError)
@api.exception_handler(Exception)
def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error at %s", request.get_full_path())
    detail = "Internal error; it has been logged. Please report it with the URL you asked for."
    return api.create_response(request, {"detail": detail}, status=500)
