from django.urls import path

from . import views

app_name = "occupations"
urlpatterns = [
    path("occupations/<str:soc>/", views.occupation, name="occupation"),
    path("search/", views.search, name="search"),
    path("search/suggest/", views.suggest, name="suggest"),
    path("compare/", views.compare, name="compare"),
]
