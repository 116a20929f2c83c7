"""Schema migrations: Alembic, one chain, run programmatically (`migo db upgrade`).

SQL functions have one current definition per domain, `<domain>/sql/functions.sql` (stable names, CREATE OR
REPLACE). A migration never reads that file: it installs a frozen copy kept beside the migrations
(`migrations/sql/<NNNN>_<domain>_functions.sql`), so an old migration always does what it did. `migo db
revision --sql -m "…"` writes the frozen copies of the domains whose file changed and the migration that
installs them; a test fails while a domain's file and its latest frozen copy differ.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from alembic import command, op
from alembic.config import Config
from alembic.script import ScriptDirectory

_FROZEN_NAME = re.compile(r"^(?P<number>[0-9]{4})_(?P<domain>[a-z_]+?)_functions\.sql$")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate compares only our tables: procrastinate's schema is applied from its own SQL."""
    return not (type_ == "table" and name is not None and name.startswith("procrastinate_"))


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(files("migo") / "migrations"))
    if url:
        config.attributes["url"] = url
    return config


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(url: str) -> None:
    """Bring the schema to head; safe to run on every start and from several processes at once."""
    command.upgrade(alembic_config(url), "head")


def new_revision(message: str, url: str, autogenerate: bool = True) -> None:
    command.revision(alembic_config(url), message=message, autogenerate=autogenerate)


def _migrations_folder() -> Path:
    return Path(str(files("migo") / "migrations"))


def run_frozen_sql(name: str) -> None:
    """In a migration: run one frozen SQL file of `migrations/sql` (several statements, no parameters)."""
    driver = op.get_bind().connection.driver_connection
    assert driver is not None
    driver.execute((_migrations_folder() / "sql" / name).read_text())


def current_sql() -> dict[str, str]:
    """Each domain's one current SQL definition, `<domain>/sql/functions.sql`, by domain."""
    found = {}
    for folder in files("migo").iterdir():
        source = folder / "sql" / "functions.sql"
        if source.is_file():
            found[folder.name] = source.read_text()
    return dict(sorted(found.items()))


@dataclass(frozen=True)
class FrozenCopy:
    number: int
    domain: str
    path: Path


def latest_frozen_sql(migrations: Path | None = None) -> dict[str, FrozenCopy]:
    """Each domain's latest frozen copy (by its migration's number)."""
    latest: dict[str, FrozenCopy] = {}
    for path in ((migrations or _migrations_folder()) / "sql").iterdir():
        match = _FROZEN_NAME.match(path.name)
        if match is None:
            continue
        copy = FrozenCopy(int(match["number"]), match["domain"], path)
        if copy.domain not in latest or copy.number > latest[copy.domain].number:
            latest[copy.domain] = copy
    return latest


def drifted_sql(migrations: Path | None = None) -> list[str]:
    """The domains whose current SQL differs from its latest frozen copy (or has none yet)."""
    frozen = latest_frozen_sql(migrations)
    return [
        domain
        for domain, text in current_sql().items()
        if domain not in frozen or frozen[domain].path.read_text() != text
    ]


_SQL_REVISION = '''"""{message}

Revision ID: {revision}
Revises: {down_revision}
"""

from __future__ import annotations

from migo.platform.migrations import run_frozen_sql

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None

# Frozen copies of the domains' SQL functions, written by `migo db revision --sql`.
FUNCTIONS = {functions}
PREVIOUS = {previous}  # what a downgrade puts back (functions this revision added stay)


def upgrade() -> None:
    for name in FUNCTIONS:
        run_frozen_sql(name)


def downgrade() -> None:
    for name in PREVIOUS:
        run_frozen_sql(name)
'''


def new_sql_revision(message: str, migrations: Path | None = None) -> Path:
    """Freeze every drifted domain's SQL and write the migration that installs it; returns its path."""
    migrations = migrations or _migrations_folder()
    drifted = drifted_sql(migrations)
    if not drifted:
        raise ValueError("every domain's sql/functions.sql equals its latest frozen copy: nothing to freeze")
    head = ScriptDirectory(str(migrations)).get_current_head()
    assert head is not None
    number = int(head[:4]) + 1
    slug = "_".join(re.findall(r"[a-z0-9]+", message.lower()))[:40].rstrip("_") or "sql"
    revision = f"{number:04d}_{slug}"
    previous = latest_frozen_sql(migrations)
    current = current_sql()
    functions = []
    for domain in drifted:
        name = f"{number:04d}_{domain}_functions.sql"
        (migrations / "sql" / name).write_text(current[domain])
        functions.append(name)
    path = migrations / "versions" / f"{revision}.py"
    path.write_text(
        _SQL_REVISION.format(
            message=message,
            revision=revision,
            down_revision=head,
            functions=json.dumps(functions),
            previous=json.dumps([previous[domain].path.name for domain in drifted if domain in previous]),
        )
    )
    return path
