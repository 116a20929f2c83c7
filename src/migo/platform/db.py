"""The database: one async engine per process (SQLAlchemy 2 + psycopg 3), sessions, and the model base."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any, cast

import psycopg
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.dialects.postgresql import psycopg as psycopg_dialect
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, SessionTransaction, mapped_column
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from migo.platform import clock, round_trip
from migo.platform.ids import new_id
from migo.platform.settings import get_settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True), uuid.UUID: UUID(as_uuid=True)}


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


class CreatedAtMixin:
    created_at: Mapped[datetime] = mapped_column(default=lambda: clock.now())


def storable_text(text: str | None) -> str | None:
    """Text an outside system sent us (an answer's excerpt, a provider's error), as PostgreSQL text can hold it:
    a NUL would fail the whole statement, and with it the settling of whatever the answer was about."""
    return text.replace("\x00", "\ufffd") if text else text


def sqlalchemy_url(url: str) -> str:
    """`postgresql://…` as SQLAlchemy's psycopg 3 dialect wants it."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+asyncpg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """The same server as a plain libpq URI (psql, pgbench, procrastinate)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class Database:
    """The process's engine, created on first use from the settings."""

    def __init__(self) -> None:
        self._engine: AsyncEngine | None = None
        self._sessionmaker: async_sessionmaker[AsyncSession] | None = None
        self._side_engine: AsyncEngine | None = None
        self._side_sessionmaker: async_sessionmaker[AsyncSession] | None = None

    def _create_engine(self, pool_size: int, max_overflow: int, name: str) -> AsyncEngine:
        settings = get_settings()
        if not settings.database_url:
            raise RuntimeError("DATABASE_URL is not set (migo serve/up start the embedded server)")
        return create_async_engine(
            sqlalchemy_url(settings.database_url),
            pool_size=pool_size,
            max_overflow=max_overflow,
            pool_recycle=1800,
            pool_timeout=10,
            hide_parameters=True,  # bound values (codes, names) never reach an error message or a log
            connect_args={"application_name": name},
        )

    @property
    def engine(self) -> AsyncEngine:
        if self._engine is None:
            settings = get_settings()
            self._engine = self._create_engine(settings.db_pool_size, settings.db_max_overflow, "migo")
        return self._engine

    @property
    def sessionmaker(self) -> async_sessionmaker[AsyncSession]:
        if self._sessionmaker is None:
            self._sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        return self._sessionmaker

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed when the block ends, rolled back if it raises."""
        async with self.sessionmaker() as session, session.begin():
            yield session

    @asynccontextmanager
    async def side_transaction(self) -> AsyncIterator[AsyncSession]:
        """A short transaction of its own, committed whatever becomes of the request that opened it (an
        attempt counter, a stored idempotent answer, a payment step committed before the processor is
        called). Its own pool: a request holding a connection never waits on the pool it holds one of, so
        requests cannot starve each other into a deadlock. Never open one inside another."""
        if self._side_sessionmaker is None:
            self._side_engine = self._create_engine(8, 8, "migo-side")
            self._side_sessionmaker = async_sessionmaker(self._side_engine, expire_on_commit=False)
        async with self._side_sessionmaker() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        for engine in (self._engine, self._side_engine):
            if engine is not None:
                await engine.dispose()
        self._engine = self._side_engine = None
        self._sessionmaker = self._side_sessionmaker = None


database = Database()


# Hot-path statements (a signed transfer, a link, an idempotency check, an event) run on the driver
# connection under the session's transaction: psycopg's own prepared statements without SQLAlchemy's compile
# and result layers (measured on one connection: ~55 µs of CPU per statement against ~250 µs through a
# Session). Statements known together go in one round trip (`fetch_batch`): under load each round trip
# costs the API and PostgreSQL far more than its statement. Placeholders are psycopg's: `%(name)s`.
Statement = tuple[str, Mapping[str, Any]]


_DEFERRED = "migo.deferred_writes"


def driver_sql(statement: ClauseElement) -> str:
    """A Core statement as a driver statement's SQL, compiled once (at import): a hot path that needs a rule
    the ORM also uses (a WHERE clause, a subquery) keeps its one definition. Every parameter must be a named
    `bindparam` without a value (not an expanding one: `IN` takes an array, `= ANY(...)`), passed when the
    statement runs."""
    compiled = cast(SQLCompiler, statement.compile(dialect=psycopg_dialect.dialect()))
    valued = sorted(
        {compiled.bind_names[bind] for bind in compiled.binds.values() if not bind.required or bind.expanding}
    )
    if valued:
        raise ValueError(
            f"driver_sql: parameters with a value or expanding ({', '.join(valued)}); use named bindparams"
        )
    return compiled.string


_DRIVER = "migo.driver_connection"


async def driver_connection(session: AsyncSession) -> psycopg.AsyncConnection[Any]:
    """The psycopg connection of the session's transaction (opened if it is not yet), after flushing what
    the ORM holds pending, as SQLAlchemy's own statements would (autoflush). Asked of SQLAlchemy once per
    transaction (each ask is a greenlet's round through its session), then kept beside the transaction it
    belongs to: a transaction holds one connection until it ends, and the next one asks again."""
    await _autoflush(session)
    transaction = session.sync_session.get_transaction()
    known = session.info.get(_DRIVER)
    # An inactive transaction (a flush failed) is SQLAlchemy's to refuse, as its own statements would be.
    if known is not None and transaction is not None and known[0] is transaction and transaction.is_active:
        return cast(psycopg.AsyncConnection[Any], known[1])
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    session.info[_DRIVER] = (session.sync_session.get_transaction(), raw.driver_connection)
    return cast(psycopg.AsyncConnection[Any], raw.driver_connection)


async def _autoflush(session: AsyncSession) -> None:
    if session.new or session.dirty or session.deleted:
        await session.flush()


def defer_writes(session: AsyncSession) -> None:
    """From now on `write()` holds its statements back until the session's next driver batch or `commit()`
    (an API request opts in: its event rows then ride with the commit instead of costing a round trip).
    A deferred write is not visible to the ORM statements that run before it is sent; a session committed
    another way sends what is left just before its COMMIT, and a rollback forgets it (the hooks below).
    Inside a savepoint nothing is deferred, and nothing deferred before it is sent: what the savepoint
    undoes, and only that, is undone."""
    session.info[_DEFERRED] = []


def _take_deferred(session: AsyncSession | Session, *, committing: bool = False) -> list[Statement]:
    deferred = session.info.get(_DEFERRED)
    if not deferred or (session.in_nested_transaction() and not committing):
        return []
    session.info[_DEFERRED] = []
    return deferred


@event.listens_for(Session, "before_commit")
def _send_deferred_writes(session: Session) -> None:
    deferred = _take_deferred(session, committing=True)  # the whole transaction commits, savepoints too
    if deferred:
        session.connection().connection.run_async(lambda driver: _pipelined(driver, deferred))


@event.listens_for(Session, "after_soft_rollback")
def _forget_deferred_writes(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None and session.info.get(_DEFERRED):
        session.info[_DEFERRED] = []  # the whole transaction rolled back (a savepoint's keeps them)


async def write(session: AsyncSession, sql: str, params: Mapping[str, Any]) -> None:
    """An insert whose result nobody reads (an event row): deferred when the session defers writes, else
    sent at once. Append-only rows only: ORM changes made after a deferred write may reach the server before
    it, and its parameters are read when it is sent."""
    if session.info.get(_DEFERRED) is None or session.in_nested_transaction():
        await fetch_batch(session, [(sql, params)])
        return
    await _autoflush(session)  # what the ORM holds is written first, as before any statement of ours
    session.info[_DEFERRED].append((sql, params))


async def fetch_one(session: AsyncSession, sql: str, params: Mapping[str, Any]) -> Any:
    """The first row of one statement (`None` when it returns none), as a named tuple of its columns."""
    deferred = _take_deferred(session)  # the deferred writes, and the BEGIN if due, ride in the same round trip
    return (await _pipelined(await driver_connection(session), [*deferred, (sql, params)]))[-1]


async def fetch_batch(session: AsyncSession, statements: Sequence[Statement]) -> list[Any]:
    """The first row of each statement, all sent in one round trip (psycopg's pipeline mode) after any
    deferred writes, with the BEGIN when the transaction has not begun yet. The server runs them in order,
    each with its own snapshot: a statement sees what the ones before it locked or wrote."""
    deferred = _take_deferred(session)
    rows = await _pipelined(await driver_connection(session), [*deferred, *statements])
    return rows[len(deferred) :]


async def commit(session: AsyncSession, statements: Sequence[Statement] = ()) -> None:
    """Send the deferred writes, `statements` and COMMIT in one round trip. The session's own commit that
    follows finds the transaction ended and sends nothing."""
    if session.in_nested_transaction():
        raise RuntimeError("commit() with a savepoint open")
    deferred = _take_deferred(session)
    if deferred or statements:
        await _pipelined(await driver_connection(session), [*deferred, *statements], commit=True)


async def fetch_one_and_commit(session: AsyncSession, sql: str, params: Mapping[str, Any]) -> Any:
    """The first row of the transaction's last statement, sent with the deferred writes before it and COMMIT
    after it in one round trip: what it locks stays locked only while the server commits, not while the answer
    travels back and the request's coroutine waits its turn (a counter row all of one merchant's requests
    update). Nothing may be written after it: the session's own commit finds the transaction ended."""
    if session.in_nested_transaction():
        raise RuntimeError("fetch_one_and_commit() with a savepoint open")
    deferred = _take_deferred(session)
    return (await _pipelined(await driver_connection(session), [*deferred, (sql, params)], commit=True))[-1]


async def _pipelined(
    connection: psycopg.AsyncConnection[Any], statements: Sequence[Statement], *, commit: bool = False
) -> list[Any]:
    return await round_trip.send(connection, statements, commit=commit)
