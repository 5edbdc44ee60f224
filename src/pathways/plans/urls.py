from django.urls import URLPattern, path

from . import views, views_caseload, views_parent

app_name = "plans"
urlpatterns: list[URLPattern] = [
    path("", views.my_plan, name="mine"),
    path("caseload/", views_caseload.caseload_page, name="caseload"),
    path("caseload/remind/", views_caseload.send_reminders, name="remind"),
    path("parent/<str:token>/", views_parent.parent_page, name="parent"),
    path("reminders/<int:reminder_id>/dismiss/", views.dismiss_reminder, name="dismiss"),
    path("<int:plan_id>/", views.plan_detail, name="plan"),
    path("<int:plan_id>/sign/", views.sign_plan, name="sign"),
    path("<int:plan_id>/parent-link/", views.parent_link, name="parent_link"),
    path("<int:plan_id>/print/", views.print_plan, name="print"),
    path("<int:plan_id>/plan.pdf", views.plan_pdf, name="pdf"),
]
