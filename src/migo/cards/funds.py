"""Money on cards (seed 001): loads and unloads against the company's funding account, and card-to-card
transfers, approved or denied. Every approved call is exactly one ledger entry; every call, approved or
denied, is one card transaction and one event.

Locks: the card rows first (in id order), then the ledger locks the accounts (in id order). Holding the
source card's row makes the daily-limit check and the debit one atomic step.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from typing import Literal

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.identity.auth import GatewayCaller
from migo.ledger import service as ledger
from migo.ledger.models import Entry, Posting
from migo.platform import clock
from migo.platform.db import fetch_one
from migo.platform.errors import ERRORS, ApiError, ErrorDef
from migo.platform.ids import new_id

from .lifecycle import STATUS_ERRORS, card_for
from .models import Card, CardProgram, CardTransaction

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
    """The refusal as the caller sees it; the denied transaction is committed with it."""
    return ApiError(error, f"{error.message} (transaction {transaction.id})", keep_changes=True)


async def _balance(session: AsyncSession, account_id: uuid.UUID) -> Decimal:
    return (await ledger.get_account(session, account_id)).balance


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
    card = await card_for(session, caller, card_id, "manage", lock=True)
    program = await session.get(CardProgram, card.program_id)
    assert program is not None
    denial: ErrorDef | None = None
    if card.status == "INACTIVE" or (kind == "load" and card.status != "ACTIVE"):
        denial = STATUS_ERRORS[card.status]
    if kind == "load":
        legs = ledger.transfer_legs(
            program.funding_account_id, card.account_id, amount, target_ceiling=program.max_balance
        )
    else:
        legs = ledger.transfer_legs(card.account_id, program.funding_account_id, amount)
    return await _settle(
        session,
        caller,
        kind=kind,
        source=card if kind == "unload" else None,
        target=card if kind == "load" else None,
        amount=amount,
        currency=program.currency,
        description=description,
        legs=legs,
        denial=denial,
        short_of_funds=ERRORS.FUNDING_INSUFFICIENT if kind == "load" else ERRORS.INSUFFICIENT_FUNDS,
        balance_of=card,
    )


async def _settle(
    session: AsyncSession,
    caller: GatewayCaller,
    *,
    kind: str,
    source: Card | None,
    target: Card | None,
    amount: Decimal,
    currency: str,
    description: str | None,
    legs: list[ledger.Leg],
    denial: ErrorDef | None,
    short_of_funds: ErrorDef,
    balance_of: Card,
) -> Outcome:
    """Post the entry unless already denied, record the transaction (and its event) either way, then
    answer or deny."""
    entry_id = None
    if denial is None:
        result = await ledger.post_entry(
            session, reference=f"card-{kind}:{new_id()}", kind=f"card_{kind}", legs=legs, description=description
        )
        entry_id = result.entry_id
        denial = {"insufficient_funds": short_of_funds, "ceiling_exceeded": ERRORS.MAX_BALANCE_EXCEEDED}.get(
            result.outcome
        )
    actor_kind, actor_id = caller.actor
    transaction = CardTransaction(
        id=new_id(),
        company_id=caller.company_id,
        type=kind,
        source_card_id=source.id if source else None,
        target_card_id=target.id if target else None,
        amount=amount,
        currency=currency,
        description=description,
        status="denied" if denial else "approved",
        denial_code=denial.code if denial else None,
        entry_id=entry_id,
        actor_kind=actor_kind,
        actor_id=actor_id,
        created_at=clock.now(),
    )
    session.add(transaction)
    event_type = _EVENT_TYPES.get((kind, transaction.status))
    if event_type is not None:
        await events.record(
            session,
            event_type,
            company_id=caller.company_id,
            subject_id=str(transaction.id),
            data=transaction_view(transaction),
        )
    await session.flush()
    if denial is not None:
        raise _deny(denial, transaction)
    return Outcome(transaction, await _balance(session, balance_of.account_id))


_TRANSFER = (  # a driver statement (platform.db)
    "SELECT outcome, denial, target_card_id, entry_id, currency, balance FROM cards_transfer_v2("
    "%(transaction_id)s::uuid, %(entry_id)s::uuid, %(company)s::uuid, %(source)s::uuid, %(target)s::uuid, "
    "%(amount)s::numeric, %(description)s::text, %(actor_kind)s::text, %(actor_id)s::text, "
    "%(at)s::timestamptz, %(day_start)s::timestamptz, %(codes)s::jsonb)"
)
# What cards_transfer_v2 names a denial, and the error the caller gets for it.
_TRANSFER_DENIALS: dict[str, ErrorDef] = {
    "different_companies": ERRORS.CARDS_IN_DIFFERENT_COMPANIES,
    **STATUS_ERRORS,
    "per_transfer_limit": ERRORS.TRANSFER_LIMIT_EXCEEDED,
    "daily_limit": ERRORS.DAILY_TRANSFER_LIMIT_EXCEEDED,
    "insufficient_funds": ERRORS.INSUFFICIENT_FUNDS,
    "ceiling_exceeded": ERRORS.MAX_BALANCE_EXCEEDED,
}
_DENIAL_CODES = json.dumps({name: error.code for name, error in _TRANSFER_DENIALS.items()})


async def transfer(
    session: AsyncSession,
    caller: GatewayCaller,
    source_card_id: uuid.UUID,
    target_card_id: uuid.UUID,
    amount: Decimal,
    description: str | None,
) -> Outcome:
    """Seed 001's request flow: validate both cards and the balance, move the funds, answer approved or denied.
    The checks, the entry and the transaction row are one SQL function (cards_transfer_v2): one round trip."""
    if source_card_id == target_card_id:
        raise ApiError(ERRORS.SAME_CARD)
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
        raise ApiError(ERRORS.CARD_NOT_FOUND)
    denial = _TRANSFER_DENIALS[row.denial] if row.denial else None
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
        denial_code=denial.code if denial else None,
        entry_id=row.entry_id,
        actor_kind=actor_kind,
        actor_id=actor_id,
        created_at=now,
    )
    await events.record(
        session,
        _EVENT_TYPES[("transfer", row.outcome)],
        company_id=caller.company_id,
        subject_id=str(transaction_id),
        data=transaction_view(transaction),
    )
    if denial is not None:
        raise _deny(denial, transaction)
    return Outcome(transaction, row.balance)


async def get_transaction(session: AsyncSession, caller: GatewayCaller, transaction_id: uuid.UUID) -> CardTransaction:
    transaction = await session.scalar(
        select(CardTransaction).where(
            CardTransaction.id == transaction_id, CardTransaction.company_id == caller.company_id
        )
    )
    if transaction is None:
        raise ApiError(ERRORS.TRANSACTION_NOT_FOUND)
    if caller.user_id is not None:
        card_ids = [c for c in (transaction.source_card_id, transaction.target_card_id) if c]
        visible = False
        for card_id in card_ids:
            try:
                await card_for(session, caller, card_id, "view")
                visible = True
            except ApiError:
                continue
        if not visible:
            raise ApiError(ERRORS.TRANSACTION_NOT_FOUND)
    return transaction


def movements_of(card: Card, since: datetime | None, until: datetime | None) -> Select[tuple[Posting, Entry]]:
    """The card account's postings, each with its entry and running balance."""
    statement = (
        select(Posting, Entry).join(Entry, Entry.id == Posting.entry_id).where(Posting.account_id == card.account_id)
    )
    if since is not None:
        statement = statement.where(Posting.created_at >= since)
    if until is not None:
        statement = statement.where(Posting.created_at < until)
    return statement
