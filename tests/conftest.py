import os
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"
BROWSER_TESTS = Path(__file__).parent / "browser"
MIRROR_PREFIXES = (str(SHARED_DATA), os.path.realpath(SHARED_DATA))


def mirror_path() -> Path | None:
    """The real-data mirror: PATHWAYS_DATA_MIRROR, else ../shared/data beside the repository."""
    configured = os.environ.get("PATHWAYS_DATA_MIRROR")
    candidate = Path(configured) if configured else SHARED_DATA
    return candidate if candidate.is_dir() else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs the mirror (its fixture, directly or through `real_data`) and what
    drives a browser, so `-m "not mirror and not browser"` (`make test-fast`) leaves both out."""
    for item in items:
        if "mirror" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.mirror)
        if BROWSER_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
    # The tiny labour market is written into an empty database, and the mirror's load stays
    # for the rest of the session: tests on the tiny one run first (the sort is stable).
    items.sort(key=lambda item: "labour_market" not in getattr(item, "fixturenames", ()))


def _refuse_the_mirror(event: str, args: tuple[object, ...]) -> None:
    if event in ("open", "os.listdir", "os.scandir") and args and args[0] is not None:
        path = (
            os.path.realpath(os.fsdecode(args[0]))
            if isinstance(args[0], str | bytes | os.PathLike)
            else ""
        )
        if path.startswith(MIRROR_PREFIXES):
            raise RuntimeError(f"a fast test read the data mirror: {path}")


if os.environ.get("PATHWAYS_TESTS_WITHOUT_MIRROR"):
    # `make test-fast`: any read under ../shared/data fails the test that made it.
    sys.addaudithook(_refuse_the_mirror)


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


def _asks_for_the_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(item.get_closest_marker("django_db") or fixtures & {"db", "transactional_db"})


@pytest.fixture(scope="session")
def real_data(request, django_db_setup, django_db_blocker, mirror, tmp_path_factory):  # type: ignore[no-untyped-def]
    """Every source loaded from the mirror into the test database, once per session.

    Tests that read it use `@pytest.mark.django_db` and this fixture; their own writes roll
    back. The data stays for later tests, so a test that needs an empty table clears it."""
    from django.test import override_settings
    from django.test.utils import setup_databases, teardown_databases

    from pathways.datasets.loading import load_all

    if not any(_asks_for_the_database(item) for item in request.session.items):
        # pytest-django makes the test database only for tests that ask for it by marker or
        # fixture; browser tests that write ask by neither, so alone they would load the
        # mirror into the developer's own database. Make the test database for them.
        with django_db_blocker.unblock():
            created = setup_databases(verbosity=0, interactive=False, aliases={"default"})

        def drop() -> None:
            with django_db_blocker.unblock():
                teardown_databases(created, verbosity=0)

        request.addfinalizer(drop)
    with (
        django_db_blocker.unblock(),
        override_settings(PATHWAYS_CACHE_DIR=tmp_path_factory.mktemp("cache")),
    ):
        load_all(mirror=mirror)


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    """Each test starts in the default language, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate("en")


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    """Downloads in tests never touch the developer's cache, and no test sees pages or
    figures another test cached."""
    from django.core.cache import caches

    # The report tables' cache is files shared by processes outside tests; here it is memory.
    settings.CACHES = {
        **settings.CACHES,
        "reports": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"},
    }
    for alias in settings.CACHES:
        caches[alias].clear()
    settings.PATHWAYS_WARM_REPORTS = False  # tests that warm say so
    settings.PATHWAYS_CACHE_DIR = tmp_path / "cache"
    settings.PATHWAYS_DATA_MIRROR = None


@pytest.fixture(autouse=True)
def _jobs_run_at_once(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    """Background jobs run inside the request under tests; uploads wait in the test's
    own folder."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PATHWAYS_UPLOADS_DIR = tmp_path / "uploads"


@pytest.fixture
def labour_market(db):  # type: ignore[no-untyped-def]
    """A tiny New Mexico labour market built with factories (tests/fixtures/labour_market.py):
    four OEWS areas, eight occupations with wages, projections, O*NET and clusters."""
    from tests.fixtures import labour_market

    return labour_market.build()
