from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "pathways.placements"
    verbose_name = _("Work-based learning placements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A student account linked (or relinked) to a state student ID: its verified hours
        # move to that ID's work-based learning record.
        from django.db.models.signals import post_save

        from pathways.accounts.models import User

        post_save.connect(_account_saved, sender=User, dispatch_uid="placements-on-link")


def _account_saved(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if kwargs.get("raw") or (update_fields is not None and "student_id" not in update_fields):
        return
    from .records import sync_account

    sync_account(instance.pk)
