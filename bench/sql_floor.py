"""PostgreSQL's floor for a transfer and for a link: the statements the API sends for one, in the same round
trips, replayed by pgbench with no API in front (issue 20: "the same rows written by a bare SQL script under
pgbench").

The statements are not copied here, so they cannot drift from the code: two real requests of each kind run in
this process (the app as an ASGI callable) while every statement on its way to psycopg is recorded, grouped
into its round trips (a pipeline, or one statement; psycopg's own BEGIN where it sends one). What differs
between the two requests (ids, the card pair, the Idempotency-Key, the signature's digest) pgbench makes
fresh for each transaction, from one random number; a card is one of the tenant's, chosen uniformly, source
and target apart. Every other parameter is passed as recorded, with its type. pgbench runs prepared, like the
API's driver statements (`-M prepared`, pipelines with `\\startpipeline`).

So the API's run and this one write the same rows through the same statements; the difference in PostgreSQL's
CPU per operation is what the API's way of sending them costs the server (its pool's backends, its waits),
and what is below the floor can only fall with fewer or cheaper rows.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/sql_floor.py \\
        [--seconds 15] [--cards 1000] [--only transfers,links]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import inprocess, run  # noqa: E402
from bench.inprocess import RoundTrip  # noqa: E402

_PLACEHOLDER = re.compile(r"%\((\w+)\)s|%%")
_CARD_CHOICE = {"s": "source", "t": "target"}
FLOOR_CARDS = "bench_floor_cards"  # the tenant's cards numbered 1..N, for pgbench to pick from


@dataclass
class Script:
    """A pgbench script and the constants it reads (`-D name=value`)."""

    text: str
    constants: dict[str, str]


def _text_and_type(value: Any) -> tuple[str, str | None]:
    """How psycopg would send `value` as text, and the type it names for it (None: let the server infer)."""
    import psycopg
    from psycopg.adapt import PyFormat, Transformer

    dumper = Transformer().get_dumper(value, PyFormat.TEXT)
    dumped = dumper.dump(value)
    assert dumped is not None
    info = psycopg.adapters.types.get(dumper.oid) if dumper.oid else None
    return bytes(dumped).decode(), info.name if info is not None else None


def _fresh(value: Any, seed: str) -> str:
    """An SQL expression giving, per pgbench transaction, a fresh value shaped like `value`."""
    digest = f"md5(CAST(:r AS text) || '{seed}')"
    if isinstance(value, uuid.UUID):
        return f"CAST({digest} AS uuid)"
    if isinstance(value, str):
        return f"left(repeat({digest}, {len(value) // 32 + 1}), {len(value)})"
    if isinstance(value, bytes):
        return f"decode(left(repeat({digest}, {len(value) // 16 + 1}), {2 * len(value)}), 'hex')"
    raise TypeError(f"no fresh value for a {type(value).__name__}")


def build_script(first: list[RoundTrip], second: list[RoundTrip], cards: Mapping[str, Any]) -> Script:
    """The pgbench script of one request from two recordings of it: a parameter that differs between the two is
    made fresh per transaction (`cards`: the recorded source and target card ids, chosen from FLOOR_CARDS), every
    other one is a constant."""
    if [[sql for sql, _ in trip] for trip in first] != [[sql for sql, _ in trip] for trip in second]:
        raise RuntimeError("the two requests did not send the same statements")
    card_of = {value: choice for choice, value in cards.items()}
    constants: dict[tuple[str, str | None], str] = {}
    lines = [
        "\\set r random(1, 9000000000000000000)",
        "\\set s random(1, :cards)" if cards else "",
        "\\set t 1 + (:s + random(0, :cards - 2)) % :cards" if cards else "",
    ]

    fresh: dict[Any, str] = {}  # one fresh value per recorded value: a row and the rows naming it stay linked

    def parameter(value: Any, other: Any, name: str) -> str:
        if value is None:
            return "NULL"
        if value in card_of:
            return f"(SELECT id FROM {FLOOR_CARDS} WHERE n = :{card_of[value]})"
        if value != other and isinstance(value, uuid.UUID | str | bytes):
            return _fresh(value, fresh.setdefault(value, f"{name}{len(fresh)}"))
        text, type_name = _text_and_type(value)
        variable = constants.setdefault((text, type_name), f"c{len(constants) + 1}")
        return f"CAST(:{variable} AS {type_name})" if type_name else f":{variable}"

    for trip, again in zip(first, second, strict=True):
        commands = []
        for (sql, params), (_, other_params) in zip(trip, again, strict=True):

            def placeholder(match: re.Match[str], params: Any = params, other_params: Any = other_params) -> str:
                name = match.group(1)
                return "%" if name is None else parameter(params[name], other_params[name], name)

            # One line per command, so a comment (`--` to the end of a line) goes first.
            command = " ".join(_PLACEHOLDER.sub(placeholder, re.sub(r"--[^\n]*", "", sql)).split())
            if any(re.search(r":[A-Za-z_]", literal) for literal in re.findall(r"'(?:[^']|'')*'", command)):
                raise RuntimeError(f"a literal pgbench would read as a variable: {command[:80]}")
            commands.append(f"{command};")
        lines.extend(["\\startpipeline", *commands, "\\endpipeline"] if len(commands) > 1 else commands)
    text = "\n".join(line for line in lines if line) + "\n"
    return Script(text, {name: value for (value, _), name in constants.items()})


async def record_requests(tenant: Any, kind: str) -> tuple[list[RoundTrip], list[RoundTrip], dict[str, Any]]:
    """Two requests of `kind` (transfers, links) through the app in this process, each one's round trips, and the
    card ids the first one named."""
    from migo.app import create_app

    app = create_app()
    recordings: list[list[RoundTrip]] = []
    requests = inprocess.KINDS[kind](tenant, 3)
    async with app.router.lifespan_context(app):
        await inprocess.call(app, *requests[0])  # the first request of a process loads what later ones reuse
        for path, headers, body in requests[1:]:
            recorder = inprocess.Recorder()
            with recorder.recording():
                status = await inprocess.call(app, path, headers, body)
            if status != 200:
                raise RuntimeError(f"{kind}: the recorded request answered {status}")
            recordings.append(recorder.trips)
    cards = {}
    if kind == "transfers":
        sent = json.loads(requests[1][2])
        cards = {"s": uuid.UUID(sent["sourceCardId"]), "t": uuid.UUID(sent["targetCardId"])}
    return recordings[0], recordings[1], cards


def prepare_cards(database_url: str, card_ids: Sequence[str]) -> None:
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute(f"DROP TABLE IF EXISTS {FLOOR_CARDS}")
        connection.execute(
            f"CREATE TABLE {FLOOR_CARDS} AS SELECT n, id FROM unnest(%s::uuid[]) WITH ORDINALITY AS c(id, n)",
            [list(card_ids)],
        )
        connection.execute(f"ALTER TABLE {FLOOR_CARDS} ADD PRIMARY KEY (n)")


def run_floor(
    admin: str,
    database_url: str,
    script: Script,
    seconds: int,
    card_count: int,
    connections: int,
    rate: float | None = None,
) -> dict[str, float]:
    """pgbench runs the script (as fast as it can, or `rate` transactions a second); its throughput and the CPU
    per transaction."""
    from sqlalchemy.engine import make_url

    from migo.platform.db import libpq_url

    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as file:
        file.write(script.text)
    defines = [f"-D{name}={value}" for name, value in {**script.constants, "cards": str(card_count)}.items()]
    try:
        before = run.cpu_seconds()
        done = subprocess.run(
            [
                *(run.pgbench_binary(), "-n", "-M", "prepared", "-c", str(connections), "-j", "2"),
                *("-T", str(seconds), "-f", file.name, *defines, libpq_url(database_url)),
                *(("-R", f"{rate:.0f}") if rate else ()),
            ],
            capture_output=True,
            text=True,
        )
        run._wait_backends_gone(admin, make_url(database_url).database)
        after = run.cpu_seconds()
    finally:
        os.unlink(file.name)
    if done.returncode != 0 or "aborted" in done.stderr:  # a client that hit an error stops for good
        raise RuntimeError(f"pgbench failed: {done.stderr[-2000:]}")
    tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", done.stdout)
    processed = re.search(r"number of transactions actually processed: (\d+)", done.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", done.stdout)
    assert tps, done.stdout
    assert processed, done.stdout
    per = run.cpu_ms_per(before, after, int(processed.group(1)))
    return {
        "tps": float(tps.group(1)),
        "postgres_cpu_ms": per["postgres"],
        "machine_cpu_ms": per["machine"],
        "failed": int(failed.group(1)) if failed else 0,
    }


def measure(
    admin: str,
    database_url: str,
    tenant: Any,
    seconds: int,
    kinds: Sequence[str],
    connections: int = run.CONNECTIONS,
    rates: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """`floor_<kind>_sql_*` figures for `make bench`: each kind's recorded statements under pgbench, as fast as
    it goes and, for a kind given a rate (the API's throughput in the same run), again at that rate: PostgreSQL's
    CPU per transaction falls as its rate rises (its background work and each backend's wake-ups are shared by
    more transactions), so the floor to hold the API's figure against is the one at the API's rate."""
    prepare_cards(database_url, tenant.card_ids)
    figures: dict[str, Any] = {}
    for kind in kinds:
        first, second, cards = asyncio.run(record_requests(tenant, kind))
        script = build_script(first, second, cards)
        statements = sum(len(trip) for trip in first)
        name = kind.removesuffix("s")
        rate_of_api = (rates or {}).get(kind)
        for rate in (None, rate_of_api) if rate_of_api else (None,):
            at = f" at {rate:.0f}/s" if rate else ""
            run.log(f"floor: {kind} as SQL under pgbench{at}, {len(first)} round trips, {statements} statements")
            result = run_floor(admin, database_url, script, seconds, len(tenant.card_ids), connections, rate)
            run.log(
                f"  {result['tps']:.0f} tps; CPU per transaction: PostgreSQL {result['postgres_cpu_ms']:.2f} ms, "
                f"machine {result['machine_cpu_ms']:.2f} ms; {result['failed']} failed"
            )
            prefix = f"floor_{name}_sql_at_api_rate" if rate else f"floor_{name}_sql"
            figures.update(
                {
                    f"{prefix}_postgres_cpu_ms": result["postgres_cpu_ms"],
                    f"{prefix}_tps": result["tps"],
                    f"{prefix}_failed": result["failed"],
                }
            )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--only", default="transfers,links")
    parser.add_argument("--connections", type=int, default=run.CONNECTIONS)
    parser.add_argument("--rate", type=float, help="transactions a second (pgbench -R); unset: as fast as it can")
    parser.add_argument("--print-script", action="store_true", help="print each kind's pgbench script")
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    admin, _ = run.server_urls()
    with run.migrated_database("migo_sql_floor") as database_url:
        from bench.fixtures import provision

        tenant = asyncio.run(provision(args.cards))
        if args.print_script:
            for kind in args.only.split(","):
                script = build_script(*asyncio.run(record_requests(tenant, kind)))
                print(script.text, json.dumps(script.constants, indent=1), sep="\n")
        kinds = args.only.split(",")
        rates = dict.fromkeys(kinds, args.rate) if args.rate else None
        figures = measure(admin, database_url, tenant, args.seconds, kinds, args.connections, rates)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
