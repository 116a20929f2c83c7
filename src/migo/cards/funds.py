"""Money on cards (seed 001): loads and unloads against the company's funding account, and card-to-card
transfers, approved or denied. Every approved call is exactly one ledger entry; every call, approved or
denied, is one card transaction and one event.

Each is one SQL function (sql/functions.sql), one round trip: the card rows locked first (in id order), then
the ledger's accounts (in id order), the card-status rules and limits checked, the entry posted and the card
transaction recorded. Holding the source card's row makes the daily-limit check and the debit one step.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.identity.principals import GatewayCaller
from migo.platform import clock
from migo.platform.db import fetch_one
from migo.platform.errors import ERRORS, ApiError, ErrorDef
from migo.platform.ids import new_id

from .access import card_for, readable
from .errors import CARD_ERRORS, STATUS_ERRORS
from .models import CardTransaction

FundsType = Literal["load", "unload"]
_EVENT_TYPES = {
    ("load", "approved"): "card.funds_loaded",
    ("unload", "approved"): "card.funds_unloaded",
    ("transfer", "approved"): "transfer.approved",
    ("transfer", "denied"): "transfer.denied",
}


@dataclass(frozen=True)
class Outcome:
    transaction: CardTransaction
    balance: Decimal | None  # the card's balance after an approved call (the source's, for transfers)


def transaction_view(transaction: CardTransaction) -> dict[str, object]:
    return {
        "transactionId": str(transaction.id),
        "type": transaction.type,
        "status": transaction.status,
        "sourceCardId": str(transaction.source_card_id) if transaction.source_card_id else None,
        "targetCardId": str(transaction.target_card_id) if transaction.target_card_id else None,
        "amount": str(transaction.amount),
        "currency": transaction.currency,
        "denialCode": transaction.denial_code,
    }


def _deny(error: ErrorDef, transaction: CardTransaction) -> ApiError:
    """The refusal as the caller sees it, naming the denied transaction (seed 001: the answer says approved or
    denied) in `error.transactionId` and `error.status`; the transaction is committed with it."""
    return ApiError(
        error,
        f"{error.message} (transaction {transaction.id})",
        keep_changes=True,
        fields={"transactionId": str(transaction.id), "status": transaction.status},
    )


# Driver statements (platform.db): the checks, the entry and the transaction row, one round trip each.
_TRANSFER = (
    "SELECT outcome, denial, target_card_id, entry_id, currency, balance FROM cards_transfer("
    "%(transaction_id)s::uuid, %(entry_id)s::uuid, %(company)s::uuid, %(source)s::uuid, %(target)s::uuid, "
    "%(amount)s::numeric, %(description)s::text, %(actor_kind)s::text, %(actor_id)s::text, "
    "%(at)s::timestamptz, %(day_start)s::timestamptz, %(codes)s::jsonb)"
)
_MOVE_FUNDS = (
    "SELECT outcome, denial, entry_id, currency, balance FROM cards_move_funds("
    "%(transaction_id)s::uuid, %(entry_id)s::uuid, %(company)s::uuid, %(card)s::uuid, %(kind)s::text, "
    "%(amount)s::numeric, %(description)s::text, %(actor_kind)s::text, %(actor_id)s::text, "
    "%(at)s::timestamptz, %(codes)s::jsonb)"
)
# What the SQL functions name a denial (the card-status rules live there: cards_movement_refusal), and the
# error the caller gets for it.
DENIALS: dict[str, ErrorDef] = {
    "different_companies": CARD_ERRORS.CARDS_IN_DIFFERENT_COMPANIES,
    **STATUS_ERRORS,
    "per_transfer_limit": CARD_ERRORS.TRANSFER_LIMIT_EXCEEDED,
    "daily_limit": CARD_ERRORS.DAILY_TRANSFER_LIMIT_EXCEEDED,
    "insufficient_funds": CARD_ERRORS.INSUFFICIENT_FUNDS,
    "funding_insufficient": CARD_ERRORS.FUNDING_INSUFFICIENT,
    "ceiling_exceeded": CARD_ERRORS.MAX_BALANCE_EXCEEDED,
}
_DENIAL_CODES = json.dumps({name: error.code for name, error in DENIALS.items()})


async def _answer(
    session: AsyncSession, caller: GatewayCaller, transaction: CardTransaction, denial: str | None, balance: Decimal
) -> Outcome:
    """The event of a recorded movement, then the answer: approved with the card's balance, or the denial."""
    event_type = _EVENT_TYPES.get((transaction.type, transaction.status))
    if event_type is not None:
        await events.record(
            session,
            event_type,
            company_id=caller.company_id,
            subject_id=str(transaction.id),
            data=transaction_view(transaction),
        )
    if denial is not None:
        raise _deny(DENIALS[denial], transaction)
    return Outcome(transaction, balance)


