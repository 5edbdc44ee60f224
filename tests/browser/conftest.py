"""Headless Chromium (Debian's package) driving the site served from the test database.

The server runs in a thread of this process over the session's loaded real data. Tests that
only read use `django_db`; a test that writes through the browser runs unblocked without
`django_db` (so its rows are committed and the server sees them) and deletes what it made,
so nothing flushes the session's data under the others.
"""

import os
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

# Playwright's sync API runs an event loop in this thread; the ORM calls tests make
# are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 740}


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(real_data) -> Iterator[str]:  # type: ignore[no-untyped-def]
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
    server.set_app(StaticFilesHandler(WSGIHandler()))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def wcag_violations(axe: Axe, page: Any) -> list[str]:
    """WCAG 2.1 A and AA rule violations on the page, as 'rule: target' strings."""
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {node['target']}" for v in result.response["violations"] for node in v["nodes"]
    ]


def overflows_horizontally(page: Any) -> bool:
    """True when the page itself scrolls sideways (tables may scroll inside their wrapper)."""
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"))


def open_menu(page: Any) -> None:
    """On a phone the header's menu starts folded; open it as a visitor would."""
    if not page.locator(".site-menu").evaluate("menu => menu.open"):
        page.click(".site-menu > summary")
