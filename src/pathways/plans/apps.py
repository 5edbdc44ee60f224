from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "pathways.plans"
    verbose_name = "Next Step Plans"
