"""Alembic environment: a synchronous psycopg connection, serialized across processes by an advisory lock."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool, text

from migo.models import metadata
from migo.platform.db import sqlalchemy_url
from migo.platform.migrations import include_name
from migo.platform.settings import get_settings

MIGRATION_LOCK = 7_400_001  # pg_advisory_lock key: one migrator at a time


def run_migrations_online() -> None:
    url = context.config.attributes.get("url") or get_settings().database_url
    if not url:
        raise RuntimeError("DATABASE_URL is not set")
    engine = create_engine(sqlalchemy_url(url), poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.execute(text(f"SELECT pg_advisory_lock({MIGRATION_LOCK})"))
        connection.commit()
        try:
            context.configure(
                connection=connection, target_metadata=metadata, compare_type=True, include_name=include_name
            )
            with context.begin_transaction():
                context.run_migrations()
        finally:
            connection.execute(text(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
            connection.commit()
    engine.dispose()


run_migrations_online()
