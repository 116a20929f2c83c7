"""Test session: a fresh PostgreSQL database per run, the real app, real HTTP where the test needs it.

Database server: DATABASE_URL when set, else PostgreSQL on 127.0.0.1:5432 if it answers, else the embedded
one. A database of its own is created for the run, migrated, and dropped at the end.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import socket
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import psycopg
import pytest

from tests.leakscan import known_secret

# The suite-wide leak scan: no PAN, CVV, PIN or secret in any log line or error answer (tests/leakscan).
pytest_plugins = ["tests.leakscan.plugin"]

_TEST_HOME = Path(tempfile.mkdtemp(prefix="migo-test-"))
_ADMIN_URL: str | None = None
_TEST_DATABASE = f"migo_test_{os.getpid()}_{secrets.token_hex(3)}"


def _local_server_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def _admin_url() -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    if _local_server_answers():
        return "postgresql://postgres@127.0.0.1:5432/postgres"
    from migo.platform import embedded

    return embedded.start(Path(".migo/pg-test").resolve(), database="postgres")


def pytest_configure(config: pytest.Config) -> None:
    global _ADMIN_URL
    from sqlalchemy.engine import make_url

    _ADMIN_URL = _admin_url()
    with psycopg.connect(_libpq(_ADMIN_URL), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{_TEST_DATABASE}"')
    test_url = make_url(_ADMIN_URL).set(database=_TEST_DATABASE).render_as_string(hide_password=False)
    master_secret = "test-master-secret-" + secrets.token_hex(16)
    known_secret("master secret", master_secret)  # neither may ever reach a log (tests/leakscan)
    known_secret("database password", make_url(_ADMIN_URL).password)
    os.environ.update(
        {
            "DATABASE_URL": test_url,
            "MIGO_ENVIRONMENT": "sandbox",
            "MIGO_SECRET_KEY": master_secret,
            "MIGO_HOME": str(_TEST_HOME),
            "MIGO_PUBLIC_URL": "http://testserver",
            "MIGO_LOG_LEVEL": "INFO",
        }
    )
    from migo.database_setup import upgrade_database
    from migo.platform.settings import get_settings

    get_settings.cache_clear()
    asyncio.run(upgrade_database(test_url))


def pytest_unconfigure(config: pytest.Config) -> None:
    if _ADMIN_URL is None:
        return
    with psycopg.connect(_libpq(_ADMIN_URL), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{_TEST_DATABASE}" WITH (FORCE)')


def _libpq(url: str) -> str:
    from migo.platform.db import libpq_url

    return libpq_url(url)


@pytest.fixture(scope="session", autouse=True)
def _composed() -> None:
    """The domains plugged together as every process of Migo has them (the app factory and the `migo` command
    do it), also for the tests that call the services without the app."""
    from migo.composition import compose

    compose()


@pytest.fixture(scope="session")
def app():  # type: ignore[no-untyped-def]
    from migo.app import create_app

    return create_app()


@pytest.fixture(scope="session", autouse=True)
async def _dispose_engine() -> AsyncIterator[None]:
    yield
    from migo.platform.db import database

    await database.dispose()


@pytest.fixture
async def client(app):  # type: ignore[no-untyped-def]
    """An HTTP client on the app, from an address of its own (rate limits count per address)."""
    import httpx

    address = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """Base URL of a real `migo serve` on this run's database."""
    from tests.live import running_server

    with running_server() as base:
        yield base


@pytest.fixture
def frozen_clock() -> Iterator[object]:
    from migo.platform.clock import FrozenClock, use_clock

    with use_clock(FrozenClock()) as clock:
        yield clock
