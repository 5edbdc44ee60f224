"""The Career Clusters pages: both frameworks, and each cluster's occupation table."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pathways.core.spreadsheets import csv_response, wants_csv
from pathways.framework.models import Framework
from pathways.framework.organizations import organizations_for
from pathways.framework.services import (
    BadQuery,
    ClusterSummary,
    cluster_summaries,
    cluster_summary,
    parse_framework,
)
from pathways.occupations.cluster_table import (
    csv_filename,
    csv_header,
    csv_rows,
    occupation_table,
    parse_table_query,
)
from pathways.occupations.tables import VIEW_LABELS, cluster_socs


def cluster_list(request: HttpRequest) -> HttpResponse:
    try:
        framework = parse_framework(request.GET.get("framework"))
    except BadQuery as error:
        return bad_query(request, error)
    context = {
        "framework": framework,
        "frameworks": Framework,
        "clusters": cluster_summaries(framework),
    }
    return render(request, "framework/cluster_list.html", context)


def cluster(request: HttpRequest, code: str) -> HttpResponse:
    return _cluster_page(request, code, "")


def subcluster(request: HttpRequest, code: str, sub_code: str) -> HttpResponse:
    return _cluster_page(request, code, sub_code)


def _cluster_page(request: HttpRequest, code: str, sub_code: str) -> HttpResponse:
    found = cluster_summary(code)
    if found is None:
        raise Http404("no such cluster")
    current = next((s for s in found.subclusters if s.code == sub_code), None)
    if sub_code and current is None:
        raise Http404("no such sub-cluster in this cluster")
    try:
        canonical = _canonical_url(request, found, sub_code)
        if canonical:
            return redirect(canonical)
        query = parse_table_query(request.GET)
    except BadQuery as error:
        return bad_query(request, error)
    table = occupation_table(cluster_socs(code, sub_code or None), query)
    if wants_csv(request):
        return csv_response(csv_filename(code, sub_code, table), csv_header(), csv_rows(table))
    context = {
        "cluster": found,
        "subcluster": current,
        "name": current.name if current else found.name,
        "table": table,
        "view_labels": VIEW_LABELS,
        "organizations": organizations_for(code),
    }
    return render(request, "framework/cluster_detail.html", context)


def _canonical_url(request: HttpRequest, found: ClusterSummary, sub_code: str) -> str:
    """Where the filter form's answer belongs: a chosen sub-cluster is a page of its own,
    and empty parameters are left out. Empty when the request is already canonical."""
    params = request.GET.copy()
    empty = [key for key, value in params.items() if value == ""]
    if "subcluster" not in params and not empty:
        return ""
    chosen = params.pop("subcluster", [sub_code])[-1]
    for key in empty:
        params.pop(key, None)
    if chosen and chosen not in {s.code for s in found.subclusters}:
        raise BadQuery(
            _("“%(value)s” is not a part of %(cluster)s.")
            % {"value": chosen, "cluster": found.name}
        )
    url = (
        reverse("framework:subcluster", args=[found.code, chosen])
        if chosen
        else reverse("framework:cluster", args=[found.code])
    )
    return f"{url}?{params.urlencode()}" if params else url


def bad_query(request: HttpRequest, error: BadQuery) -> HttpResponse:
    context = {"message": error.message, "back_url": request.path}
    return render(request, "framework/bad_query.html", context, status=400)