async def move_funds(
    session: AsyncSession,
    caller: GatewayCaller,
    card_id: uuid.UUID,
    kind: FundsType,
    amount: Decimal,
    description: str | None,
) -> Outcome:
    """Load (funding → card, up to the program's maximum balance) or unload (card → funding). The
    company's money: only its application moves it, never a cardholder token."""
    if caller.user_id is not None:
        raise ApiError(ERRORS.FORBIDDEN, "Loads and unloads are made by the company's application, not a cardholder.")
    now = clock.now()
    actor_kind, actor_id = caller.actor
    transaction_id = new_id()
    row = await fetch_one(
        session,
        _MOVE_FUNDS,
        {
            "transaction_id": transaction_id,
            "entry_id": new_id(),
            "company": caller.company_id,
            "card": card_id,
            "kind": kind,
            "amount": amount,
            "description": description,
            "actor_kind": actor_kind,
            "actor_id": actor_id,
            "at": now,
            "codes": _DENIAL_CODES,
        },
    )
    assert row is not None  # the function always answers one row
    if row.outcome == "card_not_found":  # another company's card, or none: nothing to record
        raise ApiError(CARD_ERRORS.CARD_NOT_FOUND)
    transaction = CardTransaction(
        id=transaction_id,
        company_id=caller.company_id,
        type=kind,
        source_card_id=card_id if kind == "unload" else None,
        target_card_id=card_id if kind == "load" else None,
        amount=amount,
        currency=row.currency,
        description=description,
        status=row.outcome,
        denial_code=DENIALS[row.denial].code if row.denial else None,
        entry_id=row.entry_id,
        actor_kind=actor_kind,
        actor_id=actor_id,
        created_at=now,
    )
    return await _answer(session, caller, transaction, row.denial, row.balance)


async def transfer(
    session: AsyncSession,
    caller: GatewayCaller,
    source_card_id: uuid.UUID,
    target_card_id: uuid.UUID,
    amount: Decimal,
    description: str | None,
) -> Outcome:
    """Seed 001's request flow: validate both cards and the balance, move the funds, answer approved or denied.
    The checks, the entry and the transaction row are one SQL function (cards_transfer): one round trip."""
    if source_card_id == target_card_id:
        raise ApiError(CARD_ERRORS.SAME_CARD)
    if caller.user_id is not None:  # a cardholder needs the `transact` permission on the source card
        await card_for(session, caller, source_card_id, "transact")
    now = clock.now()
    actor_kind, actor_id = caller.actor
    transaction_id = new_id()
    row = await fetch_one(
        session,
        _TRANSFER,
        {
            "transaction_id": transaction_id,
            "entry_id": new_id(),
            "company": caller.company_id,
            "source": source_card_id,
            "target": target_card_id,
            "amount": amount,
            "description": description,
            "actor_kind": actor_kind,
            "actor_id": actor_id,
            "at": now,
            "day_start": datetime.combine(now.date(), time.min, tzinfo=now.tzinfo),
            "codes": _DENIAL_CODES,
        },
    )
    assert row is not None  # the function always answers one row
    if row.outcome == "source_not_found":  # another company's card, or none: nothing to record
        raise ApiError(CARD_ERRORS.CARD_NOT_FOUND)
    # The row the function inserted, as the answer and the event show it.
    transaction = CardTransaction(
        id=transaction_id,
        company_id=caller.company_id,
        type="transfer",
        source_card_id=source_card_id,
        target_card_id=row.target_card_id,
        amount=amount,
        currency=row.currency,
        description=description,
        status=row.outcome,
        denial_code=DENIALS[row.denial].code if row.denial else None,
        entry_id=row.entry_id,
        actor_kind=actor_kind,
        actor_id=actor_id,
        created_at=now,
    )
    return await _answer(session, caller, transaction, row.denial, row.balance)


async def get_transaction(session: AsyncSession, caller: GatewayCaller, transaction_id: uuid.UUID) -> CardTransaction:
    """A money movement of the caller's company (a cardholder's: of a card they may view)."""
    transaction = await session.scalar(readable(caller, CardTransaction).where(CardTransaction.id == transaction_id))
    if transaction is None:
        raise ApiError(CARD_ERRORS.TRANSACTION_NOT_FOUND)
    return transaction
