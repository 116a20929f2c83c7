"""Notices Migo receives (seed 003: the inbound receivers `/webhooks/volcan` and `/webhooks/settlements`).

Each is signed by its sender the Standard Webhooks way (`webhook-id` = the notice id, `webhook-timestamp`,
`webhook-signature`) with the source's own secret, so a captured notice can neither be altered nor sent
after the 5-minute tolerance, nor to the other receiver. It is stored raw and applied once: its id is unique
per source, so a retried notice answers 200 with the first outcome and changes nothing. The domain a notice
changes declares its receiver (router.add_notice_receiver) and applies it (the cards domain card notices, the
payments domain settlements); money moves through the ledger."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal, TypeVar

from pydantic import ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity.errors import IDENTITY_ERRORS
from migo.ledger import service as ledger
from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import ERRORS, ApiError
from migo.platform.secrets import Secret
from migo.platform.settings import get_settings
from migo.platform.wire import ApiInput

from . import signatures
from .models import InboundNotice

Source = Literal["volcan", "settlements"]
ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER = "webhook-id", "webhook-timestamp", "webhook-signature"
RECEIVED = "received"  # stored, not applied yet (or its application failed and will be retried)


class Notice(ApiInput):
    """What every notice carries; each domain's notice adds its fields."""

    # Processors add fields over time: unknown ones are kept in the raw copy, not refused.
    model_config = ConfigDict(extra="ignore")

    id: Annotated[str, Field(min_length=1, max_length=100, description="The notice's id: it applies once.")]


N = TypeVar("N", bound=Notice)
# What applying a notice came to (an outcome such as "approved" or "rejected:<why>") and its ledger entry.
Apply = Callable[[AsyncSession, N], Awaitable[tuple[str, uuid.UUID | None]]]


@dataclass(frozen=True)
class Receipt:
    notice_id: str
    duplicate: bool
    outcome: str


def secret_of(source: Source) -> Secret:
    """The source's signing secret: configured, or derived from the master secret in the sandbox. A receiver
    without a usable secret is out of service (503), never open."""
    settings = get_settings()
    configured = settings.volcan_webhook_secret if source == "volcan" else settings.settlements_webhook_secret
    if configured is None and settings.is_sandbox:
        raw = hmac.new(security.derive_key("inbound-webhook-secret"), source.encode(), hashlib.sha256).digest()
        return Secret(signatures.SECRET_PREFIX + base64.b64encode(raw).decode())
    secret = Secret(configured.get_secret_value() if configured is not None else "")
    if not signatures.is_valid_secret(secret):
        raise ApiError(ERRORS.SERVICE_UNAVAILABLE, f"The {source} receiver has no whsec_ signing secret configured.")
    return secret


def check_signature(
    source: Source, raw_body: bytes, message_id: str | None, timestamp: str | None, signature: str | None
) -> None:
    """The notice's Standard Webhooks signature, within the tolerance; else 7604 INVALID_SIGNATURE."""
    if not (message_id and timestamp and signature):
        raise ApiError(
            IDENTITY_ERRORS.INVALID_SIGNATURE, f"Sign notices: {ID_HEADER}, {TIMESTAMP_HEADER} and {SIGNATURE_HEADER}."
        )
    tolerance = get_settings().signature_tolerance_seconds
    if not re.fullmatch(r"[0-9]{1,12}", timestamp) or abs(clock.now().timestamp() - int(timestamp)) > tolerance:
        raise ApiError(
            IDENTITY_ERRORS.INVALID_SIGNATURE, f"{TIMESTAMP_HEADER} is more than {tolerance // 60} minutes off."
        )
    if not signatures.verify(secret_of(source), message_id, timestamp, raw_body, signature):
        raise ApiError(
            IDENTITY_ERRORS.INVALID_SIGNATURE, "The notice's signature does not match its id, timestamp and body."
        )


async def receive(
    session: AsyncSession, source: Source, raw_body: bytes, notice: N, signed_id: str, apply: Apply[N]
) -> Receipt:
    """Store the notice raw (committed at once, whatever happens next), then apply it in the request's
    transaction unless an earlier delivery of the same notice already was. The notice's row is locked while
    it is applied, so a retry arriving meanwhile waits and then answers the first outcome. `signed_id` is the
    `webhook-id` its signature covers: it must be the notice's own id."""
    if signed_id != notice.id:
        raise ApiError(IDENTITY_ERRORS.INVALID_SIGNATURE, f"{ID_HEADER} must be the notice's id.")
    async with database.side_transaction() as side:
        await side.execute(
            insert(InboundNotice)
            .values(
                id=uuid.uuid4(),
                source=source,
                notice_id=notice.id,
                raw_body=raw_body.decode("utf-8", errors="replace"),
                payload=notice.model_dump(mode="json", by_alias=True),
                outcome=RECEIVED,
            )
            .on_conflict_do_nothing(index_elements=["source", "notice_id"])
        )
    row = await session.scalar(
        select(InboundNotice)
        .where(InboundNotice.source == source, InboundNotice.notice_id == notice.id)
        .with_for_update()
    )
    assert row is not None
    if row.outcome != RECEIVED:
        return Receipt(notice.id, True, row.outcome)
    outcome, entry_id = await apply(session, notice)
    row.outcome, row.entry_id = outcome, entry_id
    return Receipt(notice.id, False, outcome)


def applied_notices(source: Source, kind: str) -> ledger.RecordedBatch:
    """For the ledger's verification: the notices of `source` whose applying made an entry of `kind` (of the
    notice's `amount`), in entry id order. The domain that applies them declares it as its records."""

    async def recorded(session: AsyncSession, after: uuid.UUID | None, limit: int) -> list[ledger.RecordedMovement]:
        query = select(InboundNotice.entry_id, InboundNotice.notice_id, InboundNotice.payload["amount"].astext).where(
            InboundNotice.source == source, InboundNotice.entry_id.is_not(None)
        )
        if after is not None:
            query = query.where(InboundNotice.entry_id > after)
        rows = await session.execute(query.order_by(InboundNotice.entry_id).limit(limit))
        return [
            ledger.RecordedMovement(entry_id, f"{source} notice {notice_id}", kind, Decimal(amount))
            for entry_id, notice_id, amount in rows
            if entry_id is not None
        ]

    return recorded
