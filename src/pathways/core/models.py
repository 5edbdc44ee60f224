from django.db import models


class ContentVersion(models.Model):
    """One row counting changes to what public pages show (a data load, a program of study
    edit). Cached pages and figures are keyed by it, so every web process sees a change at
    once, however many processes or servers there are."""

    number = models.PositiveBigIntegerField(default=1)
