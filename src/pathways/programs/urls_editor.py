from django.urls import URLPattern, URLResolver, path

from . import views_editor as views
from . import views_workflow

urlpatterns: list[URLPattern | URLResolver] = [
    path("mine/", views.dashboard, name="dashboard"),
    path("new/", views.program_create, name="create"),
    path("<int:pk>/edit/", views.program_edit, name="edit"),
    path("<int:pk>/courses/", views.sequence_edit, name="sequence"),
    path("<int:pk>/leads-to/", views.links_edit, name="links"),
    path("<int:pk>/work-based-learning/", views.wbl_edit, name="wbl"),
    path("<int:pk>/submit/", views_workflow.program_submit, name="submit"),
    path("<int:pk>/revise/", views_workflow.program_revise, name="revise"),
    path("<int:pk>/withdraw/", views_workflow.program_withdraw, name="withdraw"),
    path("<int:pk>/review/", views_workflow.program_review, name="review"),
    path("<int:pk>/history/", views_workflow.program_history, name="history"),
]
