"""Hot-path statements on the driver connection (platform.db): batches, deferred writes, the batched commit."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError, PendingRollbackError

from migo.events.models import Event
from migo.identity import tokens
from migo.platform.db import commit, database, defer_writes, driver_sql, fetch_batch, fetch_one, write
from migo.platform.envelope import _is_unavailability
from migo.platform.errors import ERRORS, ApiError

_INSERT = (
    "INSERT INTO events (id, type, company_id, client_slug, subject_id, data, created_at) "
    "VALUES (%(id)s, 'test.batch', NULL, 'driver-tests', %(subject)s, '{}', now())"
)
_COUNT = "SELECT count(*) AS n FROM events WHERE subject_id = %(subject)s"


async def _committed_count(subject: str) -> int:
    async with database.transaction() as session:
        return await session.scalar(select(func.count()).select_from(Event).where(Event.subject_id == subject))  # type: ignore[return-value]


async def test_a_batch_runs_in_order_and_each_statement_sees_the_ones_before_it():
    subject = uuid.uuid4().hex
    async with database.transaction() as session:
        before, inserted, after = await fetch_batch(
            session,
            [
                (_COUNT, {"subject": subject}),
                (_INSERT, {"id": uuid.uuid4(), "subject": subject}),
                (_COUNT, {"subject": subject}),
            ],
        )
        assert before.n == 0 and inserted is None and after.n == 1  # type: ignore[union-attr]
    assert await _committed_count(subject) == 1


async def test_deferred_writes_ride_with_the_next_statement_in_the_order_they_were_made():
    subject = uuid.uuid4().hex
    async with database.transaction() as session:
        defer_writes(session)
        await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
        await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
        # Not sent yet: an ORM statement does not see them (the documented trade-off)…
        orm_count = await session.scalar(select(func.count()).select_from(Event).where(Event.subject_id == subject))
        assert orm_count == 0
        # …the next driver statement sends them first.
        counted = await fetch_one(session, _COUNT, {"subject": subject})
        assert counted.n == 2  # type: ignore[union-attr]


async def test_the_batched_commit_sends_the_deferred_writes_the_statements_and_commit():
    subject = uuid.uuid4().hex
    async with database.sessionmaker() as session, session.begin():
        defer_writes(session)
        await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
        await commit(session, [(_INSERT, {"id": uuid.uuid4(), "subject": subject})])
        connection = await session.connection()
        raw = (await connection.get_raw_connection()).driver_connection
        assert raw.info.transaction_status.name == "IDLE"  # committed: the session's own commit is a no-op
    assert await _committed_count(subject) == 2


async def test_a_rolled_back_request_leaves_no_deferred_write():
    subject = uuid.uuid4().hex
    with pytest.raises(ApiError):
        async with database.transaction() as session:
            defer_writes(session)
            await fetch_one(session, _COUNT, {"subject": subject})  # the transaction has begun
            await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
            raise ApiError(ERRORS.VALIDATION_ERROR)
    assert await _committed_count(subject) == 0


async def test_pending_orm_changes_are_written_before_a_deferred_write_and_a_plain_commit_sends_it():
    subject = uuid.uuid4().hex
    async with database.transaction() as session:
        defer_writes(session)
        session.add(Event(id=uuid.uuid4(), type="test.orm", client_slug="driver-tests", subject_id=subject, data={}))
        await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
        assert not session.new  # flushed, as SQLAlchemy's own statements would have done
    assert await _committed_count(subject) == 2


async def test_a_savepoint_undoes_its_own_deferred_writes_and_only_those():
    subject = uuid.uuid4().hex
    async with database.transaction() as session:
        defer_writes(session)
        await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})  # before: kept
        with pytest.raises(ApiError):
            async with session.begin_nested():
                await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})  # inside: undone
                await fetch_one(session, _COUNT, {"subject": subject})
                raise ApiError(ERRORS.VALIDATION_ERROR)
        async with session.begin_nested():
            await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})  # inside, released: kept
    assert await _committed_count(subject) == 2


async def test_a_rolled_back_session_forgets_its_deferred_writes_before_its_next_transaction():
    subject = uuid.uuid4().hex
    async with database.sessionmaker() as session:
        defer_writes(session)
        async with session.begin():
            await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
            await session.rollback()
        async with session.begin():
            await fetch_one(session, _COUNT, {"subject": subject})
    assert await _committed_count(subject) == 0


async def test_a_commit_with_a_savepoint_still_open_sends_what_was_deferred():
    subject = uuid.uuid4().hex
    async with database.sessionmaker() as session:
        defer_writes(session)
        await session.begin()
        await write(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
        await session.begin_nested()
        await session.commit()
    assert await _committed_count(subject) == 1


async def test_a_failing_statement_in_a_batch_is_a_503_for_the_client_and_leaves_the_pool_usable():
    with pytest.raises(psycopg.errors.QueryCanceled) as failure:
        async with database.transaction() as session:
            await fetch_batch(
                session, [("SET LOCAL statement_timeout = '10ms'", {}), ("SELECT pg_sleep(1) AS slept", {})]
            )
    assert _is_unavailability(failure.value)  # answered 503 with Retry-After, not 500
    for _ in range(25):  # more than a process's pool: every connection came back in working order
        async with database.transaction() as session:
            assert (await fetch_one(session, "SELECT 1 AS one", {})).one == 1  # type: ignore[union-attr]


async def test_a_cached_access_token_is_refused_once_the_signing_key_changes(client, monkeypatch):
    from tests.factories import create_tenant

    tenant = await create_tenant()
    token = await tenant.app_token(client)
    assert tokens.decode_access(token, "gateway").kind == "app"  # verified, and now cached
    monkeypatch.setattr(tokens, "_signing_key", lambda: b"another master secret's derived key!")
    with pytest.raises(ApiError) as refused:
        tokens.decode_access(token, "gateway")
    assert refused.value.error.code == 7001


async def test_a_core_statement_compiled_for_the_driver_runs_with_its_named_parameters():
    subject = uuid.uuid4().hex
    counting = driver_sql(
        select(func.count().label("n")).select_from(Event).where(Event.subject_id == bindparam("subject"))
    )
    async with database.transaction() as session:
        await fetch_one(session, _INSERT, {"id": uuid.uuid4(), "subject": subject})
        counted = await fetch_one(session, counting, {"subject": subject})
        assert counted.n == 1  # type: ignore[union-attr]


def test_a_core_statement_with_a_value_in_it_is_refused_for_the_driver():
    # A value compiled into the statement would need a parameter nobody passes when it runs.
    with pytest.raises(ValueError, match="subject_id_1"):
        driver_sql(select(Event.id).where(Event.subject_id == "fixed"))


async def test_a_sessions_next_transaction_asks_for_its_own_connection_again():
    # The driver connection is kept for the transaction it belongs to: once that ended, the pool may hand the
    # same connection to another session, and this session's next transaction must not write on it.
    backend = "SELECT pg_backend_pid() AS pid"
    async with database.sessionmaker() as session:
        async with session.begin():
            first = (await fetch_one(session, backend, {})).pid  # type: ignore[union-attr]
        holder = None
        for _ in range(database.engine.pool.size() + 1):  # through the pool's idle connections, one at a time
            candidate = database.sessionmaker()
            await candidate.begin()
            if (await fetch_one(candidate, backend, {})).pid == first:  # type: ignore[union-attr]
                holder = candidate
                break
            await candidate.close()  # back to the pool, behind the others
        assert holder is not None, "the pool never handed the released connection on"
        try:
            async with session.begin():
                again = (await fetch_one(session, backend, {})).pid  # type: ignore[union-attr]
            assert again != first  # the session's new transaction has a connection of its own
        finally:
            await holder.close()


async def test_a_transaction_whose_flush_failed_is_refused_as_sqlalchemy_refuses_it():
    # The kept connection is not used past a failed flush: SQLAlchemy rolled the transaction back, and a driver
    # statement must not begin another on the server behind its back.
    async with database.sessionmaker() as session:
        await session.begin()
        await fetch_one(session, _COUNT, {"subject": "kept"})
        session.add(Event(id=uuid.uuid4(), type=None, data={}))  # type NOT NULL: the flush fails
        with pytest.raises(IntegrityError):
            await session.flush()
        session.expunge_all()
        with pytest.raises(PendingRollbackError):
            await fetch_one(session, _COUNT, {"subject": "kept"})
        await session.rollback()
