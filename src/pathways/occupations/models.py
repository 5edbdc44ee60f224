"""Occupations: the SOC 2018 hierarchy, O*NET 30.1 content, OEWS wages, BLS projections,
and the NCES CIP 2020 programs with the CIP-SOC crosswalk that leads to them.

Each source owns its tables. Rows refer to other sources by public code (SOC
``29-1141``, O*NET-SOC ``29-1141.00``, OEWS area ``3500000``) with foreign keys that
carry no database constraint, so one source can be reloaded without touching another.
"""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

RIASEC = "RIASEC"


def code_link(to: str, **kwargs: Any) -> Any:
    """A foreign key by public code across sources: joinable, never cascading."""
    return models.ForeignKey(
        to, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", **kwargs
    )


class SocCode(models.Model):
    class Level(models.TextChoices):
        MAJOR = "major", _("Major group")
        MINOR = "minor", _("Minor group")
        BROAD = "broad", _("Broad occupation")
        DETAILED = "detailed", _("Detailed occupation")

    code = models.CharField(max_length=7, primary_key=True)
    level = models.CharField(max_length=8, choices=Level.choices)
    title = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    parent_code = models.CharField(max_length=7, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "SOC code"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class JobZone(models.Model):
    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=100)
    experience = models.TextField()
    education = models.TextField()
    training = models.TextField()

    def __str__(self) -> str:
        return self.name


class OnetOccupation(models.Model):
    code = models.CharField(max_length=10, primary_key=True)
    soc_code = models.CharField(max_length=7, db_index=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    # Occupational Interest ratings, 1-7 (O*NET scale OI).
    realistic = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    investigative = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    artistic = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    social = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    enterprising = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    conventional = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    # First to third interest high points as letters, e.g. "SIC" (empty where none).
    holland_code = models.CharField(max_length=3, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "O*NET occupation"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def is_soc_level(self) -> bool:
        """O*NET codes ending .00 describe the whole SOC occupation."""
        return self.code.endswith(".00")


class OnetEducation(models.Model):
    """Share of incumbents by category of education, experience or training."""

    class Scale(models.TextChoices):
        REQUIRED_EDUCATION = "RL", _("Required level of education")
        RELATED_EXPERIENCE = "RW", _("Related work experience")
        ON_SITE_TRAINING = "PT", _("On-site or in-plant training")
        ON_THE_JOB_TRAINING = "OJ", _("On-the-job training")

    onet_code = models.CharField(max_length=10, db_index=True)
    scale = models.CharField(max_length=2, choices=Scale.choices)
    category = models.PositiveSmallIntegerField()
    category_label = models.CharField(max_length=400)
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    # O*NET flags shares from too few respondents; pages leave those out.
    recommend_suppress = models.BooleanField(default=False)


class OnetTitle(models.Model):
    class Kind(models.TextChoices):
        ALTERNATE = "alternate", _("Alternate title")
        REPORTED = "reported", _("Reported job title")

    onet_code = models.CharField(max_length=10, db_index=True)
    title = models.CharField(max_length=300)
    # Lower-case, accents removed: what search compares against.
    search_text = models.CharField(max_length=300, db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)


class OnetRelated(models.Model):
    onet_code = models.CharField(max_length=10, db_index=True)
    related_code = models.CharField(max_length=10)
    tier = models.CharField(max_length=20)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["onet_code", "rank"]


class OnetTask(models.Model):
    onet_code = models.CharField(max_length=10, db_index=True)
    task_id = models.PositiveIntegerField()
    statement = models.TextField()
    is_core = models.BooleanField()

    class Meta:
        ordering = ["onet_code", "-is_core", "task_id"]


class OnetTechnology(models.Model):
    """A technology (software, mostly) workers in an occupation use: O*NET Technology Skills.

    `example` is the product or kind of software ("Microsoft Excel"); `commodity_title` the
    UNSPSC class it belongs to ("Spreadsheet software"). O*NET flags hot technologies (often
    named in job postings) and in-demand ones (often named in this occupation's postings)."""

    onet_code = models.CharField(max_length=10, db_index=True)
    example = models.CharField(max_length=200)
    commodity_code = models.PositiveIntegerField()
    commodity_title = models.CharField(max_length=200)
    hot = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    class Meta:
        ordering = ["onet_code", "-in_demand", "-hot", "example"]
        verbose_name = "O*NET technology"
        verbose_name_plural = "O*NET technologies"


class WageEstimate(models.Model):
    """One OEWS May 2025 estimate: an occupation in an area, all industries.

    A null wage means BLS published none. ``top_coded`` names the columns BLS
    published only as "at or above" its cap ($115.00/hour, $239,200/year).
    """

    WAGE_COLUMNS = [
        "mean_hourly",
        "pct10_hourly",
        "pct25_hourly",
        "median_hourly",
        "pct75_hourly",
        "pct90_hourly",
        "mean_annual",
        "pct10_annual",
        "pct25_annual",
        "median_annual",
        "pct75_annual",
        "pct90_annual",
    ]

    area = code_link("geography.OewsArea")
    soc_code = models.CharField(max_length=7, db_index=True)
    oews_title = models.CharField(max_length=200)
    # True for detailed occupations (and OEWS's merged detailed codes); False for groups.
    is_detailed = models.BooleanField()
    employment = models.PositiveIntegerField(null=True)
    employment_rse = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    location_quotient = models.DecimalField(max_digits=8, decimal_places=2, null=True)
    mean_hourly = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    pct10_hourly = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    pct25_hourly = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    median_hourly = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    pct75_hourly = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    pct90_hourly = models.DecimalField(max_digits=7, decimal_places=2, null=True)
    mean_annual = models.PositiveIntegerField(null=True)
    pct10_annual = models.PositiveIntegerField(null=True)
    pct25_annual = models.PositiveIntegerField(null=True)
    median_annual = models.PositiveIntegerField(null=True)
    pct75_annual = models.PositiveIntegerField(null=True)
    pct90_annual = models.PositiveIntegerField(null=True)
    top_coded = models.JSONField(default=list)
    hourly_only = models.BooleanField(default=False)
    annual_only = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "soc_code"], name="one_estimate_per_area_soc")
        ]


