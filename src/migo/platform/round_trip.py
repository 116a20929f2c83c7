"""One round trip on a psycopg connection: the statements sent together, one wait for all their answers.

The driver statements of platform.db go through here. psycopg's own pipeline communicates with the server after
every statement it queues, and its generators, wait loop and prepared-statement manager cost more client CPU
than the statements' work (bench/README round 12: 2.1-2.3 ms of a transfer's 3.2). Here a round trip is built
on libpq directly: each statement is prepared once per connection under a name of ours, the statements of a
round trip (with psycopg's BEGIN when the transaction has not begun, and COMMIT when asked) are queued in
libpq's pipeline mode, and one loop waits on the socket until the server's Sync comes back. Parameters are
dumped, and rows loaded, by the connection's own psycopg adapters, so values are exactly what a cursor would
give (named tuples of the columns).

Prepared statements are per server session and survive a transaction's end, but psycopg clears the session's
prepared statements (DEALLOCATE ALL) after a ROLLBACK when it has prepared any of its own. So after a rollback
our names are no longer trusted: each is closed (closing one that is gone is not an error) and prepared again
the next time it is used.
"""

from __future__ import annotations

import collections
import functools
import re
import weakref
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import errors, pq
from psycopg.abc import Transformer as AdaptContext
from psycopg.adapt import PyFormat, Transformer
from psycopg.waiting import Ready, Wait
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import Pool

Statement = tuple[str, Mapping[str, Any]]
_PLACEHOLDER = re.compile(rb"%\((\w+)\)s|%%")
_IDLE = pq.TransactionStatus.IDLE
_OK = (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK)


@functools.lru_cache(maxsize=1024)
def _numbered(sql: str) -> tuple[bytes, tuple[str, ...]]:
    """`%(name)s` placeholders as `$n` (a name used twice is one parameter), and the names in order."""
    names: list[str] = []

    def number(match: re.Match[bytes]) -> bytes:
        if match.group(1) is None:
            return b"%"
        name = match.group(1).decode()
        if name not in names:
            names.append(name)
        return b"$%d" % (names.index(name) + 1)

    return _PLACEHOLDER.sub(number, sql.encode()), tuple(names)


@functools.lru_cache(maxsize=256)
def _row_maker(columns: tuple[str, ...]) -> Callable[[Sequence[Any]], Any]:
    return collections.namedtuple("Row", columns, rename=True)._make  # type: ignore[attr-defined]


MOST_PREPARED = 200  # per connection; the driver statements are a few dozen fixed texts
Key = tuple[bytes, tuple[int, ...]]  # the numbered query and its parameters' types, as the server prepared it


@dataclass
class _Prepared:
    """A connection's statements prepared under our names."""

    names: dict[Key, bytes] = field(default_factory=dict)
    untrusted: dict[Key, bytes] = field(default_factory=dict)  # since a rollback: close, then prepare again

    @property
    def count(self) -> int:
        """Names handed out so far: a name only ever moves between the two maps, so the next one is new."""
        return len(self.names) + len(self.untrusted)

    def forget(self) -> None:
        self.untrusted.update(self.names)
        self.names.clear()


_PREPARED: weakref.WeakKeyDictionary[psycopg.AsyncConnection[Any], _Prepared] = weakref.WeakKeyDictionary()


@dataclass
class _Command:
    """What one queued command's answer is: a statement's rows (`statement`), or a step to check."""

    statement: int | None = None
    prepares: Key | None = None  # a Parse: its name is ours once it succeeded


