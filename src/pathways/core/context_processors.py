from collections.abc import Callable

from django.http import HttpRequest
from django.utils.translation import get_language

from pathways.core.cache import content_version_for
from pathways.geography.models import State


def site_state(request: HttpRequest) -> dict[str, object]:
    """The state this deployment serves, named in the page's language, and the content
    version that keys cached fragments (read only by templates that use it)."""
    version: Callable[[], int] = lambda: content_version_for(request)  # noqa: E731
    state = State.objects.first()
    if state is None:
        return {"site_state": None, "site_state_name": "", "content_version": version}
    name = state.name_es if get_language() == "es" else state.name
    return {"site_state": state, "site_state_name": name, "content_version": version}
