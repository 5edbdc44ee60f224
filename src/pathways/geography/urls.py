from django.urls import path

from . import views

app_name = "geography"
urlpatterns = [
    path("regions/", views.region_list, name="regions"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    path("counties/<str:fips>/", views.county_detail, name="county"),
    path("districts/", views.district_list, name="districts"),
    path("districts/<str:nces_id>/", views.district_detail, name="district"),
]
