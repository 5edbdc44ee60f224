"""Places: the state, its counties, workforce regions, school districts and OEWS areas.

All rows come from the state profile (see profiles/nm.toml) and are keyed by public
codes, so other sources and user data refer to them by code across reloads.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .spanish import local_area_name


class BilingualName:
    """A place published with an English and a Spanish name."""

    name: str
    name_es: str

    @property
    def local_name(self) -> str:
        """The name in the page's language."""
        return self.name_es if get_language() == "es" and self.name_es else self.name


class State(BilingualName, models.Model):
    fips = models.CharField(max_length=2, primary_key=True)
    postal = models.CharField(max_length=2, unique=True)
    name = models.CharField(max_length=100)
    name_es = models.CharField(max_length=100)

    def __str__(self) -> str:
        return self.name


class OewsArea(models.Model):
    class AreaType(models.TextChoices):
        NATIONAL = "national", _("National")
        STATE = "state", _("Statewide")
        METRO = "metro", _("Metropolitan area")
        NONMETRO = "nonmetro", _("Nonmetropolitan area")

    code = models.CharField(max_length=7, primary_key=True)
    name = models.CharField(max_length=200)
    area_type = models.CharField(max_length=10, choices=AreaType.choices)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def local_name(self) -> str:
        """The name in the page's language (the project's Spanish names of BLS areas)."""
        return local_area_name(self.code, self.name)


class WorkforceRegion(BilingualName, models.Model):
    slug = models.SlugField(primary_key=True)
    name = models.CharField(max_length=100)
    name_es = models.CharField(max_length=100)
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="regions")
    oews_areas = models.ManyToManyField(OewsArea, related_name="regions")
    primary_oews_area = models.ForeignKey(OewsArea, on_delete=models.PROTECT, related_name="+")
    # False where the region's county list is not confirmed by the state's own page.
    verified = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class County(models.Model):
    fips = models.CharField(max_length=5, primary_key=True)
    name = models.CharField(max_length=100)
    state = models.ForeignKey(State, on_delete=models.CASCADE, related_name="counties")
    region = models.ForeignKey(WorkforceRegion, on_delete=models.PROTECT, related_name="counties")
    # The OEWS area that includes this county; null = not confirmed, statewide figures stand in.
    oews_area = models.ForeignKey(
        OewsArea, on_delete=models.PROTECT, null=True, blank=True, related_name="counties"
    )
    oews_area_verified = models.BooleanField(default=False)
    # Where the county-to-area fact comes from (the state profile's `oews_area_source`).
    oews_area_source = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "counties"

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    nces_id = models.CharField(max_length=7, primary_key=True)
    name = models.CharField(max_length=200)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="districts")
    verified = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    """A school of a district, by the state's school code; named as districts report it."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="schools")
    code = models.CharField(max_length=20)  # the state's school code within the district
    name = models.CharField(max_length=200, blank=True)

    class Meta:
        # Created by the students app; the model moved here, its table kept its name.
        db_table = "students_school"
        ordering = ["district", "name", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["district", "code"], name="one_school_code_per_district"
            )
        ]

    def __str__(self) -> str:
        return self.name or self.code


class FairMarketRent(models.Model):
    """HUD Fair Market Rent: monthly gross rent (rent + utilities), whole dollars."""

    county = models.ForeignKey(
        County, on_delete=models.DO_NOTHING, db_constraint=False, related_name="rents"
    )
    fiscal_year = models.PositiveSmallIntegerField()
    bedrooms = models.PositiveSmallIntegerField()
    monthly_rent = models.PositiveIntegerField()
    hud_area_name = models.CharField(max_length=200)

    class Meta:
        ordering = ["county", "fiscal_year", "bedrooms"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "fiscal_year", "bedrooms"], name="one_rent_per_county_year_size"
            )
        ]
