"""The migration chain builds exactly the schema the models describe."""

from __future__ import annotations

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import migo.models
from migo.platform.db import sqlalchemy_url
from migo.platform.migrations import include_name


def test_models_and_migrations_agree():
    engine = create_engine(sqlalchemy_url(os.environ["DATABASE_URL"]))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_name": include_name, "compare_type": True})
            assert compare_metadata(context, migo.models.metadata) == []
    finally:
        engine.dispose()
