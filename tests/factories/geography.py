"""School districts for factories: real rows from the state profile (profiles/nm.toml)."""

from pathlib import Path

from django.conf import settings

from pathways.datasets import state_profile
from pathways.geography.models import District

ALBUQUERQUE = "3500060"  # Albuquerque Public Schools, Bernalillo County
ALAMOGORDO = "3500030"  # Alamogordo Public Schools, Otero County


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
