"""Acquirer settlements: the processor paid out what it owed for captured payments. The amount leaves the
processor's clearing account and arrives in the platform's bank clearing account, once per notice."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger

from . import clients
from .processors import known_processors


async def record_settlement(
    session: AsyncSession, *, notice_id: str, processor: str, currency: str, amount: Decimal
) -> ledger.EntryResult | None:
    """The ledger entry of a settlement notice; None when the processor is unknown."""
    if processor not in known_processors():
        return None
    clearing = await clients.clearing_account(session, processor, currency)
    bank = await ledger.system_account(session, kind=ledger.BANK_CLEARING, currency=currency)
    return await ledger.post_entry(
        session,
        reference=f"acquirer-settlement:{processor}:{notice_id}",
        kind="acquirer_settlement",
        description=f"Settlement from {processor}",
        legs=ledger.transfer_legs(bank.id, clearing, amount),
    )
