"""What payments recorded of the money they moved, matched against the ledger by `migo ledger verify`.

- payment links: a captured link names its capture entry, a refund its refund entry, the void of a capture
  the reversal of the capture's entry; a link's captured and refunded amounts agree with those operations,
  and an operation's hold on the merchant's balance is pending, posted or voided as the operation is;
- acquirer settlements: an applied settlement notice names its entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import String, and_, case, cast, exists, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger
from migo.webhooks import inbound

from .after_authorization import CAPTURE_KIND, REFUND_KIND, VOID_KIND
from .models import PaymentOperation, PaymentTransaction
from .settlements import SETTLEMENT_KIND

# The entry each operation makes; the void of a capture reverses the capture's entry.
ENTRY_KINDS = {"capture": CAPTURE_KIND, "refund": REFUND_KIND, "void": VOID_KIND}
# The status an operation's hold has once the operation has one.
HOLD_STATUS = {"pending": "pending", "succeeded": "posted", "failed": "voided"}
HOLD_BATCH = 5_000

Transaction, Operation = PaymentTransaction, PaymentOperation


async def _payment_links(
    session: AsyncSession, after: uuid.UUID | None, limit: int
) -> Sequence[ledger.RecordedMovement]:
    # A voided capture has captured_amount 0: its entry moved what the void gave back.
    void_amount = (
        select(Operation.amount)
        .where(Operation.transaction_id == Transaction.id, Operation.kind == "void", Operation.status == "succeeded")
        .scalar_subquery()
    )
    captures = select(
        Transaction.capture_entry_id.label("entry_id"),
        literal("capture").label("kind"),
        Transaction.uid.label("name"),
        case((Transaction.captured_amount > 0, Transaction.captured_amount), else_=void_amount).label("amount"),
    ).where(Transaction.capture_entry_id.is_not(None))
    operations = select(Operation.entry_id, Operation.kind, cast(Operation.id, String), Operation.amount).where(
        Operation.entry_id.is_not(None)
    )
    if after is not None:
        captures = captures.where(Transaction.capture_entry_id > after)
        operations = operations.where(Operation.entry_id > after)
    both = union_all(captures, operations).subquery()
    rows = await session.execute(select(both).order_by(both.c.entry_id).limit(limit))
    return [
        ledger.RecordedMovement(
            entry_id,
            f"payment link {name}" if kind == "capture" else f"{kind} {name}",
            ENTRY_KINDS[kind],
            amount,
        )
        for entry_id, kind, name, amount in rows
    ]


def _contradictions() -> list[ledger.Contradiction]:
    """(what, the table's id column, the condition) of each way a link or an operation contradicts itself."""
    refunded = (
        select(func.coalesce(func.sum(Operation.amount), 0))
        .where(Operation.transaction_id == Transaction.id, Operation.kind == "refund", Operation.status == "succeeded")
        .scalar_subquery()
    )
    return [
        (
            "payment link captured without its entry",
            Transaction.uid,
            and_(
                Transaction.capture_entry_id.is_(None),
                or_(Transaction.captured_amount > 0, Transaction.status.in_(("approved", "refunded"))),
            ),
        ),
        (
            "payment link with a capture entry, neither captured nor voided",
            Transaction.uid,
            and_(
                Transaction.capture_entry_id.is_not(None),
                Transaction.captured_amount == 0,
                ~exists().where(
                    Operation.transaction_id == Transaction.id,
                    Operation.kind == "void",
                    Operation.status == "succeeded",
                    Operation.entry_id.is_not(None),
                ),
            ),
        ),
        (
            "payment link whose refunded amount is not its refunds'",
            Transaction.uid,
            Transaction.refunded_amount != refunded,
        ),
        (
            "operation not succeeded, with an entry",
            Operation.id,
            and_(Operation.status != "succeeded", Operation.entry_id.is_not(None)),
        ),
        (
            "refund succeeded without its entry",
            Operation.id,
            and_(Operation.kind == "refund", Operation.status == "succeeded", Operation.entry_id.is_(None)),
        ),
        (
            "void of a capture succeeded without its entry",
            Operation.id,
            and_(
                Operation.kind == "void",
                Operation.status == "succeeded",
                Operation.entry_id.is_(None),
                exists().where(Transaction.id == Operation.transaction_id, Transaction.capture_entry_id.is_not(None)),
            ),
        ),
    ]


async def _check_payment_links(session: AsyncSession, result: ledger.CheckResult) -> None:
    transactions = await session.scalar(select(func.count()).select_from(Transaction)) or 0
    operations = await session.scalar(select(func.count()).select_from(Operation)) or 0
    result.checked = transactions + operations
    await ledger.count_contradictions(session, result, _contradictions())
    await _check_holds(session, result)


async def _check_holds(session: AsyncSession, result: ledger.CheckResult) -> None:
    """Each operation's hold on the merchant's balance, as the operation's status says it must be."""
    after: uuid.UUID | None = None
    while True:
        query = select(Operation.id, Operation.status, Operation.hold_id).where(Operation.hold_id.is_not(None))
        if after is not None:
            query = query.where(Operation.id > after)
        rows = (await session.execute(query.order_by(Operation.id).limit(HOLD_BATCH))).all()
        if not rows:
            return
        statuses = await ledger.hold_statuses(session, [hold_id for _, _, hold_id in rows if hold_id is not None])
        for operation_id, status, hold_id in rows:
            if hold_id is not None and statuses.get(hold_id) != HOLD_STATUS[status]:
                result.offend(f"operation {operation_id} is {status}, its hold {statuses.get(hold_id, 'missing')}")
        after = rows[-1][0]


MOVEMENT_SOURCES = (
    ledger.MovementSource(
        "payment links",
        frozenset(ENTRY_KINDS.values()),
        _payment_links,
        _check_payment_links,
        rule="a capture, a refund and the void of a capture each have their one entry of their amount",
    ),
    ledger.MovementSource(
        "acquirer settlements",
        frozenset({SETTLEMENT_KIND}),
        inbound.applied_notices("settlements", SETTLEMENT_KIND),
        rule="an applied settlement notice has its one entry of the notice's amount",
    ),
)
