"""At-least-once across a crash: a worker killed (SIGKILL) in the middle of delivering 200 events, then
restarted, delivers every event; none is lost (some may arrive twice: receivers dedupe on eventId)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

from migo.events import service as events
from migo.platform.db import database
from tests.factories import create_tenant, merchant
from tests.receiver import webhook_receiver

EVENTS = 200


def start_worker() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "migo", "worker"], env=os.environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
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
    with webhook_receiver() as receiver:
        receiver.delay = 0.3  # every delivery is in flight for a while: the kill lands mid-batch
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
            await asyncio.to_thread(receiver.wait_for, 10, 60)
            first.send_signal(signal.SIGKILL)
            first.wait()
        finally:
            stop(first)
        seen_before_restart = set(receiver.event_ids())
        assert seen_before_restart < expected  # the kill really interrupted the batch

        receiver.delay = 0.0
        second = start_worker()
        try:
            deadline = asyncio.get_running_loop().time() + 90
            while set(receiver.event_ids()) != expected:
                assert asyncio.get_running_loop().time() < deadline, len(set(receiver.event_ids()))
                await asyncio.sleep(0.2)
        finally:
            stop(second)
    assert set(receiver.event_ids()) == expected
