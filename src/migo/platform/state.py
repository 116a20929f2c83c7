"""The platform's own facts, kept in its database: which master secret its data is sealed with, and the public
URL `migo up` last served under.

State must not fork silently: a command run from another folder, or with another MIGO_SECRET_KEY, once
generated a fresh master secret, and every card it printed then failed activation forever. The database keeps
a fingerprint of its master secret (an HMAC keyed by it, never the secret itself) from the first time a
command uses it, and every command checks it before anything else: no secret here, or another one, is refused.
These run before the command's event loop, on a connection of their own."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import String, Text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform import clock
from migo.platform.db import Base, libpq_url
from migo.platform.settings import Settings

MASTER_SECRET_FINGERPRINT = "master_secret_fingerprint"
PUBLIC_URL = "public_url"


class PlatformState(Base):
    __tablename__ = "platform_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class StateForked(Exception):
    """A command refused to run against a database sealed with another master secret than the one it has."""


def shown_url(url: str) -> str:
    """The database URL with its password hidden, as the commands name it."""
    return make_url(url).render_as_string(hide_password=True)


def fingerprint(secret: bytes) -> str:
    return hmac.new(secret, b"migo master secret fingerprint", hashlib.sha256).hexdigest()


def _read(connection: psycopg.Connection[tuple[Any, ...]], key: str) -> str | None:
    row = connection.execute("SELECT value FROM platform_state WHERE key = %s", (key,)).fetchone()
    return None if row is None else row[0]


def _write(connection: psycopg.Connection[tuple[Any, ...]], key: str, value: str, *, replace: bool) -> None:
    on_conflict = "DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at" if replace else "DO NOTHING"
    connection.execute(
        f"INSERT INTO platform_state (key, value, updated_at) VALUES (%s, %s, %s) ON CONFLICT (key) {on_conflict}",  # noqa: S608 - one of two constants
        (key, value, clock.now()),
    )


def _migrated(connection: psycopg.Connection[tuple[Any, ...]]) -> bool:
    row = connection.execute("SELECT to_regclass('platform_state') IS NOT NULL").fetchone()
    return bool(row and row[0])


def _holds_sealed_data(connection: psycopg.Connection[tuple[Any, ...]], tables: Sequence[str]) -> bool:
    """Whether any of `tables` (the application names those whose rows carry secrets derived from the master
    secret) has a row: a database without any has nothing a new secret could orphan."""
    for table in tables:
        row = connection.execute(sql.SQL("SELECT EXISTS (SELECT FROM {})").format(sql.Identifier(table))).fetchone()
        if row is not None and row[0]:
            return True
    return False


def _where_the_secret_is(settings: Settings) -> str:
    if settings.secret_key is not None:
        return "MIGO_SECRET_KEY"
    return f"{settings.secret_file} (MIGO_HOME={settings.home.resolve()})"


def guard_master_secret(url: str, settings: Settings, sealed_tables: Sequence[str]) -> None:
    """Record the master secret's fingerprint in a database that has none; refuse (StateForked) when this
    process has no secret for a database that holds sealed data (a row in `sealed_tables`, for a database
    older than the fingerprint), or a secret other than the recorded one. A database not migrated yet has
    nothing to check: the migrations' caller calls this again after them."""
    database = shown_url(url)
    if not settings.is_sandbox and settings.secret_key is None:
        raise StateForked(f"MIGO_SECRET_KEY must be set in production (database {database})")
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        if not _migrated(connection):
            return
        recorded = _read(connection, MASTER_SECRET_FINGERPRINT)
        if not settings.has_master_secret() and (recorded is not None or _holds_sealed_data(connection, sealed_tables)):
            raise StateForked(
                f"the database {database} holds data sealed with a master secret, and none is set here (no "
                f"MIGO_SECRET_KEY, no {settings.secret_file}); a new one would make that data unreadable: set "
                "MIGO_HOME to the home folder holding its secret_key, or MIGO_SECRET_KEY to it"
            )
        mine = fingerprint(settings.master_secret())  # generated here, in a sandbox home without one
        if recorded is None:
            _write(connection, MASTER_SECRET_FINGERPRINT, mine, replace=False)
            recorded = _read(connection, MASTER_SECRET_FINGERPRINT)  # another process may have been first
        if recorded != mine:
            raise StateForked(
                f"the master secret of {_where_the_secret_is(settings)} is not the one the database {database} "
                "is sealed with: set MIGO_HOME to the home folder holding its secret_key, or MIGO_SECRET_KEY to it"
            )


def record_public_url(url: str, public_url: str) -> None:
    """What `migo up` serves under, for a later `migo sandbox` on the same database to hand out."""
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        if _migrated(connection):  # `migo serve` on a database not migrated yet fails on its own
            _write(connection, PUBLIC_URL, public_url, replace=True)


def recorded_public_url(url: str) -> str | None:
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        return _read(connection, PUBLIC_URL) if _migrated(connection) else None
