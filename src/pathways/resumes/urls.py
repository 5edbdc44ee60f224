from django.urls import URLPattern, path, re_path

from . import views

app_name = "resumes"
urlpatterns: list[URLPattern] = [
    path("", views.home, name="home"),
    path("records/", views.decide, name="decide"),
    path("options/", views.options, name="options"),
    path("careers/", views.target, name="target"),
    path("technologies/", views.add_technology, name="add_technology"),
    path("share/", views.share, name="share"),
    path("import/", views.import_json, name="import"),
    re_path(r"^resume\.(?P<fmt>pdf|docx|json)$", views.download, name="download"),
    path("students/<int:resume_id>/", views.student_resume, name="student"),
    path("shared/<str:token>/", views.shared, name="shared"),
    re_path(
        r"^shared/(?P<token>[\w-]+)/resume\.(?P<fmt>pdf|docx)$", views.shared, name="shared_file"
    ),
    path("<str:name>/", views.edit_section, name="section"),
    path("<str:name>/remove/", views.remove_item, name="remove"),
]
