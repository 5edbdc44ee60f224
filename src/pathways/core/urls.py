from django.urls import path

from pathways.core.pagecache import cache_for_visitors

from . import views

app_name = "core"
urlpatterns = [
    path("", cache_for_visitors(views.home), name="home"),
    path("data/", cache_for_visitors(views.data_sources), name="data_sources"),
]
