"""At-least-once across a crash: a worker killed (SIGKILL) in the middle of delivering 200 events, then
restarted, delivers every event; none is lost (some may arrive twice: receivers dedupe on eventId).

"In the middle" is made certain rather than likely: the receiver answers the first ten deliveries and holds
every later one open, unanswered, so the worker is killed while deliveries it sent are still waiting for an
answer. Those must be sent again by the next worker."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from migo.events import service as events
from migo.platform.db import database
from tests.factories import create_tenant, merchant
from tests.leakscan import server_log

EVENTS = 200
ANSWERED_BEFORE_THE_CRASH = 10


class HoldingReceiver:
    """Answers 200 to the first `answer_first` deliveries, then holds every later one open until `release()`;
    a held delivery is never answered (its sender is gone by then). After `release()` it answers them all."""

    def __init__(self, answer_first: int) -> None:
        self.url = ""
        self.answer_first = answer_first
        self.holding = True
        self.answered = 0  # deliveries answered 200
        self.held = 0  # deliveries received and left unanswered
        self.acknowledged: set[str] = set()  # event ids answered 200, by either worker
        self.condition = threading.Condition()

    def receive(self, event_id: str) -> bool:
        """Whether to answer this delivery (called by the request's thread; blocks while holding it)."""
        with self.condition:
            if self.holding and self.answered >= self.answer_first:
                self.held += 1
                self.condition.notify_all()
                self.condition.wait_for(lambda: not self.holding)
                return False
            self.answered += 1
            self.acknowledged.add(event_id)
            self.condition.notify_all()
            return True

    def release(self) -> None:
        with self.condition:
            self.holding = False
            self.condition.notify_all()

    def wait_until(self, condition: Callable[[], bool], timeout: float) -> None:
        with self.condition:
            if not self.condition.wait_for(condition, timeout):
                raise AssertionError(
                    f"timed out: {self.answered} answered, {self.held} held, {len(self.acknowledged)} event ids"
                )


@contextmanager
def holding_receiver(answer_first: int) -> Iterator[HoldingReceiver]:
    receiver = HoldingReceiver(answer_first)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length") or 0))
            if not receiver.receive(json.loads(body)["eventId"]):
                self.close_connection = True
                return
            self.send_response(200)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    class Server(ThreadingHTTPServer):
        request_queue_size = 1024  # the dispatcher opens many connections at once
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            return  # a held request's connection is dead by the time it is released

    server = Server(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield receiver
    finally:
        receiver.release()
        server.shutdown()
        server.server_close()


def start_worker() -> subprocess.Popen[bytes]:
    with server_log("migo-worker").open("wb") as log:  # its log, read by the leak scan
        return subprocess.Popen(
            [sys.executable, "-m", "migo", "worker"], env=os.environ, stdout=log, stderr=subprocess.STDOUT
        )


def stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


async def test_a_worker_killed_mid_batch_loses_no_delivery(client):
    tenant = await create_tenant()
    with holding_receiver(answer_first=ANSWERED_BEFORE_THE_CRASH) as receiver:
        registered = await client.post(
            "/v1/webhook-endpoints", json={"url": receiver.url, "eventTypes": ["*"]}, headers=merchant(tenant)
        )
        assert registered.status_code == 201
        async with database.transaction() as session:
            expected = {
                str(
                    await events.record(
                        session,
                        "transaction.approved",
                        client_slug=tenant.client_slug,
                        subject_id=f"crash-{i}",
                        data={"uid": f"crash-{i}"},
                    )
                )
                for i in range(EVENTS)
            }
        first = start_worker()
        try:
            # Ten deliveries answered and at least one more sent and waiting for its answer: the kill lands
            # mid-batch, with deliveries in flight.
            await asyncio.to_thread(
                receiver.wait_until, lambda: receiver.answered == ANSWERED_BEFORE_THE_CRASH and receiver.held > 0, 60
            )
            first.send_signal(signal.SIGKILL)
            first.wait()
        finally:
            stop(first)
        assert len(receiver.acknowledged) == ANSWERED_BEFORE_THE_CRASH < EVENTS

        receiver.release()  # from here on every delivery is answered
        second = start_worker()
        try:
            await asyncio.to_thread(receiver.wait_until, lambda: receiver.acknowledged >= expected, 90)
        finally:
            stop(second)
    assert receiver.acknowledged == expected
