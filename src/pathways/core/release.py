"""Which release of the code is running, for ETags that must change with the templates."""

import hashlib
import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def release_id() -> str:
    """PATHWAYS_RELEASE (e.g. a git commit, set by the deployment), else a digest of the
    package's file names, sizes and modification times: the same in every process that
    runs the same code."""
    configured = os.environ.get("PATHWAYS_RELEASE", "").strip()
    if configured:
        return configured[:16]
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in {".py", ".html", ".mo", ".css", ".js", ".toml"}:
            stat = path.stat()
            digest.update(f"{path.relative_to(PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]
