from functools import cache

from django.http import HttpRequest

from pathways.core.cache import content_version_for
from pathways.geography.models import State


def site_state(request: HttpRequest) -> dict[str, object]:
    """The state this deployment serves, named in the page's language, and the content
    version that keys cached fragments. Both are read only by the templates that use them,
    once per request."""

    @cache
    def state_name() -> str:
        state = State.objects.first()
        return state.local_name if state else ""

    return {"site_state_name": state_name, "content_version": lambda: content_version_for(request)}
