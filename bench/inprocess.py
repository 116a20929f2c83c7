"""The API's own CPU per request, without a network or a load generator: the app called as an ASGI callable in
this process, one request at a time, on a scratch database.

wrk's figures mix the server's work with uvicorn's and the machine's neighbours'; this isolates what our code
costs per request (process CPU time, so waiting on PostgreSQL is not counted) and, with `--profile`, where it
goes (cProfile, sorted by cumulative time). `unauthorized` is the transfer route refused before it touches the
database (an unknown token), the per-request machinery's own cost.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/inprocess.py \\
        [--requests 2000] [--only transfers,links,unauthorized] [--profile transfers]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

Message = dict[str, Any]
SLICE = 100


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--only", default="transfers,links,unauthorized")
    parser.add_argument("--profile", default="", help="the kinds to profile with cProfile (comma-separated)")
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    with run.migrated_database("migo_inprocess"):
        from bench.fixtures import provision

        tenant = asyncio.run(provision(args.cards))

        async def measure_all() -> None:
            from migo.app import create_app

            app = create_app()
            async with app.router.lifespan_context(app):  # as a server process runs: start-up frozen, pool closed
                for kind in args.only.split(","):
                    requests = KINDS[kind](tenant, args.requests)
                    figures = await measure(app, requests, kind in args.profile.split(","))
                    print(
                        f"{kind}: API CPU {figures['cpu_ms']:.3f} ms per request (median of slices; lowest "
                        f"{figures['cpu_ms_lowest']:.3f}), wall {figures['wall_ms']:.3f} ms "
                        f"({figures['requests']} requests, statuses {figures['statuses']})"
                    )
                    if "profile" in figures:
                        print(figures["profile"])

        import uvloop  # what uvicorn runs on when it is installed, as it is here

        uvloop.run(measure_all())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
