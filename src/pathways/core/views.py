from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pathways.datasets.models import DataSource
from pathways.datasets.registry import all_sources
from pathways.geography.models import District, State, WorkforceRegion

from .services import site_figures


def home(request: HttpRequest) -> HttpResponse:
    """The front door: a way in for each visitor's first question, no figures."""
    context = {
        "state": State.objects.first(),
        "regions": WorkforceRegion.objects.all(),
        "districts": District.objects.only("nces_id", "name"),
    }
    return render(request, "core/home.html", context)


def data_sources(request: HttpRequest) -> HttpResponse:
    state = State.objects.first()
    loaded = {s.slug: s for s in DataSource.objects.all()}
    sources = [(source, loaded.get(source.slug)) for source in all_sources()]
    context = {
        "sources": sources,
        "state": state,
        "figures": site_figures(state_area_code=f"{state.fips}00000" if state else ""),
        "regions": WorkforceRegion.objects.prefetch_related("counties"),
    }
    return render(request, "core/data_sources.html", context)
