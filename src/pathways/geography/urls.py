from django.urls import path

from pathways.core.pagecache import cache_for_visitors

from . import views

app_name = "geography"
urlpatterns = [
    path("regions/", cache_for_visitors(views.region_list), name="regions"),
    path("regions/<slug:slug>/", cache_for_visitors(views.region_detail), name="region"),
    path("counties/<str:fips>/", cache_for_visitors(views.county_detail), name="county"),
    path("districts/", cache_for_visitors(views.district_list), name="districts"),
    path("districts/<str:nces_id>/", cache_for_visitors(views.district_detail), name="district"),
]
