from django.urls import path

from pathways.core.pagecache import cache_for_visitors

from . import views

app_name = "framework"
urlpatterns = [
    path("clusters/", cache_for_visitors(views.cluster_list), name="clusters"),
    path("clusters/<slug:code>/", cache_for_visitors(views.cluster), name="cluster"),
    path(
        "clusters/<slug:code>/<slug:sub_code>/",
        cache_for_visitors(views.subcluster),
        name="subcluster",
    ),
]
