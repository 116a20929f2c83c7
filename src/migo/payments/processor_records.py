"""The Payment Links a processor took, as its settlement file names them: by the processor's reference of the
approved authorization (the link keeps the one of the attempt that was approved), scoped to a partner's
clients. The back office's conciliation matches a processor's file against these (and the terminals' of
the merchants domain, which answer in the same `ProcessorPayment` shape)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from .access import readable_by_partner
from .models import PaymentTransaction


@dataclass(frozen=True)
class ProcessorPayment:
    """A card payment as its processor knows it: `captured` is what was captured and not voided (0 for a
    payment declined, only authorized, or reversed), `refunded` what was refunded of it."""

    channel: Literal["link", "terminal"]
    payment_id: str  # a link's uid, a terminal payment's id
    processor_reference: str
    currency: str
    captured: Decimal
    refunded: Decimal
    captured_at: datetime | None


def _partner_links(partner_id: uuid.UUID, processor: str) -> Select[*tuple[Any, ...]]:
    return (
        readable_by_partner(partner_id)
        .with_only_columns(
            PaymentTransaction.uid,
            PaymentTransaction.processor_reference,
            PaymentTransaction.currency,
            PaymentTransaction.captured_amount,
            PaymentTransaction.refunded_amount,
            PaymentTransaction.captured_at,
        )
        .where(PaymentTransaction.processor == processor)
    )


def _payment(row: Any) -> ProcessorPayment:
    uid, reference, currency, captured, refunded, captured_at = row
    return ProcessorPayment("link", uid, reference, currency, captured, refunded, captured_at)


async def link_by_processor_reference(
    session: AsyncSession, partner_id: uuid.UUID, processor: str, reference: str
) -> ProcessorPayment | None:
    """The link of one of the partner's clients that `processor` authorized under `reference`, if any."""
    row = (
        await session.execute(
            _partner_links(partner_id, processor).where(PaymentTransaction.processor_reference == reference).limit(1)
        )
    ).first()
    return _payment(row) if row is not None else None


async def links_captured_between(
    session: AsyncSession, partner_id: uuid.UUID, processor: str, start: datetime, end: datetime
) -> AsyncIterator[ProcessorPayment]:
    """The partner's links `processor` captured in [start, end) and that were not voided, oldest first."""
    rows = await session.stream(
        _partner_links(partner_id, processor)
        .where(
            PaymentTransaction.captured_at >= start,
            PaymentTransaction.captured_at < end,
            PaymentTransaction.captured_amount > 0,
        )
        .order_by(PaymentTransaction.captured_at, PaymentTransaction.id)
    )
    async for row in rows:
        yield _payment(row)
