from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "budget"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.form, name="form"),
    path("total/", views.total, name="total"),
    path("results/", views.results, name="results"),
    path("compare/", views.compare, name="compare"),
    path("save/", views.save, name="save"),
    path("saved/", views.saved, name="saved"),
    path("saved/<int:pk>/delete/", views.delete, name="delete"),
]
