from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResumesConfig(AppConfig):
    name = "pathways.resumes"
    verbose_name = _("Resumes")
    default_auto_field = "django.db.models.BigAutoField"
