"""What cards recorded of the money they moved, matched against the ledger by `migo ledger verify`.

- card transactions: an approved load, unload or transfer names its entry; a denied one names none;
- clearings: a card network clearing notice that was applied names its entry (the notice is the record);
- funding deposits: the operator's deposit is recorded by its entry alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.webhooks import inbound

from .models import CardTransaction
from .network import CLEARING_KIND
from .programs import FUNDING_DEPOSIT_KIND

# The entries sql/functions.sql writes for each type of card transaction.
ENTRY_KINDS = {"transfer": "card_transfer", "load": "card_load", "unload": "card_unload"}


async def _card_transactions(
    session: AsyncSession, after: uuid.UUID | None, limit: int
) -> Sequence[ledger.RecordedMovement]:
    query = select(CardTransaction.id, CardTransaction.type, CardTransaction.amount, CardTransaction.entry_id).where(
        CardTransaction.entry_id.is_not(None)
    )
    if after is not None:
        query = query.where(CardTransaction.entry_id > after)
    rows = await session.execute(query.order_by(CardTransaction.entry_id).limit(limit))
    return [
        ledger.RecordedMovement(entry_id, f"card transaction {id_}", ENTRY_KINDS[type_], amount)
        for id_, type_, amount, entry_id in rows
        if entry_id is not None  # the query's filter; for the type checker
    ]


async def _check_card_transactions(session: AsyncSession, result: ledger.CheckResult) -> None:
    """Approved ⇔ an entry (the one statement that writes a transaction decides both)."""
    contradicts = or_(
        (CardTransaction.status == "approved") & CardTransaction.entry_id.is_(None),
        (CardTransaction.status == "denied") & CardTransaction.entry_id.is_not(None),
    )
    result.checked = await session.scalar(select(func.count()).select_from(CardTransaction)) or 0
    count = await session.scalar(select(func.count()).where(contradicts)) or 0
    shown = await session.scalars(
        select(CardTransaction.id).where(contradicts).order_by(CardTransaction.id).limit(ledger.SHOWN_OFFENDERS)
    )
    result.offend_counted(count, (f"card transaction {id_}" for id_ in shown))


MOVEMENT_SOURCES = (
    ledger.MovementSource(
        "card transactions",
        frozenset(ENTRY_KINDS.values()),
        _card_transactions,
        _check_card_transactions,
        rule="an approved load, unload or transfer has its one entry of its amount; a denied one has none",
    ),
    ledger.MovementSource(
        "card network clearings",
        frozenset({CLEARING_KIND}),
        inbound.applied_notices("volcan", CLEARING_KIND),
        rule="an applied clearing notice has its one entry of the notice's amount",
    ),
)
JOURNAL_ONLY = (ledger.JournalOnly(frozenset({FUNDING_DEPOSIT_KIND}), "funding deposits (the entry is the record)"),)
