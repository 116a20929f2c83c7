"""Webhook fan-out benchmark: deliveries per second from `migo worker` to a receiver on 127.0.0.1, and the lag
from event to delivery.

    .venv/bin/python bench/webhooks.py [--events 5000] [--rate 500] [--seconds 5]

Runs on a scratch database of its own on the PostgreSQL the server would use (DATABASE_URL, else the
embedded one), with the worker as in production (a separate `migo worker`, which runs MIGO_WORKER_PROCESSES
processes; `--processes` to choose). Two phases:
1. backlog: N events are queued before the worker starts; deliveries/s is measured between the first and the
   last delivery received; the worker's CPU per delivery (all its processes) is measured over the same span;
2. steady: with the worker running, events are recorded at a fixed rate; the lag of each is the time from
   its commit to its arrival (p50 / p99).
The receiver is a minimal asyncio HTTP/1.1 server in this process (keep-alive, answers 200 at once), so the
figures measure Migo, not the receiver. Results go to bench/results/webhooks.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CLIENT = "benchWebhooks"


class Receiver:
    """Counts deliveries by eventId and notes when each arrived."""

    def __init__(self) -> None:
        self.arrivals: dict[str, float] = {}
        self.duplicates = 0
        self.lags: list[float] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line[:15].lower() == b"content-length:":
                        length = int(line[15:].strip())
                body = await reader.readexactly(length)
                now = time.time()
                event = json.loads(body)
                if event["eventId"] in self.arrivals:
                    self.duplicates += 1
                else:
                    self.arrivals[event["eventId"]] = now
                    if "benchCommittedAt" in event:
                        self.lags.append(now - event["benchCommittedAt"])
                writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


def scratch_database() -> str:
    """A fresh database on the server the project would use."""
    from migo.platform.embedded import resolve_database_url

    base = resolve_database_url()
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"migo_bench_{uuid.uuid4().hex[:8]}"
    admin = url.set(database="postgres")
    import psycopg

    from migo.platform.db import libpq_url

    with psycopg.connect(libpq_url(admin.render_as_string(hide_password=False)), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def drop_scratch_database(url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    from migo.platform.db import libpq_url

    parsed = make_url(url)
    admin = libpq_url(parsed.set(database="postgres").render_as_string(hide_password=False))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)')


async def record_events(count: int, *, stamped: bool) -> None:
    from migo.events import service as events
    from migo.platform.db import database

    async with database.transaction() as session:
        for i in range(count):
            data: dict[str, object] = {"uid": f"bench-{i}"}
            if stamped:
                data["benchCommittedAt"] = time.time()  # just before the commit: the lag includes it
            await events.record(session, "transaction.approved", client_slug=CLIENT, subject_id=f"bench-{i}", data=data)


async def run(args: argparse.Namespace) -> dict[str, object]:
    import migo.models  # noqa: F401 - every mapped class, so the ORM resolves the foreign keys between domains
    from migo.platform.db import database
    from migo.platform.secrets import HeaderSecret
    from migo.webhooks import service as webhooks

    receiver = Receiver()
    server = await asyncio.start_server(receiver.handle, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    async with database.transaction() as session:
        await webhooks.create_endpoint(
            session,
            webhooks.Owner(client_slug=CLIENT),
            url=f"http://127.0.0.1:{port}/hooks",
            event_types=["*"],
            auth_header_name="x-api-key",
            auth_header_value=HeaderSecret("bench"),
            signing_secret=None,
            description="benchmark receiver",
        )
    for start in range(0, args.events, 1000):
        await record_events(min(1000, args.events - start), stamped=False)

    command = [sys.executable, "-m", "migo", "worker", "--processes", str(args.processes)]
    worker = subprocess.Popen(command, env=os.environ, stdout=subprocess.DEVNULL)
    if args.profile:  # py-spy's collapsed stacks of the worker's processes for a few seconds, for flame graphs
        py_spy = str(Path(sys.executable).with_name("py-spy"))
        profile = [
            py_spy,
            "record",
            "--pid",
            str(worker.pid),
            "--subprocesses",
            "--duration",
            "20",
            "--format",
            "raw",
            "-o",
            args.profile,
        ]
        subprocess.Popen(profile, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # The worker's CPU over the backlog, from its first delivery to its last: CPU per delivery moves far less
        # than deliveries per second on a shared machine (the receiver and PostgreSQL share its cores).
        processes = await _worker_processes(worker, args.processes)
        while not receiver.arrivals and worker.poll() is None:
            await asyncio.sleep(0.005)
        cpu_start, first = _cpu_seconds(processes), len(receiver.arrivals)
        deadline = time.monotonic() + 300
        while len(receiver.arrivals) < args.events and time.monotonic() < deadline:
            await asyncio.sleep(0.005)
        worker_cpu_ms = 1000 * (_cpu_seconds(processes) - cpu_start) / max(1, len(receiver.arrivals) - first)
        backlog = sorted(receiver.arrivals.values())
        backlog_rate = (len(backlog) - 1) / (backlog[-1] - backlog[0]) if len(backlog) > 1 else 0.0

        # Steady phase: one event per transaction at the given rate, as the API would write them.
        before = len(receiver.arrivals)
        interval, sent, started = 1.0 / args.rate, 0, time.monotonic()
        while time.monotonic() - started < args.seconds:
            await record_events(1, stamped=True)
            sent += 1
            await asyncio.sleep(max(0.0, started + sent * interval - time.monotonic()))
        deadline = time.monotonic() + 60
        while len(receiver.arrivals) < before + sent and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
        server.close()
    lags = sorted(receiver.lags)
    return {
        "webhooks_per_s": round(backlog_rate, 1),
        "webhook_worker_processes": args.processes,
        "webhook_worker_cpu_ms": round(worker_cpu_ms, 3),
        "webhook_backlog_events": args.events,
        "webhook_backlog_delivered": len(backlog),
        "webhook_steady_rate": args.rate,
        "webhook_steady_sent": sent,
        "webhook_lag_p50_ms": round(statistics.median(lags) * 1000, 1) if lags else None,
        "webhook_lag_p99_ms": round(lags[int(len(lags) * 0.99) - 1] * 1000, 1) if lags else None,
        "webhook_duplicates": receiver.duplicates,
        "webhook_lost": args.events + sent - len(receiver.arrivals),
    }


async def _worker_processes(worker: subprocess.Popen[bytes], count: int) -> list[psutil.Process]:
    """The processes that deliver: the worker itself, or with more than one, its supervisor and its children."""
    supervisor = psutil.Process(worker.pid)
    if count == 1:
        return [supervisor]
    deadline = time.monotonic() + 60
    while len(children := supervisor.children()) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the worker started {len(children)} of its {count} processes")
        await asyncio.sleep(0.01)
    return [supervisor, *children]


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        times = process.cpu_times()
        total += times.user + times.system
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--rate", type=int, default=500, help="events per second in the steady phase")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--processes", type=int, help="worker processes (default: MIGO_WORKER_PROCESSES, as deployed)")
    parser.add_argument("--profile", help="record the worker with py-spy into this file (collapsed stacks)")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = scratch_database()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    from migo.platform.settings import get_settings

    get_settings.cache_clear()  # read the scratch database's URL
    args.processes = args.processes or get_settings().worker_processes
    subprocess.run([sys.executable, "-m", "migo", "db", "upgrade"], check=True, stdout=subprocess.DEVNULL)
    try:
        results = asyncio.run(run(args))
    finally:
        drop_scratch_database(os.environ["DATABASE_URL"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "webhooks.json").write_text(json.dumps(results, indent=2) + "\n")
    for name, value in results.items():
        print(f"{name:28} {value}")
    return 0 if results["webhook_lost"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
