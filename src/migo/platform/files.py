"""Files only the owner may read (secrets, credentials), written so they are never readable by others, not
even for a moment."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def write_private_file(path: Path, text: str, *, replace: bool = True) -> Path:
    """Write `text` to `path` with mode 0600 from its first byte: created by os.open with that mode (never
    chmod-ed after the write) under a fresh name, then moved into place, so an existing file, whatever its
    mode, is replaced rather than reused. With `replace=False` an existing file wins (a second process starting
    at the same moment keeps the first one's), and its path is returned unchanged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    # O_EXCL: never through a file or a symlink someone else put at that name.
    with os.fdopen(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
        file.write(text)
    try:
        if replace:
            os.replace(fresh, path)
        else:
            os.link(fresh, path)  # atomic, and fails if the path exists
    except FileExistsError:
        pass
    finally:
        fresh.unlink(missing_ok=True)
    return path.resolve()
