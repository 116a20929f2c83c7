"""The migration chain builds exactly the schema the models describe."""

from __future__ import annotations

import os

import pytest
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


def test_every_domains_sql_is_frozen_in_a_migration():
    """Each domain's sql/functions.sql equals its latest frozen copy: a change to the file comes with the
    migration that installs it (`migo db revision --sql -m "…"`)."""
    from migo.platform.migrations import current_sql, drifted_sql

    assert {"cards", "ledger"} <= set(current_sql())
    assert drifted_sql() == [], 'run `migo db revision --sql -m "…"` to freeze the changed SQL in a migration'


def test_a_sql_revision_freezes_what_changed_and_installs_it(tmp_path, monkeypatch):
    import shutil
    from importlib.resources import files

    from migo.platform import migrations

    copy = tmp_path / "migrations"
    shutil.copytree(str(files("migo") / "migrations"), copy)
    current = migrations.current_sql()
    changed = {**current, "ledger": current["ledger"] + "\n-- a change\n"}
    monkeypatch.setattr(migrations, "current_sql", lambda: changed)
    assert migrations.drifted_sql(copy) == ["ledger"]
    written = migrations.new_sql_revision("Ledger: a change", copy)
    head = migrations.ScriptDirectory(str(copy)).get_current_head()
    assert head == written.stem and head.endswith("_ledger_a_change")
    number = head[:4]
    assert (copy / "sql" / f"{number}_ledger_functions.sql").read_text() == changed["ledger"]
    source = written.read_text()
    assert f'FUNCTIONS = ["{number}_ledger_functions.sql"]' in source
    assert "PREVIOUS = [" in source and "_ledger_functions.sql" in source.split("PREVIOUS = [")[1]
    assert migrations.drifted_sql(copy) == []
    with pytest.raises(ValueError, match="nothing to freeze"):
        migrations.new_sql_revision("nothing", copy)
