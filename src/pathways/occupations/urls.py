from django.urls import path

from pathways.core.pagecache import cache_for_visitors

from . import views

app_name = "occupations"
urlpatterns = [
    path("occupations/<str:soc>/", cache_for_visitors(views.occupation), name="occupation"),
    path("search/", cache_for_visitors(views.search), name="search"),
    path("search/suggest/", views.suggest, name="suggest"),
    path("compare/", cache_for_visitors(views.compare), name="compare"),
]
