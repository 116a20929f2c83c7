"""Identity jobs: delivering messages to people, and purging spent credentials."""

from __future__ import annotations

import uuid
from datetime import timedelta

import structlog
from sqlalchemy import delete, or_

from migo.platform import clock
from migo.platform.db import database
from migo.platform.jobs import queue
from migo.platform.settings import get_settings

from .models import OtpCode, OutboundMessage, RefreshToken, SignatureUse

log = structlog.get_logger("migo.identity")


@queue.task(name="identity.deliver_message", queue="notifications", pass_context=False)
async def deliver_message(message_id: str) -> None:
    """Settle a message to a holder with no email or phone (one with either is sent by the notifications
    outbox). The sandbox shows it in its outbox (`GET /rest/sandbox/outbox` for cardholders,
    `GET /cms/rest/sandbox/outbox` for operators), where integrators read their codes; elsewhere there is nowhere
    to send it: it is marked failed, its body erased."""
    async with database.transaction() as session:
        message = await session.get(OutboundMessage, uuid.UUID(message_id), with_for_update=True)
        if message is None or message.status != "pending":
            return
        if get_settings().is_sandbox:
            message.status = "delivered"
            message.delivered_at = clock.now()
            return
        message.status = "failed"
        message.failure_reason = "the holder has no email or phone"
        message.body_ciphertext = None
        log.error("message_undeliverable", message_id=message_id, channel=message.channel)


@queue.periodic(cron="23 * * * *")
@queue.task(name="identity.purge_spent_credentials", queue="maintenance", pass_context=False)
async def purge_spent_credentials(timestamp: int) -> None:
    """Refresh tokens and one-time codes a day past their expiry can never be used again, nor can request
    signatures past their tolerance: drop them."""
    cutoff = clock.now() - timedelta(days=1)
    async with database.transaction() as session:
        await session.execute(delete(RefreshToken).where(RefreshToken.expires_at < cutoff))
        await session.execute(delete(OtpCode).where(or_(OtpCode.expires_at < cutoff, OtpCode.used_at < cutoff)))
        await session.execute(delete(SignatureUse).where(SignatureUse.expires_at < clock.now()))
