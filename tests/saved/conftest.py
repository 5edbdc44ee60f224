import pytest

from tests.factories import load_state_profile


@pytest.fixture
def districts(db) -> None:  # type: ignore[no-untyped-def]
    """The state profile's school districts (Albuquerque, Alamogordo, ...)."""
    load_state_profile()
