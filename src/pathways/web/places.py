"""Explore your area: workforce regions, counties and school districts, with their labour market.

Views fetch places through `pathways.geography.services` and their labour markets through
`pathways.occupations.markets`, and hand templates what they show; the labour-market blocks
(and their CSV downloads) are the same on region, county and district pages.
"""

from collections.abc import Callable, Sequence
from functools import wraps
from itertools import groupby
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pathways.analyses.services import region_analyses, region_media
from pathways.core.spreadsheets import csv_response, wants_csv
from pathways.datasets.registry import get_source
from pathways.geography import services
from pathways.geography.charts import horizontal_bars
from pathways.geography.models import District, WorkforceRegion
from pathways.occupations import markets
from pathways.occupations.markets import LabourMarket, PlaceMarket
from pathways.occupations.tables import OccupationRow

TABLES = ("openings", "wage", "growth", "clusters")


# Pages ---------------------------------------------------------------------------------


def _checks_table(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A place page's CSV download names one of TABLES; anything else is a bad request."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if wants_csv(request) and request.GET.get("table") not in TABLES:
            return HttpResponseBadRequest(
                _("Unknown table: choose openings, wage, growth or clusters."),
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return checked


def region_list(request: HttpRequest) -> HttpResponse:
    regions = [
        (region, region.local_name, *services.coverage(region)) for region in services.regions()
    ]
    return render(request, "geography/region_list.html", {"regions": regions})


@_checks_table
def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = services.region(slug)
    if region is None:
        raise Http404(_("No workforce region has this name."))
    place_market = markets.region_market(region, request.GET.get("area", ""))
    if place_market is None:
        return HttpResponseBadRequest(
            _("Unknown area: choose one of this region's OEWS areas."),
            content_type="text/plain; charset=utf-8",
        )
    if wants_csv(request):
        return market_csv(request, place_market.market, f"region-{region.slug}")
    areas, unmatched = services.coverage(region)
    return render(
        request,
        "geography/region_detail.html",
        {
            "region": region,
            "region_name": region.local_name,
            "areas": areas,
            "unmatched": unmatched,
            "districts": services.region_districts(region),
            "analyses": region_analyses(region),
            "media": region_media(region),
            **market_context(place_market),
        },
    )


@_checks_table
def county_detail(request: HttpRequest, fips: str) -> HttpResponse:
    county = services.county(fips)
    if county is None:
        raise Http404(_("No county has this FIPS code."))
    place_market = markets.county_market(county)
    if wants_csv(request):
        return market_csv(request, place_market.market, f"county-{county.fips}")
    return render(
        request,
        "geography/county_detail.html",
        {
            "county": county,
            "region_name": county.region.local_name,
            "districts": services.county_districts(county),
            "rents": services.rents(county),
            **market_context(place_market),
        },
    )


class DistrictFilter(forms.Form):
    region = forms.ChoiceField(label=gettext_lazy("Workforce region"), required=False)
    county = forms.ChoiceField(label=gettext_lazy("County"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = services.regions()
        region_field = self.fields["region"]
        county_field = self.fields["county"]
        assert isinstance(region_field, forms.ChoiceField)
        assert isinstance(county_field, forms.ChoiceField)
        region_field.choices = [("", _("All regions")), *((r.slug, r.local_name) for r in regions)]
        county_field.choices = [
            ("", _("All counties")),
            *((r.local_name, [(c.fips, c.name) for c in r.counties.all()]) for r in regions),
        ]


def district_list(request: HttpRequest) -> HttpResponse:
    form = DistrictFilter(request.GET)
    valid = form.is_valid()
    region_slug = form.cleaned_data.get("region", "") if valid else ""
    county_fips = form.cleaned_data.get("county", "") if valid else ""
    found = services.districts(region_slug, county_fips) if valid else []
    context = {
        "form": form,
        "groups": group_districts(found),
        "shown": len(found),
        "total": District.objects.count(),
        "filtered": bool(region_slug or county_fips),
    }
    return render(request, "geography/district_list.html", context, status=200 if valid else 400)


@_checks_table
def district_detail(request: HttpRequest, nces_id: str) -> HttpResponse:
    district = services.district_with_place(nces_id)
    if district is None:
        raise Http404(_("No school district has this NCES id."))
    place_market = markets.district_market(district)
    if wants_csv(request):
        return market_csv(request, place_market.market, f"district-{district.nces_id}")
    return render(
        request,
        "geography/district_detail.html",
        {
            "district": district,
            "region_name": district.county.region.local_name,
            **market_context(place_market),
        },
    )


# Shared by the pages -------------------------------------------------------------------


def market_context(place_market: PlaceMarket) -> dict[str, Any]:
    market = place_market.market
    return {
        "place_market": place_market,
        "market": market,
        "growth_min_employment": markets.GROWTH_MIN_EMPLOYMENT,
        "cluster_chart": horizontal_bars(
            [(s.local_name, s.employment) for s in market.cluster_mix]
        ),
    }


def group_districts(
    districts: list[District],
) -> list[tuple[WorkforceRegion, list[tuple[Any, list[District]]]]]:
    """Districts by region (A-Z), then county (A-Z), then name."""
    ordered = sorted(
        districts, key=lambda d: (d.county.region.name, d.county.name, d.name.casefold())
    )
    grouped = []
    for region, rows in groupby(ordered, lambda d: d.county.region):
        grouped.append(
            (region, [(county, list(items)) for county, items in groupby(rows, lambda d: d.county)])
        )
    return grouped


# CSV -----------------------------------------------------------------------------------


def market_csv(request: HttpRequest, market: LabourMarket, stem: str) -> HttpResponse:
    table = request.GET["table"]
    if table == "clusters":
        header, rows = cluster_csv(market)
    else:
        chosen = {
            "openings": market.top_by_openings,
            "wage": market.top_by_wage,
            "growth": market.top_by_growth,
        }[table]
        header, rows = occupation_csv(market, chosen)
    return csv_response(f"{stem}-{table}.csv", header, rows)


def _sources(*slugs: str) -> str:
    return "; ".join(get_source(s).local_citation for s in slugs)


def occupation_csv(
    market: LabourMarket, rows: list[OccupationRow]
) -> tuple[list[str], list[Sequence[Any]]]:
    header = [
        _("Rank"),
        _("SOC code"),
        _("Occupation"),
        _("OEWS area code"),
        _("OEWS area"),
        _("Employment in the area"),
        _("Estimated annual openings"),
        _("Median annual wage"),
        _("Median hourly wage"),
        _("Median wage at or above the BLS top code"),
        _("Projected employment change 2024-34, U.S., %"),
        _("Sources"),
    ]
    sources = _sources("oews", "state_projections", "bls_ep")
    out: list[Sequence[Any]] = []
    for rank, row in enumerate(rows, start=1):
        estimate = row.wage.estimate if row.wage else None
        top_coded = bool(estimate and {"median_annual", "median_hourly"} & set(estimate.top_coded))
        out.append(
            [
                rank,
                row.soc,
                row.title,
                market.area.code,
                market.area.name,
                estimate.employment if estimate else None,
                row.annual_openings,
                row.median_annual,
                row.median_hourly,
                _("yes") if top_coded else "",
                row.growth_percent,
                sources,
            ]
        )
    return header, out


def cluster_csv(market: LabourMarket) -> tuple[list[str], list[Sequence[Any]]]:
    header = [
        _("Rank"),
        _("Cluster code"),
        _("Career cluster (2024 framework)"),
        _("OEWS area code"),
        _("OEWS area"),
        _("Employment in the cluster's occupations"),
        _("Percent of all jobs in the area"),
        _("Sources"),
    ]
    sources = _sources("oews", "advance_cte")
    rows: list[Sequence[Any]] = [
        [
            rank,
            share.code,
            share.local_name,
            market.area.code,
            market.area.name,
            share.employment,
            share.percent_of_area,
            sources,
        ]
        for rank, share in enumerate(market.cluster_mix, start=1)
    ]
    return header, rows
