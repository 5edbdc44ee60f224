"""The public pages' addresses. Each list keeps the URL namespace of its domain
(`core:home`, `framework:cluster`, `geography:region`), which templates and tests reverse."""

from django.urls import URLPattern, path

from pathways.core.pagecache import cache_for_visitors

from . import clusters, overviews, places, views

site_patterns: list[URLPattern] = [
    path("", cache_for_visitors(views.home), name="home"),
    path("data/", cache_for_visitors(views.data_sources), name="data_sources"),
]
cluster_patterns: list[URLPattern] = [
    path("clusters/", cache_for_visitors(clusters.cluster_list), name="clusters"),
    path("clusters/<slug:code>/", cache_for_visitors(clusters.cluster), name="cluster"),
    path(
        "clusters/<slug:code>/<slug:sub_code>/",
        cache_for_visitors(clusters.subcluster),
        name="subcluster",
    ),
]
place_patterns: list[URLPattern] = [
    path("regions/", cache_for_visitors(places.region_list), name="regions"),
    path("regions/<slug:slug>/", cache_for_visitors(places.region_detail), name="region"),
    path(
        "regions/<slug:slug>/overview/",
        cache_for_visitors(overviews.region_overview),
        name="region_overview",
    ),
    path(
        "regions/<slug:slug>/overview.pdf",
        overviews.region_overview_pdf,
        name="region_overview_pdf",
    ),
    path("counties/<str:fips>/", cache_for_visitors(places.county_detail), name="county"),
    path("districts/", cache_for_visitors(places.district_list), name="districts"),
    path("districts/<str:nces_id>/", cache_for_visitors(places.district_detail), name="district"),
    path(
        "districts/<str:nces_id>/overview/",
        cache_for_visitors(overviews.district_overview),
        name="district_overview",
    ),
    path(
        "districts/<str:nces_id>/overview.pdf",
        overviews.district_overview_pdf,
        name="district_overview_pdf",
    ),
]
