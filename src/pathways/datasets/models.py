"""Provenance of every loaded source: what was loaded, from where, when, and how much."""

from django.db import models


class DataSource(models.Model):
    slug = models.SlugField(primary_key=True)
    title = models.CharField(max_length=200)
    publisher = models.CharField(max_length=200)
    vintage = models.CharField(max_length=100)
    licence = models.CharField(max_length=200)
    licence_url = models.URLField(blank=True)
    attribution = models.TextField(blank=True)
    homepage = models.URLField(blank=True)
    # Where the files were read from: "mirror", "download cache", "package", "derived".
    origin = models.CharField(max_length=200)
    # {file name: sha256} of the files actually read.
    files = models.JSONField(default=dict)
    # {table label: rows loaded}
    row_counts = models.JSONField(default=dict)
    loaded_at = models.DateTimeField()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())
