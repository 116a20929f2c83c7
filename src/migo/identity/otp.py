"""One-time codes and the messages that carry them, for cardholders and back-office operators alike.

A code is 6 digits, kept as a keyed digest, single use, with five tries; a new one replaces any earlier one of
the same purpose. The message that carries it is queued in the caller's transaction: to an email or a phone
through the notifications outbox, which sends it with the configured SMTP or SMS sender (the sandbox outbox
when none is); the sandbox shows every message (`GET /rest/sandbox/outbox`, `GET /cms/rest/sandbox/outbox`).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.notifications import service as notifications
from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.jobs import defer
from migo.platform.secrets import Otp
from migo.platform.settings import get_settings

from .errors import IDENTITY_ERRORS
from .models import Operator, OtpCode, OutboundMessage, User

OTP_TTL = timedelta(minutes=10)
OTP_MAX_ATTEMPTS = 5

Holder = User | Operator


def _holds(holder: Holder) -> ColumnElement[bool]:
    return OtpCode.user_id == holder.id if isinstance(holder, User) else OtpCode.operator_id == holder.id


def _digest(holder: Holder, purpose: str, code: Otp) -> bytes:
    # A cardholder's codes keep the form they always had; an operator's are told apart by a prefix.
    prefix = "" if isinstance(holder, User) else "operator:"
    return security.keyed_hash(f"{prefix}{holder.id}:{purpose}:{code.reveal()}", purpose="otp")


async def issue(session: AsyncSession, holder: Holder, purpose: str, *, ttl: timedelta = OTP_TTL) -> Otp:
    """A new code for `purpose`, replacing any earlier one still waiting; the caller sends it."""
    now = clock.now()
    await session.execute(
        update(OtpCode).where(_holds(holder), OtpCode.purpose == purpose, OtpCode.used_at.is_(None)).values(used_at=now)
    )
    code = Otp(f"{secrets.randbelow(10**6):06d}")
    session.add(
        OtpCode(
            id=new_id(),
            user_id=holder.id if isinstance(holder, User) else None,
            operator_id=holder.id if isinstance(holder, Operator) else None,
            purpose=purpose,
            code_digest=_digest(holder, purpose, code),
            expires_at=now + ttl,
            created_at=now,
        )
    )
    return code


async def void(session: AsyncSession, holder: Holder) -> None:
    """Spend every code still waiting for the holder (they went to an address it no longer has)."""
    await session.execute(update(OtpCode).where(_holds(holder), OtpCode.used_at.is_(None)).values(used_at=clock.now()))


async def verify(session: AsyncSession, holder: Holder, purpose: str, code: Otp) -> None:
    """Spend the holder's live code for `purpose`; INVALID_OTP or OTP_EXPIRED otherwise.

    Every try costs one of the code's five, counted in a transaction of its own so that it still counts
    when this request fails; the code is then spent with a conditional UPDATE, so it works once.
    """
    otp = await session.scalar(
        select(OtpCode)
        .where(_holds(holder), OtpCode.purpose == purpose, OtpCode.used_at.is_(None))
        .order_by(OtpCode.created_at.desc())
        .limit(1)
    )
    if otp is None:
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "No valid code is waiting; request a new one.")
    if otp.expires_at <= clock.now():
        raise ApiError(IDENTITY_ERRORS.OTP_EXPIRED)
    async with database.side_transaction() as counter:
        tries = await counter.scalar(
            update(OtpCode)
            .where(OtpCode.id == otp.id)
            .values(attempts=OtpCode.attempts + 1)
            .returning(OtpCode.attempts)
        )
    if tries is None or tries > OTP_MAX_ATTEMPTS:
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "Too many wrong codes; request a new one.")
    if not security.constant_time_equals(otp.code_digest, _digest(holder, purpose, code)):
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP)
    spent = await session.scalar(
        update(OtpCode)
        .where(OtpCode.id == otp.id, OtpCode.used_at.is_(None))
        .values(used_at=clock.now())
        .returning(OtpCode.id)
    )
    if spent is None:
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "No valid code is waiting; request a new one.")


async def queue_message(session: AsyncSession, holder: Holder, *, subject: str, body: str) -> None:
    """Queue a message to the holder (its email, else a cardholder's phone) through the notifications outbox,
    and its record for the holder's tenant; a holder with neither gets the record only, settled by a job."""
    from .tasks import deliver_message  # the task module imports the models this one does

    if isinstance(holder, User):
        channel, recipient = ("email", holder.email) if holder.email else ("sms", holder.phone)
        owner = {"company_id": holder.company_id, "user_id": holder.id}
    else:
        channel, recipient = "email", holder.email
        owner = {"partner_id": holder.partner_id, "operator_id": holder.id}
    notification_id = None
    if recipient:
        notification_id = await notifications.queue(
            session, channel=channel, recipient=recipient, subject=subject, body=body
        )
    message = OutboundMessage(
        id=new_id(),
        channel=channel if recipient else "none",
        recipient=recipient or holder.username,
        subject=subject,
        # The sandbox outbox shows it; elsewhere only the notification holds it, until it is sent.
        body_ciphertext=seal_message(body) if get_settings().is_sandbox else None,
        notification_id=notification_id,
        created_at=clock.now(),
        **owner,
    )
    session.add(message)
    if notification_id is None:
        await session.flush()
        await defer(session, deliver_message, message_id=str(message.id))


# A notification's status as the outbox has always named it.
_SHOWN_STATUS = {"queued": "pending", "sent": "delivered", "failed": "failed"}


async def outbox_entries(
    session: AsyncSession, messages: Sequence[OutboundMessage]
) -> list[tuple[OutboundMessage, str | None, str]]:
    """The messages as the sandbox outbox shows them: each with its body and its status (the notification's
    when the outbox sent it)."""
    sent = await notifications.deliveries(session, [m.notification_id for m in messages if m.notification_id])
    entries = []
    for message in messages:
        delivery = sent.get(message.notification_id) if message.notification_id else None
        status = _SHOWN_STATUS[delivery.status] if delivery else message.status
        entries.append((message, open_message(message), status))
    return entries


def seal_message(body: str) -> bytes:
    return security.encrypt(body.encode(), purpose="outbound-message")


def open_message(message: OutboundMessage) -> str | None:
    if message.body_ciphertext is None:
        return None
    return security.decrypt(message.body_ciphertext, purpose="outbound-message").decode()
