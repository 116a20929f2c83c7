"""Notification jobs: a try at one message, and the sweep of tries lost with their worker."""

from __future__ import annotations

import uuid

from migo.platform.jobs import queue

from . import sending


@queue.task(name="notifications.send", queue="notifications", pass_context=False)
async def send_notification(notification_id: str) -> None:
    await sending.send(uuid.UUID(notification_id), again=send_notification)


@queue.periodic(cron="*/5 * * * *")
@queue.task(name="notifications.sweep", queue="maintenance", pass_context=False)
async def sweep_notifications(timestamp: int) -> None:
    # A batch at a time until none is left; a try leases its message, so what was tried leaves the next batch
    # (one skipped because another try holds it comes back, and ends the sweep).
    tried: set[uuid.UUID] = set()
    while fresh := [found for found in await sending.lost_tries() if found not in tried]:
        for notification_id in fresh:
            tried.add(notification_id)
            await sending.send(notification_id, again=send_notification)
