"""Bulk import and export of programs of study (staff)."""

from django.urls import URLPattern, URLResolver, path, re_path

from .transfer import views as transfer_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("import/", transfer_views.import_view, name="transfer_import"),
    path("import/problems.csv", transfer_views.problems_file, name="transfer_problems"),
    path("import/template.csv", transfer_views.template_file, name="transfer_template"),
    path("export/", transfer_views.export_view, name="transfer_export"),
    re_path(
        r"^export/programs\.(?P<fmt>csv|xlsx)$",
        transfer_views.export_file,
        name="transfer_export_file",
    ),
]
