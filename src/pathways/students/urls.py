"""Student records: a student's own view, the upload page, and the status reports."""

from django.urls import URLPattern, URLResolver, path, re_path

from . import views_reports, views_student, views_upload

app_name = "students"
urlpatterns: list[URLPattern | URLResolver] = [
    path("me/", views_student.my_records, name="me"),
    path("upload/", views_upload.upload, name="upload"),
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
