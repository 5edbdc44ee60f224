"""Bulk import and export of programs of study (staff)."""

from django.urls import URLPattern, URLResolver, path, re_path

from . import views_transfer

urlpatterns: list[URLPattern | URLResolver] = [
    path("import/", views_transfer.import_view, name="transfer_import"),
    path("import/template.csv", views_transfer.template_file, name="transfer_template"),
    path("export/", views_transfer.export_view, name="transfer_export"),
    re_path(
        r"^export/programs\.(?P<fmt>csv|xlsx)$",
        views_transfer.export_file,
        name="transfer_export_file",
    ),
]
