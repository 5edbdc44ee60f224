from django.urls import path

from . import views

app_name = "geography"
urlpatterns = [
    path("regions/", views.region_list, name="regions"),
]
