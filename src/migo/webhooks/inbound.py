"""Notices Migo receives (seed 003: the inbound receivers `/webhooks/volcan` and `/webhooks/settlements`).

Each is signed by its sender the Standard Webhooks way (`webhook-id` = the notice id, `webhook-timestamp`,
`webhook-signature`) with the source's own secret, so a captured notice can neither be altered nor sent
after the 5-minute tolerance, nor to the other receiver. It is stored raw and applied once: its id is unique
per source, so a retried notice answers 200 with the first outcome and changes nothing. Money moves through
the ledger (the cards domain for card notices, the payments domain for settlements)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import network
from migo.identity.errors import IDENTITY_ERRORS
from migo.payments import settlements
from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import ERRORS, ApiError
from migo.platform.money import Amount
from migo.platform.settings import get_settings
from migo.platform.wire import ApiInput

from . import signatures
from .models import InboundNotice

Source = Literal["volcan", "settlements"]
ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER = "webhook-id", "webhook-timestamp", "webhook-signature"
RECEIVED = "received"  # stored, not applied yet (or its application failed and will be retried)


class _Notice(ApiInput):
    # Processors add fields over time: unknown ones are kept in the raw copy, not refused.
    model_config = ConfigDict(extra="ignore")

    id: Annotated[str, Field(min_length=1, max_length=100, description="The notice's id: it applies once.")]


class VolcanNotice(_Notice):
    """An issued card used at a merchant: `authorization` holds the amount on the card, `clearing` posts it,
    `reversal` releases it. `authorizationId` ties the three together."""

    type: Literal["authorization", "clearing", "reversal"]
    card_id: uuid.UUID
    authorization_id: Annotated[str, Field(min_length=1, max_length=100)]
    amount: Amount | None = Field(None, description="Required for authorizations and clearings.")
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = None
    merchant_name: Annotated[str, Field(max_length=120)] | None = None
    occurred_at: datetime | None = None


class SettlementNotice(_Notice):
    """The acquirer paid out what it owed for captured payments."""

    processor: Annotated[str, Field(min_length=1, max_length=40)]
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    amount: Amount
    settlement_date: date
    transactions: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list)


@dataclass(frozen=True)
class Receipt:
    notice_id: str
    duplicate: bool
    outcome: str


def secret_of(source: Source) -> str:
    """The source's signing secret: configured, or derived from the master secret in the sandbox. A receiver
    without a usable secret is out of service (503), never open."""
    settings = get_settings()
    configured = settings.volcan_webhook_secret if source == "volcan" else settings.settlements_webhook_secret
    if configured is None and settings.is_sandbox:
        raw = hmac.new(security.derive_key("inbound-webhook-secret"), source.encode(), hashlib.sha256).digest()
        return signatures.SECRET_PREFIX + base64.b64encode(raw).decode()
    secret = configured.get_secret_value() if configured is not None else ""
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
    if not timestamp.isascii() or not timestamp.isdigit() or abs(clock.now().timestamp() - int(timestamp)) > tolerance:
        raise ApiError(
            IDENTITY_ERRORS.INVALID_SIGNATURE, f"{TIMESTAMP_HEADER} is more than {tolerance // 60} minutes off."
        )
    if not signatures.verify(secret_of(source), message_id, timestamp, raw_body, signature):
        raise ApiError(
            IDENTITY_ERRORS.INVALID_SIGNATURE, "The notice's signature does not match its id, timestamp and body."
        )


async def receive(session: AsyncSession, source: Source, raw_body: bytes, notice: _Notice, signed_id: str) -> Receipt:
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
    outcome, entry_id = await _apply(session, notice)
    row.outcome, row.entry_id = outcome, entry_id
    return Receipt(notice.id, False, outcome)


async def _apply(session: AsyncSession, notice: Any) -> tuple[str, uuid.UUID | None]:
    if isinstance(notice, SettlementNotice):
        result = await settlements.record_settlement(
            session, notice_id=notice.id, processor=notice.processor, currency=notice.currency, amount=notice.amount
        )
        if result is None:
            return "rejected:unknown_processor", None
        return ("applied", result.entry_id) if result.applied else (f"rejected:{result.outcome}", None)
    assert isinstance(notice, VolcanNotice)
    if notice.type == "reversal":
        done = await network.reverse(session, card_id=notice.card_id, authorization_id=notice.authorization_id)
        return done.outcome, done.entry_id
    if notice.amount is None or notice.currency is None:
        return "rejected:amount_and_currency_required", None
    amount: Decimal = notice.amount
    if notice.type == "authorization":
        done = await network.authorize(
            session,
            card_id=notice.card_id,
            authorization_id=notice.authorization_id,
            amount=amount,
            currency=notice.currency,
            merchant_name=notice.merchant_name,
        )
    else:
        done = await network.clear(
            session,
            notice_id=notice.id,
            card_id=notice.card_id,
            authorization_id=notice.authorization_id,
            amount=amount,
            currency=notice.currency,
        )
    return done.outcome, done.entry_id
