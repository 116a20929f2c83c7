"""What merchant acquiring recorded of the money it moved, matched against the ledger by `migo ledger verify`.

- terminal payments: an approved sale names its entry (its gross), a reversal and a refund theirs (their
  amount);
- settlements: a credited settlement names its entry and what it took out of the accounts its lines' money sat
  in (the fees and the credits it paid), its payout its own (the balance part); a settlement's totals are the
  sums of its lines, its credits its net, and what its entry took the sum, per account, of its lines' gross.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import String, and_, cast, func, literal, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from migo.ledger import service as ledger

from .models import Payout, Settlement, SettlementCredit, SettlementLine, TerminalOperation, TerminalPayment
from .pos import REFUND_KIND, REVERSAL_KIND, SALE_KIND
from .settlements import PAYOUT_KIND, SETTLEMENT_KIND

_KINDS = {
    "sale": SALE_KIND,
    "reversal": REVERSAL_KIND,
    "refund": REFUND_KIND,
    "settlement": SETTLEMENT_KIND,
    "payout": PAYOUT_KIND,
}


async def _recorded(session: AsyncSession, after: uuid.UUID | None, limit: int) -> Sequence[ledger.RecordedMovement]:
    parts = [
        select(
            TerminalPayment.entry_id.label("entry_id"),
            literal("sale").label("kind"),
            cast(TerminalPayment.id, String).label("name"),
            (TerminalPayment.amount + TerminalPayment.tip).label("amount"),
        ).where(TerminalPayment.entry_id.is_not(None)),
        select(
            TerminalOperation.entry_id,
            TerminalOperation.kind,
            cast(TerminalOperation.id, String),
            TerminalOperation.amount,
        ).where(TerminalOperation.entry_id.is_not(None)),
        select(Settlement.entry_id, literal("settlement"), cast(Settlement.id, String), Settlement.entry_amount).where(
            Settlement.entry_id.is_not(None)
        ),
        select(Payout.entry_id, literal("payout"), cast(Payout.id, String), Payout.amount),
    ]
    both = union_all(*parts).subquery()
    query = select(both)
    if after is not None:
        query = query.where(both.c.entry_id > after)
    rows = await session.execute(query.order_by(both.c.entry_id).limit(limit))
    return [
        ledger.RecordedMovement(entry_id, f"terminal {kind} {name}", _KINDS[kind], amount)
        for entry_id, kind, name, amount in rows
    ]


def _contradictions() -> list[ledger.Contradiction]:
    def line_sum(column: InstrumentedAttribute[Any]) -> Any:
        of_settlement = SettlementLine.settlement_id == Settlement.id
        return select(func.coalesce(func.sum(column), 0)).where(of_settlement).scalar_subquery()

    line_count = select(func.count()).where(SettlementLine.settlement_id == Settlement.id).scalar_subquery()
    credited = (
        select(func.coalesce(func.sum(SettlementCredit.amount), 0))
        .where(SettlementCredit.settlement_id == Settlement.id)
        .scalar_subquery()
    )
    per_account = (
        select(SettlementLine.settlement_id, func.sum(SettlementLine.gross).label("held"))
        .group_by(SettlementLine.settlement_id, SettlementLine.account_id)
        .subquery()
    )
    taken = (
        select(func.coalesce(func.sum(func.greatest(per_account.c.held, 0)), 0))
        .where(per_account.c.settlement_id == Settlement.id)
        .scalar_subquery()
    )
    return [
        (
            "settlement whose entry took other than its lines' gross, per account",
            Settlement.id,
            and_(Settlement.entry_id.is_not(None), Settlement.entry_amount != taken),
        ),
        (
            "terminal payment captured without its entry",
            TerminalPayment.id,
            and_(TerminalPayment.status.in_(("approved", "reversed", "refunded")), TerminalPayment.entry_id.is_(None)),
        ),
        (
            "terminal payment not captured, with an entry",
            TerminalPayment.id,
            and_(TerminalPayment.status.in_(("pending", "denied")), TerminalPayment.entry_id.is_not(None)),
        ),
        (
            "terminal operation succeeded without its entry, or not succeeded with one",
            TerminalOperation.id,
            or_(
                and_(TerminalOperation.status == "succeeded", TerminalOperation.entry_id.is_(None)),
                and_(TerminalOperation.status != "succeeded", TerminalOperation.entry_id.is_not(None)),
            ),
        ),
        (
            "settlement whose totals are not its lines'",
            Settlement.id,
            or_(
                Settlement.gross != line_sum(SettlementLine.gross),
                Settlement.fees != line_sum(SettlementLine.fee),
                Settlement.net != line_sum(SettlementLine.net),
                Settlement.line_count != line_count,
                Settlement.gross != Settlement.fees + Settlement.net,
            ),
        ),
        (
            "settlement credited other than its net, or not when it says",
            Settlement.id,
            or_(
                and_(Settlement.status == "pending", Settlement.entry_id.is_not(None)),
                and_(Settlement.status != "pending", or_(Settlement.entry_id.is_(None), credited != Settlement.net)),
            ),
        ),
    ]


async def _check_settlements(session: AsyncSession, result: ledger.CheckResult) -> None:
    counted = [TerminalPayment, TerminalOperation, Settlement]
    result.checked = sum([await session.scalar(select(func.count()).select_from(model)) or 0 for model in counted])
    await ledger.count_contradictions(session, result, _contradictions())


MOVEMENT_SOURCES = (
    ledger.MovementSource(
        "terminal payments and settlements",
        frozenset(_KINDS.values()),
        _recorded,
        _check_settlements,
        rule="a sale, a reversal, a refund, a settlement and a payout each have their one entry of their amount",
    ),
)
