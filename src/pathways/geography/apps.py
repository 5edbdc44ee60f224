from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "pathways.geography"
