"""The API's own CPU per request, without a network or a load generator: the app called as an ASGI callable in
this process, one request at a time, on a scratch database.

wrk's figures mix the server's work with uvicorn's and the machine's neighbours'; this isolates what our code
costs per request (process CPU time, so waiting on PostgreSQL is not counted) and, with `--profile`, where it
goes (cProfile, sorted by cumulative time). `unauthorized` is the transfer route refused before it touches the
database (an unknown token), the per-request machinery's own cost.

`--without-database` adds the floor the issue asks for beside each kind: the same route with the same
dependencies (token, signature, idempotency, the service, the envelope), its database round trips answered
with the rows a real request of the same kind got, recorded just before, so nothing is sent and nothing is
waited for. What the route costs beyond that is the database client's: psycopg sending, waiting, reading.
Only round trips through the driver helpers (platform.db) can be answered so: a kind whose request also sends a
statement through the ORM has no such floor, and says so (both kinds measured here have one).

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/inprocess.py \\
        [--requests 2000] [--only transfers,links,unauthorized] [--profile transfers] [--without-database]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

Message = dict[str, Any]
SLICE = 100
Statement = tuple[str, Mapping[str, Any]]
RoundTrip = list[Statement]


@dataclass
class Recorder:
    """The round trips of the requests run while `recording()` is active, and what each driver round trip
    answered (None for a statement through the ORM)."""

    trips: list[RoundTrip] = field(default_factory=list)
    answers: list[list[Any] | None] = field(default_factory=list)

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        import psycopg
        from psycopg.rows import namedtuple_row

        from migo.platform import db

        pipelined, execute, commit = db._pipelined, psycopg.AsyncCursor.execute, psycopg.AsyncConnection.commit
        idle = psycopg.pq.TransactionStatus.IDLE

        async def recorded_pipeline(
            connection: Any, statements: Sequence[Statement], *, commit: bool = False
        ) -> list[Any]:
            begin = [("BEGIN", {})] if connection.info.transaction_status == idle else []
            self.trips.append([*begin, *statements, *([("COMMIT", {})] if commit else [])])
            rows = await pipelined(connection, statements, commit=commit)
            self.answers.append(rows)
            return rows

        async def recorded_execute(cursor: Any, query: Any, params: Any = None, **options: Any) -> Any:
            connection = cursor.connection
            if connection._pipeline is not None:  # one of a pipeline's: recorded with it
                return await execute(cursor, query, params, **options)
            if connection.info.transaction_status == idle and not connection.autocommit:
                self.trips.append([("BEGIN", {})])  # psycopg's, a round trip of its own
                self.answers.append(None)
            self.trips.append([(str(query), dict(params or {}))])
            await execute(cursor, query, params, **options)
            answer = None
            if cursor.row_factory is namedtuple_row:  # a driver statement (platform.db) in a transaction begun
                answer = [await cursor.fetchone() if cursor.description is not None else None]
                if cursor.description is not None:
                    await cursor.scroll(0, mode="absolute")  # its caller reads the row again
            self.answers.append(answer)
            return cursor

        async def recorded_commit(connection: Any) -> None:
            if connection._pipeline is None and connection.info.transaction_status != idle:
                self.trips.append([("COMMIT", {})])
                self.answers.append(None)
            await commit(connection)

        db._pipelined = recorded_pipeline  # type: ignore[assignment]
        psycopg.AsyncCursor.execute = recorded_execute  # type: ignore[method-assign]
        psycopg.AsyncConnection.commit = recorded_commit  # type: ignore[method-assign]
        try:
            yield
        finally:
            db._pipelined = pipelined  # type: ignore[assignment]
            psycopg.AsyncCursor.execute = execute  # type: ignore[method-assign]
            psycopg.AsyncConnection.commit = commit  # type: ignore[method-assign]

    @property
    def answerable(self) -> bool:
        """Whether every round trip went through the driver helpers, so `answering_from` can answer them all."""
        return all(rows is not None for rows in self.answers)


@contextlib.contextmanager
def answering_from(recorder: Recorder) -> Iterator[None]:
    """Requests that send the recorded request's driver round trips get its answers, in turn, without a
    database; a statement other than the recorded one is an error (the route changed under the floor)."""
    from migo.platform import db

    expected = [
        ([sql for sql, _ in trip if sql not in ("BEGIN", "COMMIT")], rows)
        for trip, rows in zip(recorder.trips, recorder.answers, strict=True)
        if rows is not None
    ]
    turn = 0
    pipelined = db._pipelined

    async def answered(connection: Any, statements: Sequence[Statement], *, commit: bool = False) -> list[Any]:
        nonlocal turn
        sqls, rows = expected[turn % len(expected)]
        if [sql for sql, _ in statements] != sqls:
            raise RuntimeError("the route sent statements other than the recorded ones")
        turn += 1
        return rows

    db._pipelined = answered  # type: ignore[assignment]
    try:
        yield
    finally:
        db._pipelined = pipelined  # type: ignore[assignment]


def request_scope(path: str, headers: dict[str, str]) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(name.lower().encode(), value.encode()) for name, value in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def call(app: Callable[..., Awaitable[None]], path: str, headers: dict[str, str], body: bytes) -> int:
    sent = False
    status = 0

    async def receive() -> Message:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(request_scope(path, headers), receive, send)
    return status


def transfer_requests(tenant: Any, count: int) -> list[tuple[str, dict[str, str], bytes]]:
    stamp = int(time.time())
    requests = []
    for _ in range(count):
        key, signature, body = run.signed_transfer(tenant, *random.sample(tenant.card_ids, 2), stamp)
        headers = {
            "content-type": "application/json",
            "authorization": f"Bearer {tenant.access_token.reveal()}",
            "idempotency-key": key,
            "x-key-id": tenant.signing_key_id,
            "x-timestamp": str(stamp),
            "x-signature": signature,
        }
        requests.append((run.TRANSFER_PATH, headers, body))
    return requests


def link_requests(tenant: Any, count: int) -> list[tuple[str, dict[str, str], bytes]]:
    body = json.dumps(
        {"amount": 100, "userId": "50224865444", "channel": "wa", "client": "benchStore", "ads": []}
    ).encode()
    headers = {"content-type": "application/json", "authorization": tenant.merchant_token.reveal()}
    return [("/transactions", headers, body)] * count


def unauthorized_requests(tenant: Any, count: int) -> list[tuple[str, dict[str, str], bytes]]:
    """The transfer route refused at its first check (an unknown bearer token): routing, middleware, envelope."""
    headers = {"content-type": "application/json", "authorization": "Bearer not-a-token"}
    return [(run.TRANSFER_PATH, headers, b"{}")] * count


KINDS = {"transfers": transfer_requests, "links": link_requests, "unauthorized": unauthorized_requests}


async def measure(app: Any, requests: list[tuple[str, dict[str, str], bytes]], profile: bool) -> dict[str, Any]:
    warm = max(50, len(requests) // 10)
    statuses: dict[int, int] = {}
    for path, headers, body in requests[:warm]:
        await call(app, path, headers, body)
    profiler = cProfile.Profile(time.process_time) if profile else None
    if profiler:
        profiler.enable()
    # CPU per request of each slice of 100: the median and the lowest say more than one mean on a shared VM,
    # where a neighbour's burst inflates a slice now and then.
    slices: list[float] = []
    started_wall = time.perf_counter()
    measured = requests[warm:]
    for start in range(0, len(measured), SLICE):
        started_cpu = time.process_time()
        for path, headers, body in measured[start : start + SLICE]:
            status = await call(app, path, headers, body)
            statuses[status] = statuses.get(status, 0) + 1
        slices.append(1000 * (time.process_time() - started_cpu) / len(measured[start : start + SLICE]))
    if profiler:
        profiler.disable()
    count = len(measured)
    figures: dict[str, Any] = {
        "requests": count,
        "cpu_ms": round(statistics.median(slices), 3),
        "cpu_ms_lowest": round(min(slices), 3),
        "wall_ms": round(1000 * (time.perf_counter() - started_wall) / count, 3),
        "statuses": statuses,
    }
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(60)
        figures["profile"] = text.getvalue()
    return figures


async def measure_in_process(
    tenant: Any, kinds: Sequence[str], count: int, *, without_database: bool, profile: Sequence[str] = ()
) -> dict[str, dict[str, Any]]:
    """Each kind's figures, and with `without_database` each kind's again as `<kind>_without_database`: its
    round trips answered from one request of the kind recorded just before."""
    from migo.app import create_app

    app = create_app()
    results = {}
    async with app.router.lifespan_context(app):  # as a server process runs: start-up frozen, pool closed
        for kind in kinds:
            results[kind] = await measure(app, KINDS[kind](tenant, count), kind in profile)
            if without_database and kind != "unauthorized":
                recorder = Recorder()
                with recorder.recording():
                    status = await call(app, *KINDS[kind](tenant, 1)[0])
                assert status == 200, f"{kind}: the recorded request answered {status}"
                if not recorder.answerable:
                    print(f"{kind}: no floor without the database (a statement through the ORM)")
                    continue
                with answering_from(recorder):
                    results[f"{kind}_without_database"] = await measure(app, KINDS[kind](tenant, count), False)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--only", default="transfers,links,unauthorized")
    parser.add_argument("--profile", default="", help="the kinds to profile with cProfile (comma-separated)")
    parser.add_argument(
        "--without-database", action="store_true", help="also each kind with its round trips answered from a recording"
    )
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    with run.migrated_database("migo_inprocess"):
        from bench.fixtures import provision

        tenant = asyncio.run(provision(args.cards))
        import uvloop  # what uvicorn runs on when it is installed, as it is here

        results = uvloop.run(
            measure_in_process(
                tenant,
                args.only.split(","),
                args.requests,
                without_database=args.without_database,
                profile=args.profile.split(","),
            )
        )
    for kind, figures in results.items():
        print(
            f"{kind}: API CPU {figures['cpu_ms']:.3f} ms per request (median of slices; lowest "
            f"{figures['cpu_ms_lowest']:.3f}), wall {figures['wall_ms']:.3f} ms "
            f"({figures['requests']} requests, statuses {figures['statuses']})"
        )
        if "profile" in figures:
            print(figures["profile"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
