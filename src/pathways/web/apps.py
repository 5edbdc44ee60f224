from django.apps import AppConfig


class WebConfig(AppConfig):
    """The public pages that put the data apps together: home, data sources, clusters, places."""

    name = "pathways.web"
