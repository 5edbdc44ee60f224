from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("data/", views.data_sources, name="data_sources"),
]
