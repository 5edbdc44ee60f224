import pytest

from pathways.datasets.models import DataSource
from pathways.framework.models import (
    Cluster,
    ClusterBridge,
    SubCluster,
    SubClusterOccupation,
    SubClusterProgram,
)
from pathways.geography.models import (
    County,
    District,
    FairMarketRent,
    OewsArea,
    State,
    WorkforceRegion,
)
from pathways.occupations.models import NationalProjection, StateProjectionEstimate, WageEstimate

# Children before parents: the profile's tables protect each other.
LOADED_TABLES = [
    ClusterBridge,
    SubClusterOccupation,
    SubClusterProgram,
    SubCluster,
    Cluster,
    StateProjectionEstimate,
    NationalProjection,
    WageEstimate,
    FairMarketRent,
    District,
    County,
    WorkforceRegion.oews_areas.through,
    WorkforceRegion,
    OewsArea,
    State,
    DataSource,
]


@pytest.fixture(autouse=True)
def _start_from_empty_tables(request):
    """Loader tests describe a first load; the session's real data (loaded for other tests)
    is set aside inside the test's transaction and comes back when it rolls back."""
    uses_real_data = {"real_data", "mirror"} & set(request.fixturenames)
    if request.node.get_closest_marker("django_db") is None or uses_real_data:
        return
    request.getfixturevalue("db")
    for model in LOADED_TABLES:
        model.objects.all().delete()
