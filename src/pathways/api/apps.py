from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pathways.api"
