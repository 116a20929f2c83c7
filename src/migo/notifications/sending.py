"""Sending a queued message: at least once, outside any row lock, retried with backoff.

A try claims the row (`FOR UPDATE SKIP LOCKED`, due now) and, before any provider is called, commits the try
counted and the row leased for `LEASE`: no lock is held while the provider answers, and a second job for the
same row finds it not due and leaves it. The answer is recorded in a transaction of its own: sent, failed for
good (a permanent refusal, or the last of `RETRY_DELAYS` spent), or due again after the next delay, with a job
deferred for then in that same transaction. A worker lost mid-try leaves the row queued and leased: the sweep
(`tasks.sweep_notifications`) tries it again once the lease has run out.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import procrastinate
import structlog
from sqlalchemy import select

from migo.platform import clock
from migo.platform.db import database, storable_text
from migo.platform.jobs import defer
from migo.platform.settings import get_settings

from .models import Notification
from .senders import Outgoing, SendFailed, sender_for
from .service import open_body

log = structlog.get_logger("migo.notifications")

# Seconds before each try after the first; a message still unsent after the last one fails for good (~11 h).
RETRY_DELAYS = (30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600)
LEASE = timedelta(minutes=15)


async def send(notification_id: uuid.UUID, *, again: procrastinate.tasks.Task[Any, Any, Any]) -> None:
    """One try at a queued message that is due; `again` is the job that tries it after a failure."""
    outgoing = await _claim(notification_id)
    if outgoing is None:
        return
    sender = sender_for(outgoing.channel, get_settings())
    failure: SendFailed | None = None
    reference: str | None = None
    if sender is None:
        failure = SendFailed(f"no {outgoing.channel} sender is configured", permanent=True)
    else:
        try:
            reference = await sender.send(outgoing)
        except SendFailed as refused:
            failure = refused
    async with database.transaction() as session:
        message = await session.get(Notification, notification_id, with_for_update=True, populate_existing=True)
        if message is None or message.status != "queued":
            return
        now = clock.now()
        message.transport = sender.name if sender else None
        if failure is None:
            message.status, message.sent_at, message.provider_ref = "sent", now, storable_text(reference)
            _erase_outside_the_sandbox(message)
            return
        message.failure_reason = storable_text(failure.reason)
        if failure.permanent or message.attempts > len(RETRY_DELAYS):
            message.status = "failed"
            _erase_outside_the_sandbox(message)
            log.warning("notification_failed", notification_id=str(notification_id), reason=failure.reason)
            return
        delay = RETRY_DELAYS[message.attempts - 1]
        message.next_attempt_at = now + timedelta(seconds=delay)
        await defer(session, again, schedule_in={"seconds": delay}, notification_id=str(notification_id))


async def _claim(notification_id: uuid.UUID) -> Outgoing | None:
    """Count a try at the message and lease it, committed before the provider is called; None when it is not
    queued or not due (sent, failed, or another try holds the lease)."""
    async with database.transaction() as session:
        now = clock.now()
        message = await session.scalar(
            select(Notification)
            .where(
                Notification.id == notification_id,
                Notification.status == "queued",
                Notification.next_attempt_at <= now,
            )
            .with_for_update(skip_locked=True)
        )
        if message is None:
            return None
        message.attempts += 1
        message.next_attempt_at = now + LEASE
        body = open_body(message)
        return Outgoing(message.id, message.channel, message.recipient, message.subject, body)


SWEEP_BATCH = 100


async def lost_tries() -> list[uuid.UUID]:
    """Queued messages whose lease ran out: their try was lost with its worker."""
    async with database.transaction() as session:
        found = await session.scalars(
            select(Notification.id)
            .where(Notification.status == "queued", Notification.next_attempt_at <= clock.now() - LEASE)
            .order_by(Notification.next_attempt_at)
            .limit(SWEEP_BATCH)
        )
        return list(found)


def _erase_outside_the_sandbox(message: Notification) -> None:
    # A sent body is the provider's now; a failed one will not be sent. The sandbox keeps both to show them.
    if not get_settings().is_sandbox:
        message.body_ciphertext = None
