"""A real `migo serve` process on 127.0.0.1, for tests that need a socket (browsers, fuzzers, CLIs), and
scratch databases for tests that need one of their own."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import psycopg
from sqlalchemy.engine import make_url

from tests.leakscan import server_log


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(extra_env: dict[str, str] | None = None) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "MIGO_PUBLIC_URL": base, **(extra_env or {})}
    # Its output is its log: kept in a file the leak scan reads at the end of the session.
    log_path = server_log("migo-serve")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "migo", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"migo serve exited: {log_path.read_text(errors='replace')[-4000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError("migo serve did not answer /health within 30 s")
        yield base
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as a service manager stops Migo; SIGKILL when it has not exited within 15 s."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def scratch_database(*, migrated: bool = True) -> Iterator[str]:
    """A database of its own on the suite's server, migrated (or left empty); dropped at the end. Yields its
    URL."""
    url = make_url(os.environ["DATABASE_URL"])
    name = f"{url.database}_scratch_{os.urandom(3).hex()}"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    scratch = url.set(database=name).render_as_string(hide_password=False)
    try:
        if migrated:
            subprocess.run(
                [sys.executable, "-m", "migo", "db", "upgrade"],
                env={**os.environ, "DATABASE_URL": scratch},
                check=True,
                capture_output=True,
            )
        yield scratch
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
