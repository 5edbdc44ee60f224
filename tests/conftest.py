import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


def mirror_path() -> Path | None:
    """The real-data mirror: PATHWAYS_DATA_MIRROR, else ../shared/data beside the repository."""
    configured = os.environ.get("PATHWAYS_DATA_MIRROR")
    candidate = Path(configured) if configured else REPO.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def mirror() -> Path:
    """Integration tests need the mirror; under CI its absence is a failure, not a skip."""
    path = mirror_path()
    if path is None:
        message = "the real-data mirror (../shared/data or PATHWAYS_DATA_MIRROR) is absent"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    """Downloads in tests never touch the developer's cache."""
    settings.PATHWAYS_CACHE_DIR = tmp_path / "cache"
    settings.PATHWAYS_DATA_MIRROR = None
