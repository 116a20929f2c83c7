"""File storage: uploaded documents kept by key, outside the database.

One small interface so the store can change by setting: a local folder under the data dir (`MIGO_HOME`/files)
today. An S3-compatible store (boto3 against MinIO or S3) is the next implementation and is not built yet: it
plugs in behind `Storage` and `get_storage` without touching a caller.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from pathlib import Path
from typing import Protocol

from migo.platform.settings import get_settings

# Keys are made by the platform (`leads/<uuid>/<uuid>`), never by a client; anything else is a bug.
_KEY = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*$")


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...


class LocalStorage:
    """A folder: each key a file, written under a fresh name and moved into place so a reader never sees half."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"not a storage key: {key!r}")
        return self.root / key

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, True)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        with os.fdopen(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as file:
            file.write(data)
        os.replace(fresh, path)


def get_storage() -> Storage:
    return LocalStorage(get_settings().home / "files")
