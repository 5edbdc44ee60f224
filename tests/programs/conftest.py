import pytest

from tests.factories import DistrictCoordinatorFactory, StateAdminFactory


@pytest.fixture
def coordinator():
    return DistrictCoordinatorFactory()


@pytest.fixture
def state_admin():
    return StateAdminFactory()
