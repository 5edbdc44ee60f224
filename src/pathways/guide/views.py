"""The guide's pages: the cover with its chapter list and index, a chapter, and the PDFs."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pathways.framework.services import BadQuery
from pathways.geography.models import District
from pathways.occupations.cluster_table import regions_with_areas

from . import pdf
from .services import GuideQuery, chapter, chapters, occupation_index, parse_guide_query


def _query(request: HttpRequest, language: str | None = None) -> GuideQuery:
    return parse_guide_query(request.GET.dict(), language or get_language() or "en")


def _choices() -> dict[str, object]:
    """The regions and districts the reader can choose from."""
    return {"regions": regions_with_areas(), "districts": District.objects.order_by("name")}


def _bad(request: HttpRequest, error: BadQuery) -> HttpResponse:
    context = {"message": error.message, "back_url": request.path}
    return render(request, "framework/bad_query.html", context, status=400)


def guide_home(request: HttpRequest) -> HttpResponse:
    try:
        query = _query(request)
    except BadQuery as error:
        return _bad(request, error)
    context = {
        "query": query,
        "chapters": chapters(query.framework),
        "index": occupation_index(query.framework),
        **_choices(),
    }
    return render(request, "guide/home.html", context)


def guide_chapter(request: HttpRequest, code: str) -> HttpResponse:
    try:
        query = _query(request)
    except BadQuery as error:
        return _bad(request, error)
    found = chapter(code, query)
    if found is None:
        raise Http404("no such cluster")
    context = {"chapter": found, "query": query, **_choices()}
    return render(request, "guide/chapter.html", context)


def _pdf_language(request: HttpRequest) -> str:
    lang = request.GET.get("lang") or get_language() or "en"
    if lang not in ("en", "es"):
        raise BadQuery(
            _("“%(value)s” is not a language of the guide. Choose “en” or “es”.") % {"value": lang}
        )
    return lang


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def chapter_pdf(request: HttpRequest, code: str) -> HttpResponse:
    try:
        query = _query(request, _pdf_language(request))
    except BadQuery as error:
        return _bad(request, error)
    content = pdf.chapter_pdf(code, query)
    if content is None:
        raise Http404("no such cluster")
    return _pdf_response(content, f"{code}-{query.language}.pdf")


def guide_pdf(request: HttpRequest) -> HttpResponse:
    try:
        query = _query(request, _pdf_language(request))
    except BadQuery as error:
        return _bad(request, error)
    return _pdf_response(pdf.guide_pdf(query), f"guide-{query.language}.pdf")
