from django.apps import AppConfig


class OccupationsConfig(AppConfig):
    name = "pathways.occupations"
