"""What cards recorded of the money they moved, matched against the ledger by `migo ledger verify`.

- card transactions: an approved load, unload or transfer names its entry; a denied one names none;
- clearings: a card network clearing notice that was applied names its entry (the notice is the record);
- on-us charges: the on-us processor's record of a charge, a capture, a refund or the void of a charge names
  its entry; a declined or failed call names none, and a held authorization's hold is pending, posted or
  voided as its capture and void say;
- funding deposits: the operator's deposit is recorded by its entry alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from migo.ledger import service as ledger
from migo.webhooks import inbound

from . import on_us
from .models import CardTransaction, OnUsRecord
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


async def _on_us_records(
    session: AsyncSession, after: uuid.UUID | None, limit: int
) -> Sequence[ledger.RecordedMovement]:
    query = select(OnUsRecord.entry_id, OnUsRecord.operation, OnUsRecord.idempotency_key, OnUsRecord.amount).where(
        OnUsRecord.entry_id.is_not(None)
    )
    if after is not None:
        query = query.where(OnUsRecord.entry_id > after)
    rows = await session.execute(query.order_by(OnUsRecord.entry_id).limit(limit))
    return [
        ledger.RecordedMovement(entry_id, f"on-us {operation} {key}", on_us.ENTRY_KINDS[operation], amount)
        for entry_id, operation, key, amount in rows
        if entry_id is not None and amount is not None  # the query's filter; a record with an entry has its amount
    ]


def _on_us_contradictions() -> list[tuple[str, ColumnElement[bool]]]:
    """Each way an on-us record contradicts itself: money moved by a call that did not succeed, a charge,
    capture or refund that succeeded without its entry, an authorization held without its hold."""
    done = OnUsRecord.status.in_(("approved", "succeeded"))
    return [
        (
            "declined or failed, with money",
            and_(~done, or_(OnUsRecord.entry_id.is_not(None), OnUsRecord.hold_id.is_not(None))),
        ),
        (
            "charge approved without its entry",
            and_(
                OnUsRecord.operation == "authorize",
                done,
                OnUsRecord.amount > 0,
                OnUsRecord.capture.is_(True),
                OnUsRecord.entry_id.is_(None),
            ),
        ),
        (
            "authorization approved without its hold",
            and_(
                OnUsRecord.operation == "authorize",
                done,
                OnUsRecord.amount > 0,
                OnUsRecord.capture.is_(False),
                OnUsRecord.hold_id.is_(None),
            ),
        ),
        (
            "capture or refund succeeded without its entry",
            and_(OnUsRecord.operation.in_(("capture", "refund")), done, OnUsRecord.entry_id.is_(None)),
        ),
    ]


HOLD_BATCH = 5_000


async def _check_on_us_records(session: AsyncSession, result: ledger.CheckResult) -> None:
    result.checked = await session.scalar(select(func.count()).select_from(OnUsRecord)) or 0
    for what, condition in _on_us_contradictions():
        count = await session.scalar(select(func.count()).where(condition)) or 0
        if count:
            shown = await session.scalars(
                select(OnUsRecord.idempotency_key)
                .where(condition)
                .order_by(OnUsRecord.idempotency_key)
                .limit(ledger.SHOWN_OFFENDERS)
            )
            result.offend_counted(count, (f"on-us record {what}: {key}" for key in shown))
    await _check_on_us_holds(session, result)


async def _check_on_us_holds(session: AsyncSession, result: ledger.CheckResult) -> None:
    """A held authorization's hold is posted once a capture of it succeeded, voided once a void did (with no
    capture), and pending otherwise."""
    operation = aliased(OnUsRecord)

    def succeeded(kind: str) -> ColumnElement[bool]:
        return exists().where(
            operation.payment_reference == OnUsRecord.reference,
            operation.operation == kind,
            operation.status == "succeeded",
        )

    after: str | None = None
    while True:
        query = select(OnUsRecord.idempotency_key, OnUsRecord.hold_id, succeeded("capture"), succeeded("void")).where(
            OnUsRecord.hold_id.is_not(None)
        )
        if after is not None:
            query = query.where(OnUsRecord.idempotency_key > after)
        rows = (await session.execute(query.order_by(OnUsRecord.idempotency_key).limit(HOLD_BATCH))).all()
        if not rows:
            return
        statuses = await ledger.hold_statuses(session, [hold_id for _, hold_id, _, _ in rows if hold_id is not None])
        for key, hold_id, captured, voided in rows:
            expected = "posted" if captured else "voided" if voided else "pending"
            if hold_id is not None and statuses.get(hold_id) != expected:
                result.offend(
                    f"on-us authorization {key}: its hold is {statuses.get(hold_id, 'missing')}, not {expected}"
                )
        after = rows[-1][0]


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
    ledger.MovementSource(
        "on-us charges",
        frozenset(on_us.ENTRY_KINDS.values()),
        _on_us_records,
        _check_on_us_records,
        rule="an on-us charge, capture, refund and void of a charge each have their one entry of their amount",
    ),
)
JOURNAL_ONLY = (ledger.JournalOnly(frozenset({FUNDING_DEPOSIT_KIND}), "funding deposits (the entry is the record)"),)
