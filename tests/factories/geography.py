"""Places for factories: real rows from the state profile (profiles/nm.toml), loaded on first
use: school districts, counties, workforce regions and the OEWS areas that cover the state."""

from pathlib import Path

import factory
from django.conf import settings
from factory.django import DjangoModelFactory

from pathways.datasets import state_profile
from pathways.geography.models import District, OewsArea

ALBUQUERQUE = "3500060"  # Albuquerque Public Schools, Bernalillo County
ALAMOGORDO = "3500030"  # Alamogordo Public Schools, Otero County
NATIONAL = "0000000"  # OEWS area codes as BLS publishes them
STATEWIDE = "3500000"
ALBUQUERQUE_METRO = "0010740"
EASTERN_NONMETRO = "3500007"


def load_state_profile() -> None:
    """The state, its regions, counties and school districts, as `pathways data load` does."""
    path = Path(settings.PATHWAYS_STATE_PROFILE)
    state_profile.load({path.name: path})


def district(nces_id: str = ALBUQUERQUE) -> District:
    """A district by NCES id, loading the state profile first if it is not loaded yet."""
    found = District.objects.filter(nces_id=nces_id).first()
    if found is None:
        load_state_profile()
        found = District.objects.get(nces_id=nces_id)
    return found


def albuquerque() -> District:
    return district(ALBUQUERQUE)


def alamogordo() -> District:
    return district(ALAMOGORDO)


def state_area(code: str = STATEWIDE) -> OewsArea:
    """An OEWS area the state profile lists, loading the profile first if needed."""
    found = OewsArea.objects.filter(code=code).first()
    if found is None:
        load_state_profile()
        found = OewsArea.objects.get(code=code)
    return found


class OewsAreaFactory(DjangoModelFactory[OewsArea]):
    """An OEWS area of one's own (the state profile's areas come from `state_area`)."""

    class Meta:
        model = OewsArea
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"99{n:05d}")
    name = factory.Sequence(lambda n: f"Test metropolitan area {n}")
    area_type = OewsArea.AreaType.METRO
