"""The secret key kept on disk when the environment gives none."""

import os
import secrets
from pathlib import Path


def secret_key_from(path: Path) -> str:
    """Read the key in `path`, making a random one (mode 0600) the first time.

    Several processes may start at once: the key is written to a private temporary file
    and linked into place, which fails for all but the first, so all read the same key."""
    if not path.exists():
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(50) + "\n")
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    key = path.read_text().strip()
    if not key:
        raise RuntimeError(f"{path} is empty: delete it or set DJANGO_SECRET_KEY.")
    return key
