"""The home page and the data sources page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pathways.core.row_labels import row_label
from pathways.datasets.models import DataSource
from pathways.datasets.registry import all_sources
from pathways.geography.models import State, WorkforceRegion
from pathways.geography.services import state_area_code
from pathways.web.home import site_figures


def home(request: HttpRequest) -> HttpResponse:
    state = State.objects.first()
    figures = site_figures(state_area_code=state_area_code(state))
    regions = WorkforceRegion.objects.prefetch_related("counties").all()
    return render(
        request, "core/home.html", {"state": state, "figures": figures, "regions": regions}
    )


def data_sources(request: HttpRequest) -> HttpResponse:
    loaded = {s.slug: s for s in DataSource.objects.all()}
    sources = [
        (source, loaded.get(source.slug), _row_counts(loaded.get(source.slug)))
        for source in all_sources()
    ]
    return render(request, "core/data_sources.html", {"sources": sources})


def _row_counts(loaded: DataSource | None) -> list[tuple[str, int]]:
    return [(row_label(name), count) for name, count in loaded.row_counts.items()] if loaded else []
