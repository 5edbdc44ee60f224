"""Occupation pages: the profile, search (with the header's typeahead) and comparison."""

import re
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.text import get_text_list
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pathways.core.spreadsheets import csv_response, wants_csv
from pathways.core.text import fold
from pathways.datasets.registry import get_source
from pathways.framework.models import Framework
from pathways.framework.names import name_key
from pathways.geography.services import state_area_code
from pathways.occupations import compare as comparing
from pathways.occupations import outlook, spanish
from pathways.occupations.charts import interest_bars, wage_ranges
from pathways.occupations.models import SocCode
from pathways.occupations.profile import ClusterPlacement, occupation_profile
from pathways.occupations.profile_wages import area_name, state_name, wage_csv_header, wage_csv_rows
from pathways.occupations.search import MIN_QUERY, spelling_suggestion
from pathways.occupations.search import search as search_titles
from pathways.occupations.wages import wages_for

SOC = re.compile(r"\d{2}-\d{4}")
ONET_CODE = re.compile(r"(\d{2}-\d{4})\.\d{2}")
RESULTS_SHOWN = 25
SUGGESTIONS_SHOWN = 8
QUERY_LENGTH = 100
PRINTED_PROGRAMS = 24
EXAMPLE_SEARCHES = {
    "en": ["nurse", "welder", "electrician", "teacher", "software developer", "chef"],
    "es": ["enfermera", "soldador", "electricista", "maestro", "programador", "cocinero"],
}


def occupation(request: HttpRequest, soc: str) -> HttpResponse:
    onet = ONET_CODE.fullmatch(soc)
    if onet:  # an O*NET-SOC code: its specialties are listed on the SOC occupation's page
        return redirect("occupations:occupation", onet.group(1))
    profile = occupation_profile(soc) if SOC.fullmatch(soc) else None
    if profile is None or (profile.soc.level != SocCode.Level.DETAILED and not profile.combined):
        raise Http404("No such occupation")
    if wants_csv(request):
        return csv_response(f"wages-{soc}.csv", wage_csv_header(), wage_csv_rows(profile))
    wages = [(area_name(w.area, profile.state), w) for w in profile.wages]
    projection = profile.state_projection
    context = {
        "profile": profile,
        "wages": wages,
        "wage_chart": wage_ranges(wages),
        "top_coded": any(w.top_coded for w in profile.wages),
        "hourly_workers": not profile.has_annual_wages,
        "merged_title": profile.wages[0].oews_title if profile.wages else "",
        "merged_names": get_text_list(
            [f"“{other.title}” ({other.soc})" for other in profile.merged_with] or [_("others")],
            _("and"),
        ),
        "reliability_flagged": any(s.less_reliable for s in profile.required_education),
        "bright_outlook": outlook.is_bright(profile.national_projection, outlook.outlook_rule()),
        "share_percent": round(projection.employment_share * 100, 2) if projection else None,
        "clusters_modern": _by_local_name(profile.clusters.get(Framework.MODERN, [])),
        "clusters_legacy": _by_local_name(profile.clusters.get(Framework.LEGACY, [])),
        "interest_chart": interest_bars(profile.interests),
        "onet": get_source("onet"),
        "projections_source": get_source("bls_ep"),
        "state_name": state_name(profile.state),
        # On a Spanish page, English kept where no Spanish is written is marked lang="en".
        "english_title": spanish.is_spanish() and not profile.title_es,
        "english_description": spanish.is_spanish() and not profile.description_es,
        "share_url": request.build_absolute_uri(request.path),
        # On paper the CIP list stops here, so a profile fits two pages.
        "print_programs": PRINTED_PROGRAMS,
        "programs_not_printed": max(0, len(profile.programs) - PRINTED_PROGRAMS),
    }
    return render(request, "occupations/occupation.html", context)


def _by_local_name(placements: list[ClusterPlacement]) -> list[ClusterPlacement]:
    """Placements in the order of the names the page shows."""
    return sorted(
        placements,
        key=lambda p: (name_key(p.cluster_local_name), name_key(p.subcluster_local_name)),
    )


def _query(request: HttpRequest) -> str:
    return " ".join(request.GET.get("q", "").split())[:QUERY_LENGTH]


def _searchable(query: str) -> bool:
    return len(fold(query)) >= MIN_QUERY


def search(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    page = _page(request)
    result = search_titles(query, RESULTS_SHOWN, offset=(page - 1) * RESULTS_SHOWN)
    wages = {}
    if result.hits:
        state_area = state_area_code()
        wages = wages_for([hit.soc for hit in result.hits], state_area, state_area)
    searched = _searchable(query)
    context = {
        "query": query,
        "searched": searched,
        "result": result,
        "results": [(hit, wages.get(hit.soc)) for hit in result.hits],
        "translations": list(result.translated.items()),
        "spelling": spelling_suggestion(query) if searched and not result.hits else "",
        "examples": EXAMPLE_SEARCHES.get(get_language(), EXAMPLE_SEARCHES["en"]),
        "first_shown": (page - 1) * RESULTS_SHOWN + 1,
        "last_shown": (page - 1) * RESULTS_SHOWN + len(result.hits),
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if page * RESULTS_SHOWN < result.total else None,
    }
    return render(request, "occupations/search.html", context)


def _page(request: HttpRequest) -> int:
    """The results page asked for; anything but a whole number from 1 up is the first."""
    page = request.GET.get("page", "1")
    return int(page) if re.fullmatch(r"[1-9]\d{0,2}", page) else 1


def suggest(request: HttpRequest) -> HttpResponse:
    """The header's typeahead: a list of links for htmx; a plain request gets the results page."""
    query = _query(request)
    if not request.headers.get("HX-Request"):
        return redirect(f"{reverse('occupations:search')}?{urlencode({'q': query})}")
    searched = _searchable(query)
    hits = search_titles(query, SUGGESTIONS_SHOWN).hits if searched else []
    context = {"query": query, "hits": hits, "searched": searched}
    response = render(request, "occupations/_suggestions.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def compare(request: HttpRequest) -> HttpResponse:
    selection = comparing.select(request.GET.getlist("soc"), request.GET.get("add", ""))
    if selection.added and not selection.errors:  # back to the plain, shareable address
        return redirect(f"{reverse('occupations:compare')}?{selection.query(selection.socs)}")
    compared = [] if selection.errors else comparing.comparison(selection.socs)
    if wants_csv(request) and not selection.errors:
        oews, projections = get_source("oews"), get_source("state_projections")
        rows = comparing.csv_rows(
            compared,
            f"{oews.title} ({oews.vintage})",
            f"{projections.title} ({projections.vintage})",
        )
        return csv_response("compare-occupations.csv", comparing.CSV_HEADER, rows)
    context = {
        "selection": selection,
        "compared": compared,
        "max_compared": comparing.MAX_COMPARED,
        "percentiles": [
            ("pct10_", _("10th percentile")),
            ("pct25_", _("25th percentile")),
            ("pct75_", _("75th percentile")),
            ("pct90_", _("90th percentile")),
        ],
        "current": [(soc, selection.titles[soc], selection.without(soc)) for soc in selection.socs],
        "candidates": [(hit, selection.adding(hit.soc)) for hit in selection.candidates],
        "clean_query": selection.query(selection.socs),
        "csv_query": f"{selection.query(selection.socs)}&format=csv",
        "wage_chart": wage_ranges([(c.title, c.estimate) for c in compared]) if compared else None,
    }
    return render(
        request, "occupations/compare.html", context, status=400 if selection.errors else 200
    )
