"""The terminal payments a processor took, as its settlement file names them (by the processor's reference of
the sale), scoped to a partner's companies: for the back office's conciliation, in the payments domain's
`ProcessorPayment` shape that the Payment Links answer in too."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, String, cast, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.payments.service import ProcessorPayment

from .models import TerminalPayment

# A sale's card was charged once approved; a reversed one was given back whole (nothing to settle).
_CAPTURED = ("approved", "refunded")


def _company_payments(company_ids: Sequence[uuid.UUID], processor: str) -> Select[*tuple[Any, ...]]:
    return select(
        cast(TerminalPayment.id, String),
        TerminalPayment.processor_reference,
        TerminalPayment.currency,
        TerminalPayment.amount + TerminalPayment.tip,
        TerminalPayment.status,
        TerminalPayment.refunded_amount,
        TerminalPayment.captured_at,
    ).where(TerminalPayment.company_id.in_(company_ids), TerminalPayment.processor == processor)


def _payment(row: Any) -> ProcessorPayment:
    payment_id, reference, currency, gross, status, refunded, captured_at = row
    captured = gross if status in _CAPTURED else Decimal(0)
    return ProcessorPayment("terminal", payment_id, reference, currency, captured, refunded, captured_at)


async def terminal_payment_by_processor_reference(
    session: AsyncSession, company_ids: Sequence[uuid.UUID], processor: str, reference: str
) -> ProcessorPayment | None:
    """The terminal payment of one of the companies that `processor` answered under `reference`, if any."""
    if not company_ids:
        return None
    statement = _company_payments(company_ids, processor).where(TerminalPayment.processor_reference == reference)
    row = (await session.execute(statement.limit(1))).first()
    return _payment(row) if row is not None else None


async def terminal_payments_captured_between(
    session: AsyncSession, company_ids: Sequence[uuid.UUID], processor: str, start: datetime, end: datetime
) -> AsyncIterator[ProcessorPayment]:
    """The companies' sales `processor` captured in [start, end) and that were not reversed, oldest first."""
    if not company_ids:
        return
    rows = await session.stream(
        _company_payments(company_ids, processor)
        .where(
            TerminalPayment.captured_at >= start,
            TerminalPayment.captured_at < end,
            TerminalPayment.status.in_(_CAPTURED),
        )
        .order_by(TerminalPayment.captured_at, TerminalPayment.id)
    )
    async for row in rows:
        yield _payment(row)
