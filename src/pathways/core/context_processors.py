from django.http import HttpRequest
from django.utils.translation import get_language

from pathways.core.cache import data_generation
from pathways.geography.models import State


def site_state(request: HttpRequest) -> dict[str, object]:
    """The state this deployment serves, named in the page's language, and the data
    generation that keys cached fragments (a data load bumps it)."""
    state = State.objects.first()
    if state is None:
        return {"site_state": None, "site_state_name": "", "data_generation": data_generation()}
    name = state.name_es if get_language() == "es" else state.name
    return {"site_state": state, "site_state_name": name, "data_generation": data_generation()}
