from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "pathways.guide"
    label = "guide"
    verbose_name = "Career Clusters Guide"
