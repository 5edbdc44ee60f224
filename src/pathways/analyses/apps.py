from django.apps import AppConfig


class AnalysesConfig(AppConfig):
    name = "pathways.analyses"
    verbose_name = "Regional analyses and media"
    default_auto_field = "django.db.models.BigAutoField"
