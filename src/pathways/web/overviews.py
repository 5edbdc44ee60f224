"""Regional and district overviews: one printable page (and PDF) per place, generated from
the data by `pathways.occupations.overview`.

A region's figures are its primary OEWS area's (or another of its areas, `?area=`); a
district's are its office county's area, since OEWS publishes no district wages.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from pathways.core.cache import content_version, data_version
from pathways.core.pdf import html_to_pdf
from pathways.framework.models import Framework
from pathways.geography import services
from pathways.geography.charts import horizontal_bars
from pathways.geography.models import District, WorkforceRegion
from pathways.occupations import markets
from pathways.occupations.markets import PlaceMarket
from pathways.occupations.overview import Overview, cached_overview, load_history

PDF_CACHE_SECONDS = 24 * 60 * 60


class BadChoice(Exception):
    """A query string choice the page does not know; the message says what to choose."""


class OverviewQuery(forms.Form):
    framework = forms.ChoiceField(choices=Framework.choices, required=False)
    area = forms.CharField(max_length=7, required=False)


def _parse(request: HttpRequest) -> tuple[str, str]:
    """The framework (2024 unless legacy) and the area code asked for; BadChoice with the
    reader's message when either is not one the page knows."""
    form = OverviewQuery(request.GET)
    if form.is_valid():
        return form.cleaned_data["framework"] or Framework.MODERN, form.cleaned_data["area"]
    if "framework" in form.errors:
        raise BadChoice(_("Unknown framework: choose 2024 or legacy."))
    raise BadChoice(_("Unknown area: choose one of this region's OEWS areas."))


def _bad(message: str) -> HttpResponse:
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _region_place(request: HttpRequest, slug: str) -> tuple[WorkforceRegion, PlaceMarket, str]:
    region = services.region(slug)
    if region is None:
        raise Http404(_("No workforce region has this name."))
    framework, area = _parse(request)
    place_market = markets.region_market(region, area)
    if place_market is None:
        raise BadChoice(_("Unknown area: choose one of this region's OEWS areas."))
    return region, place_market, framework


def _district_place(request: HttpRequest, nces_id: str) -> tuple[District, PlaceMarket, str]:
    district = services.district_with_place(nces_id)
    if district is None:
        raise Http404(_("No school district has this NCES id."))
    # A district's figures are its county's area: an `area` choice is for regions only.
    framework, _area = _parse(request)
    return district, markets.district_market(district), framework


def _context(place_market: PlaceMarket, framework: str) -> dict[str, Any]:
    found: Overview = cached_overview(place_market.market.area, framework)
    return {
        "overview": found,
        "place_market": place_market,
        "market": place_market.market,
        "framework": framework,
        "legacy": framework == Framework.LEGACY,
        "history": load_history(),
        "growth_min_employment": markets.GROWTH_MIN_EMPLOYMENT,
        "openings_chart": horizontal_bars(
            [(c.local_name, c.annual_openings) for c in found.openings_by_cluster]
        ),
    }


def _region_context(request: HttpRequest, slug: str) -> dict[str, Any]:
    region, place_market, framework = _region_place(request, slug)
    return {
        "region": region,
        "region_name": region.local_name,
        "place_name": _("%(name)s region") % {"name": region.local_name},
        "areas": services.coverage(region)[0],
        **_context(place_market, framework),
    }


def _district_context(request: HttpRequest, nces_id: str) -> dict[str, Any]:
    district, place_market, framework = _district_place(request, nces_id)
    region = district.county.region
    return {
        "district": district,
        "region": region,
        "region_name": region.local_name,
        "place_name": district.name,
        **_context(place_market, framework),
    }


def region_overview(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        context = _region_context(request, slug)
    except BadChoice as error:
        return _bad(str(error))
    return render(request, "geography/overview.html", context)


def district_overview(request: HttpRequest, nces_id: str) -> HttpResponse:
    try:
        context = _district_context(request, nces_id)
    except BadChoice as error:
        return _bad(str(error))
    return render(request, "geography/overview.html", context)


# PDF -----------------------------------------------------------------------------------


def region_overview_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    return _pdf(request, f"region-{slug}", lambda: _region_context(request, slug))


def district_overview_pdf(request: HttpRequest, nces_id: str) -> HttpResponse:
    return _pdf(request, f"district-{nces_id}", lambda: _district_context(request, nces_id))


def _pdf(request: HttpRequest, stem: str, context: Callable[[], dict[str, Any]]) -> HttpResponse:
    """The overview printed by WeasyPrint (tagged PDF/UA-1), cached by content version."""
    language = translation.get_language() or "en"
    # Only the choices the page reads: other parameters must not multiply cached PDFs.
    query = urlencode(
        sorted((k, v) for k, v in request.GET.items() if k in OverviewQuery.base_fields)
    )
    key = f"pathways:overview-pdf:{stem}:{language}:{query}:{content_version()}:{data_version()}"
    content = cache.get(key)
    if content is None:
        try:
            html = render_to_string("geography/overview_pdf.html", context(), request=request)
        except BadChoice as error:
            return _bad(str(error))
        content = html_to_pdf(html)
        cache.set(key, content, PDF_CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="overview-{stem}-{language}.pdf"'
    return response
