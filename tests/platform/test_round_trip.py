"""platform.round_trip: a round trip's statements on libpq's pipeline, prepared once per connection."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection

from migo.platform import round_trip
from migo.platform.db import database, fetch_batch, fetch_one
from migo.platform.envelope import _is_unavailability

_IDLE = psycopg.pq.TransactionStatus.IDLE


async def _driver(connection: AsyncConnection) -> psycopg.AsyncConnection[Any]:
    raw = await connection.get_raw_connection()
    return raw.driver_connection  # type: ignore[return-value]


async def test_each_statement_answers_its_first_row_as_named_columns_and_commit_ends_the_transaction():
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        first, none, nothing, repeated = await round_trip.send(
            driver,
            [
                ("SELECT %(a)s::int AS a, %(b)s::numeric AS b, 'x%%' AS percent", {"a": 7, "b": Decimal("1.50")}),
                ("SELECT 1 AS one WHERE false", {}),
                ("SET LOCAL application_name = 'round-trip-test'", {}),
                ("SELECT %(v)s::text || %(v)s::text AS twice", {"v": "ab"}),  # one parameter, used twice
            ],
            commit=True,
        )
        assert (first.a, first.b, first.percent) == (7, Decimal("1.50"), "x%")
        assert none is None and nothing is None
        assert repeated.twice == "abab"
        assert driver.info.transaction_status == _IDLE  # BEGIN was sent first, COMMIT last


async def test_a_statement_is_prepared_once_per_connection():
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        marker = uuid.uuid4().hex  # a query this connection has never seen
        for _ in range(3):
            await round_trip.send(driver, [(f"SELECT %(v)s::int AS v -- {marker}", {"v": 1})], commit=True)
        (row,) = await round_trip.send(
            driver,
            [("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE %(m)s", {"m": f"%{marker}%"})],
            commit=True,
        )
        assert row.n == 1


async def test_past_the_bound_a_new_statement_runs_without_being_prepared(monkeypatch):
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        marker = uuid.uuid4().hex
        monkeypatch.setattr(round_trip, "MOST_PREPARED", 0)
        (row,) = await round_trip.send(driver, [(f"SELECT %(v)s::int AS v -- {marker}", {"v": 5})], commit=True)
        assert row.v == 5
        monkeypatch.undo()
        (row,) = await round_trip.send(
            driver,
            [("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE %(m)s", {"m": f"%{marker}%"})],
            commit=True,
        )
        assert row.n == 0


async def test_the_first_error_raises_its_class_and_the_statements_after_it_do_not_run():
    table = f"round_trip_{uuid.uuid4().hex[:8]}"
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        await round_trip.send(driver, [(f"CREATE TEMP TABLE {table} (id int PRIMARY KEY)", {})], commit=True)
        with pytest.raises(psycopg.errors.UniqueViolation):
            await round_trip.send(
                driver,
                [
                    (f"INSERT INTO {table} VALUES (%(id)s)", {"id": 1}),
                    (f"INSERT INTO {table} VALUES (%(id)s)", {"id": 1}),
                    (f"INSERT INTO {table} VALUES (%(id)s)", {"id": 2}),
                ],
            )
        await driver.rollback()
        (count,) = await round_trip.send(driver, [(f"SELECT count(*) AS n FROM {table}", {})], commit=True)
        assert count.n == 0  # the failed transaction wrote nothing, and the connection serves the next one


async def test_a_value_psycopg_cannot_send_is_refused_before_anything_is_sent():
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        with pytest.raises(psycopg.ProgrammingError):
            await round_trip.send(driver, [("SELECT %(v)s AS v", {"v": object()})])
        assert driver.info.transaction_status == _IDLE and not driver.closed
        (row,) = await round_trip.send(driver, [("SELECT 1 AS one", {})], commit=True)
        assert row.one == 1


async def test_statements_survive_psycopg_clearing_its_own_after_a_rollback():
    """psycopg sends DEALLOCATE ALL after a ROLLBACK when it prepared statements of its own: ours are prepared
    again (closed first, in case they were not)."""
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        statement = ("SELECT %(v)s::int + 1 AS w", {"v": 1})
        await round_trip.send(driver, [statement], commit=True)
        await connection.begin()
        await driver.execute("SELECT 41 AS psycopgs_own", prepare=True)  # psycopg now has names of its own
        await connection.rollback()  # … so it deallocates every prepared statement of the session
        (row,) = await round_trip.send(driver, [statement], commit=True)
        assert row.w == 2
        await connection.begin()
        await connection.rollback()  # a rollback that deallocated nothing: ours are closed and prepared again
        (row,) = await round_trip.send(driver, [statement], commit=True)
        assert row.w == 2


async def test_statements_closed_behind_its_back_fail_once_and_are_prepared_again():
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        statement = ("SELECT %(v)s::int * 2 AS doubled", {"v": 21})
        await round_trip.send(driver, [statement], commit=True)
        await round_trip.send(driver, [("DEALLOCATE ALL", {})], commit=True)
        with pytest.raises(psycopg.errors.InvalidSqlStatementName):
            await round_trip.send(driver, [statement])
        await driver.rollback()
        (row,) = await round_trip.send(driver, [statement], commit=True)
        assert row.doubled == 42


async def test_a_cancelled_round_trip_raises_the_cancellation_and_leaves_the_connection_usable():
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.2):
                await round_trip.send(driver, [("SELECT pg_sleep(%(s)s) AS slept", {"s": 5})])
        assert not driver.closed
        await driver.rollback()
        (row,) = await round_trip.send(driver, [("SELECT 1 AS one", {})], commit=True)
        assert row.one == 1


async def test_the_servers_error_comes_before_a_row_that_cannot_be_read():
    marker = uuid.uuid4().hex
    later = (f"SELECT %(v)s::int AS v -- {marker}", {"v": 3})
    async with database.engine.connect() as connection:
        driver = await _driver(connection)
        with pytest.raises(psycopg.errors.DivisionByZero):
            await round_trip.send(driver, [("SELECT 'infinity'::date AS d", {}), ("SELECT 1/0 AS x", {}), later])
        await driver.rollback()
        (row,) = await round_trip.send(driver, [later], commit=True)  # its Parse never ran: prepared now
        assert row.v == 3


async def test_a_connection_lost_mid_transaction_is_unavailability_not_an_error_of_ours():
    with pytest.raises(Exception) as failure:
        async with database.transaction() as session:
            (me,) = await fetch_batch(session, [("SELECT pg_backend_pid() AS pid", {})])
            async with database.side_transaction() as side:
                await side.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": me.pid})
            await fetch_batch(session, [("SELECT 1 AS one", {})])
    assert _is_unavailability(failure.value)  # a 503 to retry: the rollback hooks did not turn it into a 500
    async with database.transaction() as session:  # and the pool serves the next request
        assert (await fetch_one(session, "SELECT 1 AS one", {})).one == 1


async def test_the_rollback_of_a_lost_connection_goes_through():
    async with database.engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
        with pytest.raises(DBAPIError):
            await connection.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        await connection.rollback()  # the hooks do not reach for the connection lost (a PendingRollbackError)
