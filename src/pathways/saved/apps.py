from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SavedConfig(AppConfig):
    name = "pathways.saved"
    verbose_name = _("Saved careers")
    default_auto_field = "django.db.models.BigAutoField"
