"""What a partner's back-office operator sees of the money its companies' prepaid cards moved (the CMS's
transaction search, platform.transaction_search): every load, unload and card-to-card transfer, approved or
denied, as `card_transactions` keeps it. A transfer is found by either card's last four.

A card paying a merchant of Migo (on-us) shows as the link or terminal payment it paid, which the search lists
already; what the card network clears is the ledger's posting on the card (the card's movements on the Gateway).
The back office never moves a card's money itself (seed 001): there is no refund of a card transaction here."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from migo.platform.transaction_search import TransactionSummary, search_columns

from .access import readable_by_companies
from .models import Card, CardTransaction

_SOURCE = aliased(Card, name="source_card")  # unloaded or sent from (None for a load)
_TARGET = aliased(Card, name="target_card")  # loaded or sent to (None for an unload)


def partner_card_transactions(company_ids: Collection[uuid.UUID]) -> Select[Any]:
    """The card transactions of these companies (a partner's), in the transaction search's shape: the card is
    the one the money left, or for a load the one it reached."""
    return (
        readable_by_companies(company_ids, CardTransaction)
        .outerjoin(_SOURCE, _SOURCE.id == CardTransaction.source_card_id)
        .outerjoin(_TARGET, _TARGET.id == CardTransaction.target_card_id)
        .with_only_columns(
            *search_columns(
                "card_transaction",
                uid=CardTransaction.id,
                created_at=CardTransaction.created_at,
                amount=CardTransaction.amount,
                currency=CardTransaction.currency,
                status=CardTransaction.status,
                user_id=func.coalesce(_SOURCE.owner_user_id, _TARGET.owner_user_id),
                card_bin=func.coalesce(_SOURCE.bin, _TARGET.bin),
                card_last4=func.coalesce(_SOURCE.last4, _TARGET.last4),
                counterpart_card_last4=case((CardTransaction.source_card_id.is_not(None), _TARGET.last4)),
                company_id=CardTransaction.company_id,
            )
        )
    )


@dataclass(frozen=True)
class CardSide:
    """One card of a card transaction, as the back office may show it: never its number."""

    card_id: uuid.UUID
    bin: str
    last4: str


@dataclass(frozen=True)
class PartnerCardTransaction:
    """A card transaction of the partner's companies: its row of the search, and what it was."""

    summary: TransactionSummary
    type: str  # load | unload | transfer
    source_card: CardSide | None
    target_card: CardSide | None
    description: str | None
    denial_code: int | None


def _side(card_id: uuid.UUID | None, bin_: str | None, last4: str | None) -> CardSide | None:
    if card_id is None:
        return None
    # The card a transaction names exists (a foreign key): its BIN and last four are there.
    assert bin_ is not None
    assert last4 is not None
    return CardSide(card_id, bin_, last4)


async def partner_card_transaction(
    session: AsyncSession, company_ids: Collection[uuid.UUID], transaction_id: uuid.UUID
) -> PartnerCardTransaction | None:
    """The card transaction of one of these companies (None: none of theirs has this id)."""
    row = (
        await session.execute(
            partner_card_transactions(company_ids)
            .add_columns(CardTransaction, _SOURCE.bin, _SOURCE.last4, _TARGET.bin, _TARGET.last4)
            .where(CardTransaction.id == transaction_id)
        )
    ).first()
    if row is None:
        return None
    transaction, source_bin, source_last4, target_bin, target_last4 = row[-5:]
    return PartnerCardTransaction(
        summary=TransactionSummary.of(row),
        type=transaction.type,
        source_card=_side(transaction.source_card_id, source_bin, source_last4),
        target_card=_side(transaction.target_card_id, target_bin, target_last4),
        description=transaction.description,
        denial_code=transaction.denial_code,
    )
