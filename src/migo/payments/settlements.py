"""Acquirer settlements: the processor paid out what it owed for captured payments. The amount leaves the
processor's clearing account and arrives in the platform's bank clearing account, once per notice
(`/rest/webhooks/settlements`, applied once: webhooks.inbound)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger

from . import clients
from .schemas import SettlementNotice

SETTLEMENT_KIND = "acquirer_settlement"  # the ledger entry of money an acquirer paid out


async def record_settlement(
    session: AsyncSession, *, notice_id: str, processor: str, currency: str, amount: Decimal
) -> ledger.EntryResult | None:
    """The ledger entry of a settlement notice; None when the processor is unknown (or the on-us one: no
    acquirer pays out for cards Migo charged itself)."""
    if processor not in clients.configurable_processors():
        return None
    clearing = await clients.clearing_account(session, processor, currency)
    bank = await ledger.system_account(session, kind=ledger.BANK_CLEARING, currency=currency)
    return await ledger.post_entry(
        session,
        reference=f"acquirer-settlement:{processor}:{notice_id}",
        kind=SETTLEMENT_KIND,
        description=f"Settlement from {processor}",
        legs=ledger.transfer_legs(bank.id, clearing, amount),
    )


async def apply_notice(session: AsyncSession, notice: SettlementNotice) -> tuple[str, uuid.UUID | None]:
    """What a settlement notice does (webhooks.inbound applies each notice id once)."""
    result = await record_settlement(
        session, notice_id=notice.id, processor=notice.processor, currency=notice.currency, amount=notice.amount
    )
    if result is None:
        return "rejected:unknown_processor", None
    return ("applied", result.entry_id) if result.applied else (f"rejected:{result.outcome}", None)
