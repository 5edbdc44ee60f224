"""The National Career Clusters Framework, both editions.

Legacy (16 clusters, 79 pathways) comes from O*NET OnLine's cluster export; the
2024 edition (14 clusters, 71 sub-clusters) from Advance CTE's crosswalks. Codes are
stable slugs, so programs of study can refer to them across reloads.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pathways.framework import names


class Framework(models.TextChoices):
    MODERN = "2024", _("2024 framework")
    LEGACY = "legacy", _("Legacy framework")


class Cluster(models.Model):
    code = models.SlugField(max_length=100, primary_key=True)
    framework = models.CharField(max_length=6, choices=Framework.choices, db_index=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["framework", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def local_name(self) -> str:
        """The name in the active language (names_es.toml on Spanish pages)."""
        return names.local_name(self.code, self.name)


class SubCluster(models.Model):
    """A 2024 sub-cluster, or a legacy pathway."""

    code = models.SlugField(max_length=200, primary_key=True)
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="subclusters")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["cluster", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def local_name(self) -> str:
        """The name in the active language (names_es.toml on Spanish pages)."""
        return names.local_name(self.code, self.name)


class SubClusterOccupation(models.Model):
    """An SOC 2018 detailed occupation placed in a sub-cluster or pathway."""

    subcluster = models.ForeignKey(SubCluster, on_delete=models.CASCADE, related_name="occupations")
    soc_code = models.CharField(max_length=7, db_index=True)
    # Legacy rows come from O*NET-SOC codes; kept to show where the placement came from.
    onet_code = models.CharField(max_length=10, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subcluster", "soc_code"], name="one_soc_per_subcluster"
            )
        ]


class SubClusterProgram(models.Model):
    """A CIP 2020 program placed in a 2024 sub-cluster (Advance CTE CIP crosswalk)."""

    subcluster = models.ForeignKey(SubCluster, on_delete=models.CASCADE, related_name="programs")
    cip_code = models.CharField(max_length=7, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subcluster", "cip_code"], name="one_cip_per_subcluster"
            )
        ]


class ClusterBridge(models.Model):
    """Legacy cluster to 2024 cluster, derived from the occupations they share (6-digit SOC)."""

    legacy = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="bridges_to_modern")
    modern = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="bridges_to_legacy")
    shared_occupations = models.PositiveIntegerField()
    # Share of the legacy cluster's occupations that fall in the modern cluster.
    share = models.DecimalField(max_digits=5, decimal_places=4)

    class Meta:
        ordering = ["legacy", "-shared_occupations"]
        constraints = [
            models.UniqueConstraint(fields=["legacy", "modern"], name="one_bridge_per_pair")
        ]
