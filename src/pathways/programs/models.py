"""Postsecondary programs: the NCES CIP 2020 classification and its SOC 2018 crosswalk."""

from django.db import models


class CipCode(models.Model):
    code = models.CharField(max_length=7, primary_key=True)  # "14.3501", "14.35", "14"
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    family = models.CharField(max_length=2, db_index=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "CIP code"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def level(self) -> int:
        """2, 4 or 6 digits."""
        return len(self.code.replace(".", ""))


class CipSocLink(models.Model):
    """NCES-BLS crosswalk: a CIP program prepares for an SOC occupation."""

    cip_code = models.CharField(max_length=7, db_index=True)
    soc_code = models.CharField(max_length=7, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cip_code", "soc_code"], name="one_cip_soc_link")
        ]
