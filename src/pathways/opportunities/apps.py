from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "pathways.opportunities"
    verbose_name = "Work-based learning opportunities"
