from collections.abc import Iterator

import pytest
from axes.utils import reset as reset_axes

from tests.factories import load_state_profile


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:  # type: ignore[no-untyped-def]
    """Real hashing takes a fraction of a second per password; these tests hash many."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def districts(db) -> None:  # type: ignore[no-untyped-def]
    """The state profile's school districts (Albuquerque, Alamogordo, ...)."""
    load_state_profile()


@pytest.fixture
def axes_reset(db) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """No failed sign-ins carried into or out of a test."""
    reset_axes()
    yield
    reset_axes()
