"""Schema migrations: Alembic, one chain, run programmatically (`migo db upgrade`)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory


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
