from django.urls import URLPattern, URLResolver, path

from . import views, views_results, views_saved

app_name = "budget"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.form, name="form"),
    path("total/", views.total, name="total"),
    path("results/", views_results.results, name="results"),
    path("compare/", views_saved.compare, name="compare"),
    path("save/", views_saved.save, name="save"),
    path("saved/", views_saved.saved, name="saved"),
    path("saved/<int:pk>/delete/", views_saved.delete, name="delete"),
]
