from django.urls import path

from . import views

app_name = "framework"
urlpatterns = [
    path("clusters/", views.cluster_list, name="clusters"),
    path("clusters/<slug:code>/", views.cluster, name="cluster"),
    path("clusters/<slug:code>/<slug:sub_code>/", views.subcluster, name="subcluster"),
]
