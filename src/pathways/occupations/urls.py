from django.urls import path

from . import views

app_name = "occupations"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggest/", views.search, name="suggest"),
]
