"""The migration chain builds exactly the schema the models describe, and exactly the SQL functions the domains
define."""

from __future__ import annotations

import os

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import migo.models
from migo.platform.db import libpq_url, sqlalchemy_url
from migo.platform.migrations import current_sql, include_name
from tests.live import scratch_database


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


# The functions of the public schema that are ours: not an extension's, not procrastinate's (its own schema
# file installs those). The definition is compared too, for a migration that forgot to install a new copy.
_OUR_FUNCTIONS = r"""
    SELECT p.oid::regprocedure::text AS signature,
           CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END AS definition
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proname NOT LIKE 'procrastinate\_%'
      AND NOT EXISTS (
          SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
      )
"""


def _functions(url: str) -> dict[str, str | None]:
    with psycopg.connect(libpq_url(url)) as connection:
        return dict(connection.execute(_OUR_FUNCTIONS).fetchall())


def test_the_installed_sql_functions_are_exactly_the_domains_current_ones():
    """The migrated test database has exactly the SQL functions the domains' sql/functions.sql define, by name
    and argument types, and with their definitions: a signature change under CREATE OR REPLACE leaves the old
    overload behind unless a migration drops it, and callers with the old argument list would still reach it.

    What the files define is read by PostgreSQL, not by a parser of ours: a scratch database gets the models'
    tables (their triggers and row types need them; test_models_and_migrations_agree keeps the models equal to
    the migrations) and then each file, and its pg_proc is compared with the test database's. So type aliases
    (timestamptz), defaults, OUT parameters and comments in the argument lists need no handling here."""
    installed = _functions(os.environ["DATABASE_URL"])
    with scratch_database(migrated=False) as scratch:
        engine = create_engine(sqlalchemy_url(scratch))
        try:
            migo.models.metadata.create_all(engine)
        finally:
            engine.dispose()
        with psycopg.connect(libpq_url(scratch), autocommit=True) as connection:
            for text in current_sql().values():
                connection.execute(text)
        defined = _functions(scratch)
    assert defined, "the domains' SQL files define no function: is current_sql() reading them?"
    stale = sorted(set(installed) - set(defined))
    missing = sorted(set(defined) - set(installed))
    assert not stale, f"installed but in no sql/functions.sql (an old overload? drop it in a migration): {stale}"
    assert not missing, f"defined in sql/functions.sql but not installed by the migrations: {missing}"
    differ = sorted(signature for signature in defined if defined[signature] != installed[signature])
    assert not differ, f"installed with another definition than sql/functions.sql has: {differ}"


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
