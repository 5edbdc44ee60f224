"""The state's name for templates: read only when a template uses it, and once per request."""

import pytest
from django.test import RequestFactory
from django.utils.translation import override

from pathways.geography.models import State
from pathways.web.context_processors import site_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def state() -> State:
    # The session's real data may hold it already.
    return State.objects.update_or_create(
        fips="35", defaults={"postal": "NM", "name": "New Mexico", "name_es": "Nuevo México"}
    )[0]


def test_state_name_is_read_once_however_often_a_template_uses_it(
    state: State, django_assert_num_queries
) -> None:
    context = site_state(RequestFactory().get("/"))
    with django_assert_num_queries(1), override("es"):
        assert [context["site_state_name"]() for _ in range(3)] == ["Nuevo México"] * 3  # type: ignore[operator]


def test_state_name_is_not_read_unless_used(state: State, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        site_state(RequestFactory().get("/"))
