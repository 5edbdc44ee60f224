from django.urls import path

from . import views

app_name = "profiler"
urlpatterns = [
    path("", views.intro, name="intro"),
    path("questions/", views.questionnaire, name="full"),
    path("questions/short/", views.questionnaire, {"short": True}, name="short"),
    path("results/", views.results, name="results"),
    path("save/", views.save, name="save"),
    path("saved/", views.saved, name="saved"),
    path("saved/<int:pk>/delete/", views.delete, name="delete"),
    path("paper/", views.paper, name="paper"),
    path("paper.pdf", views.paper_pdf, name="paper_pdf"),
    path("clusters/", views.cluster_survey, name="clusters"),
    path("clusters/results/", views.cluster_results, name="cluster_results"),
]