class NationalProjection(models.Model):
    """BLS Employment Projections 2024-34 (national). Employment in thousands, as BLS."""

    soc_code = models.CharField(max_length=7, primary_key=True)
    title = models.CharField(max_length=200)
    is_summary = models.BooleanField()
    employment_2024 = models.DecimalField(max_digits=9, decimal_places=1, null=True)
    employment_2034 = models.DecimalField(max_digits=9, decimal_places=1, null=True)
    change_numeric = models.DecimalField(max_digits=9, decimal_places=1, null=True)
    change_percent = models.DecimalField(max_digits=6, decimal_places=1, null=True)
    annual_openings = models.DecimalField(max_digits=9, decimal_places=1, null=True)
    median_wage_2024 = models.PositiveIntegerField(null=True)
    # BLS prints ">=$239,200" instead of a number for the highest-paid occupations.
    median_wage_top_coded = models.BooleanField(default=False)
    typical_education = models.CharField(max_length=100, blank=True)
    work_experience = models.CharField(max_length=100, blank=True)
    job_training = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["soc_code"]


class StateProjectionEstimate(models.Model):
    """A state figure derived from the national projections; always shown as an estimate.

    annual_openings = national annual openings x the state's share of national OEWS
    employment in the occupation; growth is the national percentage change.
    """

    state = code_link("geography.State")
    soc_code = models.CharField(max_length=7, db_index=True)
    state_employment = models.PositiveIntegerField()
    employment_share = models.DecimalField(max_digits=8, decimal_places=6)
    annual_openings = models.PositiveIntegerField()
    change_percent = models.DecimalField(max_digits=6, decimal_places=1, null=True)
    method = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["state", "soc_code"], name="one_estimate_per_state_soc")
        ]


class CipCode(models.Model):
    """NCES CIP 2020: a postsecondary instructional program (2, 4 or 6 digits)."""

    code = models.CharField(max_length=7, primary_key=True)  # "14.3501", "14.35", "14"
    title = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    family = models.CharField(max_length=2, db_index=True)

    class Meta:
        # Created by the programs app; the model moved here, its table kept its name.
        db_table = "programs_cipcode"
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
        db_table = "programs_cipsoclink"
        constraints = [
            models.UniqueConstraint(fields=["cip_code", "soc_code"], name="one_cip_soc_link")
        ]