async def send(
    connection: psycopg.AsyncConnection[Any], statements: Sequence[Statement], *, commit: bool = False
) -> list[Any]:
    """The first row of each statement (None for none), all sent in one round trip; BEGIN first when the
    transaction has not begun, COMMIT last with `commit`. The server runs them in order, each with its own
    snapshot. The first error raises (its psycopg class), and the statements after it did not run."""
    adapters = Transformer(connection)
    dumped = []  # every parameter dumped before anything is queued: a value psycopg refuses sends nothing
    for sql, params in statements:
        query, names = _numbered(sql)
        values = adapters.dump_sequence([params[name] for name in names], [PyFormat.AUTO] * len(names))
        dumped.append(((query, tuple(adapters.types or ())), values, list(adapters.formats or ())))
    pgconn = connection.pgconn
    prepared = _PREPARED.get(connection)
    if prepared is None:  # not built on every call: this is every request's path
        prepared = _PREPARED[connection] = _Prepared()
    commands: list[_Command] = []
    async with connection.lock:
        pgconn.enter_pipeline_mode()
        try:
            if pgconn.transaction_status == _IDLE:
                pgconn.send_query_params(b"BEGIN", None)
                commands.append(_Command())
            for index, (key, values, formats) in enumerate(dumped):
                name = prepared.names.get(key)
                if name is None and prepared.count >= MOST_PREPARED:
                    # A statement built per call would fill the session: past the bound, parsed every time.
                    pgconn.send_query_params(key[0], values, param_types=key[1], param_formats=formats)
                    commands.append(_Command(statement=index))
                    continue
                if name is None:
                    name = prepared.untrusted.pop(key, None)
                    if name is not None:
                        pgconn.send_close_prepared(name)
                        commands.append(_Command())
                    else:
                        name = b"migo_%d" % prepared.count
                    pgconn.send_prepare(name, key[0], param_types=key[1])
                    prepared.names[key] = name  # until its Parse is answered: a later statement may reuse it
                    commands.append(_Command(prepares=key))
                pgconn.send_query_prepared(name, values, param_formats=formats)
                commands.append(_Command(statement=index))
            if commit:
                pgconn.send_query_params(b"COMMIT", None)
                commands.append(_Command())
            pgconn.pipeline_sync()
            answers = await connection.wait(_exchange(pgconn))
            pgconn.exit_pipeline_mode()
        except BaseException:
            # Cancelled or cut off: the Parses of this round trip may not have run.
            for command in commands:
                if command.prepares is not None and command.prepares in prepared.names:
                    prepared.untrusted[command.prepares] = prepared.names.pop(command.prepares)
            try:
                pgconn.exit_pipeline_mode()  # psycopg's wait read every answer when it was cancelled
            except psycopg.Error:
                # Answers left unread: the connection's protocol state is unknown, so it ends here and the pool
                # replaces it (SQLAlchemy sees it closed).
                pgconn.finish()
            raise
    return _rows(connection, adapters, prepared, commands, answers, len(statements))


def _rows(
    connection: psycopg.AsyncConnection[Any],
    adapters: AdaptContext,
    prepared: _Prepared,
    commands: list[_Command],
    answers: list[list[pq.abc.PGresult]],
    count: int,
) -> list[Any]:
    failure: errors.Error | None = None
    for command, results in zip(commands, answers, strict=True):  # what the server did, before any row is read
        for result in results:
            if result.status in _OK:
                continue
            if command.prepares is not None and command.prepares in prepared.names:
                # Not prepared (the round trip failed before it): the name may still be the server's.
                prepared.untrusted[command.prepares] = prepared.names.pop(command.prepares)
            if failure is None and result.status == pq.ExecStatus.FATAL_ERROR:
                failure = errors.error_from_result(result, encoding=connection.info.encoding)
    if failure is not None:
        if isinstance(failure, errors.InvalidSqlStatementName):  # closed by someone else (DEALLOCATE ALL)
            prepared.forget()
        raise failure
    rows: list[Any] = [None] * count
    for command, results in zip(commands, answers, strict=True):
        if command.statement is not None and results and results[0].ntuples:
            adapters.set_pgresult(results[0])
            columns = tuple((results[0].fname(column) or b"").decode() for column in range(results[0].nfields))
            rows[command.statement] = adapters.load_row(0, _row_maker(columns))
    return rows


def _exchange(pgconn: pq.abc.PGconn) -> Generator[Wait, Ready | int, list[list[pq.abc.PGresult]]]:
    """Send what libpq holds, then read every command's results (a None ends each) until the Sync's."""
    while pgconn.flush():
        if (yield Wait.RW) & Ready.R:
            pgconn.consume_input()
    answers: list[list[pq.abc.PGresult]] = []
    results: list[pq.abc.PGresult] = []
    while True:
        while pgconn.is_busy():
            yield Wait.R
            pgconn.consume_input()
        result = pgconn.get_result()
        if result is None:
            answers.append(results)
            results = []
        elif result.status == pq.ExecStatus.PIPELINE_SYNC:
            return answers
        else:
            results.append(result)


def _forget_after_rollback(dbapi_connection: Any) -> None:
    driver = getattr(dbapi_connection, "driver_connection", None)
    if driver is None or (prepared := _PREPARED.get(driver)) is None:
        return
    if driver.pgconn.transaction_status != _IDLE:  # a ROLLBACK is about to be sent
        prepared.forget()


def _forget_after_connection_rollback(connection: Connection) -> None:
    if not (connection.invalidated or connection.closed):  # a connection lost has nothing left to forget
        _forget_after_rollback(connection.connection.dbapi_connection)


# Every rollback SQLAlchemy makes: the session's, a savepoint's, the pool's reset of a connection returned.
@event.listens_for(Engine, "rollback")
def _on_rollback(connection: Connection) -> None:
    _forget_after_connection_rollback(connection)


@event.listens_for(Engine, "rollback_savepoint")
def _on_rollback_savepoint(connection: Connection, name: str, context: Any) -> None:
    _forget_after_connection_rollback(connection)


@event.listens_for(Pool, "reset")
def _on_reset(dbapi_connection: Any, record: Any, reset_state: Any) -> None:
    _forget_after_rollback(dbapi_connection)
