"""Student records: a student's own view, the upload page, and the status reports."""

from django.urls import URLPattern, URLResolver, path, re_path

from . import views_jobs, views_link, views_reports, views_student, views_upload

app_name = "students"
urlpatterns: list[URLPattern | URLResolver] = [
    path("me/", views_student.my_records, name="me"),
    path("accounts/", views_link.link_accounts, name="link_accounts"),
    path("accounts/<int:pk>/link/", views_link.link_account, name="link_account"),
    path("upload/", views_upload.upload, name="upload"),
    path("upload/jobs/<uuid:job_id>/", views_jobs.job_page, name="job"),
    path("upload/jobs/<uuid:job_id>/confirm/", views_jobs.job_confirm, name="job_confirm"),
    path("upload/jobs/<uuid:job_id>/cancel/", views_jobs.job_cancel, name="job_cancel"),
    path("upload/jobs/<uuid:job_id>/problems.csv", views_jobs.job_problems, name="job_problems"),
    re_path(
        r"^upload/templates/(?P<kind>[a-z_]+)\.(?P<fmt>csv|xlsx)$",
        views_jobs.layout_template,
        name="layout_template",
    ),
    path("reports/", views_reports.status_report_page, name="reports"),
    re_path(
        r"^reports/cte-status\.(?P<fmt>csv|xlsx)$",
        views_reports.status_report_file,
        name="report_file",
    ),
    path("reports/perkins/", views_reports.perkins_page, name="perkins"),
    re_path(
        r"^reports/perkins-v\.(?P<fmt>csv|xlsx)$",
        views_reports.perkins_file,
        name="perkins_file",
    ),
    re_path(r"^reports/exact\.(?P<fmt>csv|xlsx)$", views_reports.exact_file, name="exact_file"),
]
