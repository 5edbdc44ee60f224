"""The New Mexico state profile: the places every figure is organised by."""

from pathlib import Path

import pytest
from django.conf import settings

from pathways.datasets import state_profile
from pathways.datasets.errors import ImportValidationError
from pathways.geography.models import County, District, WorkforceRegion

pytestmark = pytest.mark.django_db
PROFILE = Path(settings.PATHWAYS_STATE_PROFILE)


def load_profile(path: Path = PROFILE) -> dict[str, int]:
    return state_profile.load({path.name: path})


def test_new_mexico_has_33_counties_each_in_exactly_one_of_four_regions():
    counts = load_profile()
    assert counts["counties"] == 33
    assert sorted(WorkforceRegion.objects.values_list("name", flat=True)) == [
        "Central",
        "Eastern",
        "Northern",
        "Southwestern",
    ]
    assert County.objects.filter(region__isnull=True).count() == 0
    assert sum(r.counties.count() for r in WorkforceRegion.objects.all()) == 33


def test_central_region_is_the_albuquerque_metro_area():
    load_profile()
    central = WorkforceRegion.objects.get(slug="central")
    assert sorted(central.counties.values_list("name", flat=True)) == [
        "Bernalillo",
        "Sandoval",
        "Torrance",
        "Valencia",
    ]
    assert central.primary_oews_area.name == "Albuquerque, NM"
    assert {c.oews_area_id for c in central.counties.all()} == {"0010740"}


def test_every_school_district_has_a_county():
    load_profile()
    assert District.objects.count() == 89
    albuquerque = District.objects.select_related("county__region").get(nces_id="3500060")
    assert albuquerque.county.name == "Bernalillo"
    assert albuquerque.county.region.slug == "central"


def test_unconfirmed_facts_are_marked_as_such():
    load_profile()
    assert not WorkforceRegion.objects.get(slug="eastern").verified
    assert WorkforceRegion.objects.get(slug="northern").verified
    assert not County.objects.get(name="Taos").oews_area_verified
    assert County.objects.get(name="Santa Fe").oews_area_verified


def test_reload_keeps_rows_that_user_data_points_at():
    load_profile()
    district = District.objects.get(nces_id="3500060")
    load_profile()
    assert District.objects.get(nces_id="3500060").pk == district.pk
    assert District.objects.count() == 89


def test_a_reference_to_an_unknown_region_is_reported(tmp_path):
    broken = tmp_path / "nm.toml"
    broken.write_text(PROFILE.read_text().replace('region = "central"', 'region = "centrl"', 1))
    with pytest.raises(ImportValidationError, match="region 'centrl' is not listed"):
        load_profile(broken)


def test_a_profile_that_is_not_toml_is_reported(tmp_path):
    broken = tmp_path / "nm.toml"
    broken.write_text("[state\nfips = 35")
    with pytest.raises(ImportValidationError, match=r"nm\.toml: is not a readable TOML profile"):
        load_profile(broken)


def test_failed_profile_load_leaves_the_previous_profile(tmp_path):
    load_profile()
    broken = tmp_path / "nm.toml"
    broken.write_text(PROFILE.read_text().replace('county = "35001"', 'county = "35999"', 1))
    with pytest.raises(ImportValidationError, match="county '35999' is not listed"):
        load_profile(broken)
    assert District.objects.get(nces_id="3500060").county_id == "35001"


def test_every_county_names_the_source_of_its_oews_area():
    load_profile()
    assert not County.objects.filter(oews_area_source="").exists()
    metro = County.objects.filter(oews_area_verified=True)
    assert set(metro.values_list("name", flat=True)) == {
        "Bernalillo",
        "Doña Ana",
        "Sandoval",
        "San Juan",
        "Santa Fe",
        "Torrance",
        "Valencia",
    }
    assert all("OMB" in c.oews_area_source for c in metro)


def test_six_counties_have_no_confirmed_area_and_say_so():
    load_profile()
    unmatched = County.objects.filter(oews_area__isnull=True).order_by("name")
    assert list(unmatched.values_list("name", flat=True)) == [
        "Catron",
        "Grant",
        "Hidalgo",
        "Luna",
        "Sierra",
        "Socorro",
    ]
    assert all(c.oews_area_source.startswith("Not confirmed") for c in unmatched)
    assert not unmatched.filter(oews_area_verified=True).exists()
