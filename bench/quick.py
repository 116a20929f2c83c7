"""A quick A/B of the two hot paths: throughput, and CPU per request of the API and of PostgreSQL.

`make bench` is the record; this is for the rounds in between. On a shared VM the requests per second of two
runs of the same commit differ by 20-30 %; CPU milliseconds per request, read from /proc for the server's
processes and for PostgreSQL's, move much less, so compare those.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/quick.py \\
        [--seconds 8] [--cards 200] [--only transfers,links] [--profile out.txt]

The server runs as `make bench` runs it (`migo serve`, the README's 2 processes; MIGO_* settings apply).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402


def measured(
    server_pid: int, name: str, url: str, script: str, args: list[str], seconds: int, connections: int
) -> None:
    figures = run.run_wrk(url, script, args, seconds, server_pid, connections)
    per_request = figures["cpu_ms_per"]
    print(
        f"{name}: {figures['tps']} req/s, p99 {figures['p99_ms']} ms, p99.9 {figures['p999_ms']} ms, "
        f"errors {figures['errors']}; "
        f"CPU per request: API {per_request['api']:.2f} ms, PostgreSQL {per_request['postgres']:.2f} ms, "
        f"machine {per_request['machine']:.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--only", default="transfers,links", help="of transfers, links, links_many, floors")
    parser.add_argument("--connections", type=int, default=run.CONNECTIONS)
    parser.add_argument("--profile", help="py-spy of the server's processes during the first run (.svg: a flame graph)")
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    with run.migrated_database("migo_quick") as database_url:
        from bench.fixtures import provision

        tenant: Any = asyncio.run(provision(args.cards, other_merchants=run.MANY_CLIENTS - 1))
        port = run.free_port()
        server = run.start_server(database_url, port)
        base_url = f"http://127.0.0.1:{port}"
        requests_file = run.RESULTS / "quick-transfers.tsv"
        run.RESULTS.mkdir(parents=True, exist_ok=True)
        try:
            pairs = [tuple(random.sample(tenant.card_ids, 2)) for _ in range(20_000)]
            run.presign_transfers(tenant, pairs, 40_000, requests_file)  # type: ignore[arg-type]
            if args.profile:
                run.start_profiler(server.pid, args.seconds, args.profile)
            only = args.only.split(",")
            signed = [str(requests_file), tenant.access_token.reveal(), tenant.signing_key_id, str(run.WRK_THREADS)]
            transfer_url = f"{base_url}{run.TRANSFER_PATH}"
            if "transfers" in only:
                measured(server.pid, "transfers", transfer_url, "presigned.lua", signed, args.seconds, args.connections)
            link_args = run.links_args(tenant, many=False)
            links_url = f"{base_url}/transactions"
            if "links" in only:
                measured(server.pid, "links", links_url, "links.lua", link_args, args.seconds, args.connections)
            if "links_many" in only:
                many = run.links_args(tenant, many=True)
                measured(server.pid, "links_many", links_url, "links.lua", many, args.seconds, args.connections)
            if "floors" in only:
                print(run.measure_floors(transfer_url, signed, args.seconds, server.pid))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            requests_file.unlink(missing_ok=True)
        ledger = asyncio.run(run.check_ledger(database_url))
        print(f"ledger invariants: {'ok' if ledger['ok'] else 'VIOLATED'}")
        return 0 if ledger["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
