from django.urls import path

from . import views

app_name = "framework"
urlpatterns = [
    path("clusters/", views.cluster_list, name="clusters"),
]
