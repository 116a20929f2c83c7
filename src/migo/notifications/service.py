"""Queueing a message and reading back how it went; what each channel's recipient must be.

A message is read only by the id its owner keeps on its own row (a payment link keeps its notification's):
the owner's tenant scoping is the scoping of its message, and nothing here lists messages. Sending it is the
worker's (`sending`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.db import write
from migo.platform.ids import new_id
from migo.platform.wire import EMAIL_PATTERN

from .models import Notification

_PHONE = re.compile(r"\+?[0-9]{8,15}")
_EMAIL = re.compile(EMAIL_PATTERN)
# The channels Migo sends through, and what each one's recipient must be.
_ADDRESSES = {
    "sms": (_PHONE, "a phone number: 8 to 15 digits, with or without a leading +"),
    "wa": (_PHONE, "a phone number: 8 to 15 digits, with or without a leading +"),
    "email": (_EMAIL, "an email address"),
}


def sends_through(channel: str) -> bool:
    """Whether Migo delivers messages on `channel` (web and app links the merchant delivers itself)."""
    return channel in _ADDRESSES


def address_problem(channel: str, recipient: str) -> str | None:
    """What `recipient` must be for `channel`, when it is not that; None when it is (or nothing is sent)."""
    rule = _ADDRESSES.get(channel)
    if rule is None or rule[0].fullmatch(recipient):
        return None
    return rule[1]


async def queue(session: AsyncSession, *, channel: str, recipient: str, subject: str, body: str) -> uuid.UUID:
    """Queue a message and the job that sends it, in the caller's transaction; returns the message's id. Both
    are writes no one reads back (platform.db.write): in a request they ride with the COMMIT."""

    # The job queue is loaded on first use, not on import: `migo db upgrade` imports this module (through
    # payments.service) and needs neither the queue nor the logging it brings.
    from migo.platform.jobs import defer_statement

    from .tasks import send_notification

    notification_id = new_id()
    await write(
        session,
        _QUEUE,
        {
            "id": notification_id,
            "channel": channel,
            "recipient": recipient,
            "subject": subject,
            "body": seal(notification_id, body),
            "now": clock.now(),
        },
    )
    await write(session, *defer_statement(send_notification, notification_id=str(notification_id)))
    return notification_id


_QUEUE = (  # a driver statement (platform.db)
    """
    INSERT INTO notifications (id, channel, recipient, subject, body_ciphertext, status, attempts, next_attempt_at,
                               created_at)
    VALUES (%(id)s, %(channel)s, %(recipient)s, %(subject)s, %(body)s, 'queued', 0, %(now)s, %(now)s)
    """
)


@dataclass(frozen=True)
class Delivery:
    """How a message went, as its owner shows it."""

    channel: str
    status: str
    sent_at: datetime | None


async def delivery(session: AsyncSession, notification_id: uuid.UUID) -> Delivery | None:
    return (await deliveries(session, [notification_id])).get(notification_id)


async def deliveries(session: AsyncSession, notification_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Delivery]:
    if not notification_ids:
        return {}
    rows = await session.execute(
        select(Notification.id, Notification.channel, Notification.status, Notification.sent_at).where(
            Notification.id.in_(notification_ids)
        )
    )
    return {row.id: Delivery(row.channel, row.status, row.sent_at) for row in rows}


def seal(notification_id: uuid.UUID, body: str) -> bytes:
    return security.encrypt(body.encode(), purpose="notification", context=notification_id.bytes)


def open_body(message: Notification) -> str:
    if message.body_ciphertext is None:
        return ""
    return security.decrypt(message.body_ciphertext, purpose="notification", context=message.id.bytes).decode()
