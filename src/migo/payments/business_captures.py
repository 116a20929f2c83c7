"""The captures of a client linked to a business of the merchants domain, for that business's settlements.

A company links a Payment Link client of its partner to one of its businesses (`link_client`); from then on
the business's settlements take the client's captures and refunds in the business's currency, each once (its
`settlement_id`). The client's merchant account stays the pool they sit in until a settlement credits the
business: a refund after its capture was settled may overdraw it (the link is then refunded at once, as the
customer expects), and the next settlement nets it. A void of a settled capture is refused (it is refunded).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy import ColumnElement, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.ledger import service as ledger

from . import clients
from .access import partner_client
from .models import PaymentClient, PaymentOperation, PaymentTransaction


@dataclass(frozen=True)
class LinkMovement:
    """A capture (positive) or a refund (negative) of a linked client, as a settlement line takes it: the
    ledger account it sits in, which the settlement debits."""

    kind: Literal["payment", "refund"]
    uid: str
    reference: str
    occurred_at: datetime
    amount: Decimal
    account_id: uuid.UUID


LinkOutcome = Literal["linked", "not_found", "linked_elsewhere"]


async def link_client(
    session: AsyncSession, *, slug: str, partner_id: uuid.UUID, business_id: uuid.UUID
) -> LinkOutcome:
    """Link the partner's client to the business (again: nothing changes). `not_found`: no client of this
    partner has the slug (another partner's is as unknown); `linked_elsewhere`: it settles to another business."""
    client = await session.scalar(partner_client(partner_id, slug).with_for_update())
    if client is None:
        return "not_found"
    if client.business_id not in (None, business_id):
        return "linked_elsewhere"
    client.business_id = business_id
    for currency in client.currencies:
        # Its pool may be overdrawn by a refund of a capture already settled (the next settlement nets it).
        await ledger.allow_overdraft(session, await clients.merchant_account(session, client, currency))
    return "linked"


async def linked_clients(session: AsyncSession, business_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """{business id: the slugs of the clients linked to it}."""
    rows = await session.execute(
        select(PaymentClient.business_id, PaymentClient.slug)
        .where(PaymentClient.business_id.in_(business_ids))
        .order_by(PaymentClient.slug)
    )
    linked: dict[uuid.UUID, list[str]] = {business_id: [] for business_id in business_ids}
    for business_id, slug in rows:
        if business_id is not None:
            linked[business_id].append(slug)
    return linked


def _void_in_flight() -> ColumnElement[bool]:
    return exists().where(
        PaymentOperation.transaction_id == PaymentTransaction.id,
        PaymentOperation.kind == "void",
        PaymentOperation.status == "pending",
    )


def _unsettled_captures(until: datetime, currency: str) -> ColumnElement[bool]:
    return (
        PaymentTransaction.settlement_id.is_(None)
        & PaymentTransaction.capture_entry_id.is_not(None)
        & (PaymentTransaction.captured_at < until)
        & (PaymentTransaction.captured_amount > 0)
        & (PaymentTransaction.currency == currency)
        & ~_void_in_flight()
    )


def _unsettled_refunds(until: datetime, currency: str) -> ColumnElement[bool]:
    return (
        PaymentOperation.settlement_id.is_(None)
        & (PaymentOperation.kind == "refund")
        & (PaymentOperation.status == "succeeded")
        & (PaymentOperation.resolved_at < until)
        & (PaymentTransaction.currency == currency)
    )


async def businesses_with_unsettled(session: AsyncSession, until: datetime) -> list[uuid.UUID]:
    """The businesses whose linked clients have captures or refunds before `until` no settlement took yet (in
    any currency: the settlement takes its business's)."""
    captures = (
        select(PaymentClient.business_id)
        .join(PaymentTransaction, PaymentTransaction.client_id == PaymentClient.id)
        .where(
            PaymentClient.business_id.is_not(None),
            PaymentTransaction.settlement_id.is_(None),
            PaymentTransaction.capture_entry_id.is_not(None),
            PaymentTransaction.captured_at < until,
        )
    )
    refunds = (
        select(PaymentClient.business_id)
        .join(PaymentTransaction, PaymentTransaction.client_id == PaymentClient.id)
        .join(PaymentOperation, PaymentOperation.transaction_id == PaymentTransaction.id)
        .where(
            PaymentClient.business_id.is_not(None),
            PaymentOperation.settlement_id.is_(None),
            PaymentOperation.kind == "refund",
            PaymentOperation.status == "succeeded",
            PaymentOperation.resolved_at < until,
        )
    )
    found = await session.scalars(captures.union(refunds))
    return [business_id for business_id in found if business_id is not None]


async def claim_for_settlement(
    session: AsyncSession, *, business_id: uuid.UUID, currency: str, until: datetime, settlement_id: uuid.UUID
) -> list[LinkMovement]:
    """The captures and refunds in `currency` of the business's clients before `until` that no settlement took,
    each claimed for `settlement_id` (under their rows' locks: a void or a second settlement waits). A capture
    with a void in flight waits for the next cutoff."""
    captured = (
        await session.execute(
            select(PaymentTransaction, PaymentClient)
            .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
            .where(PaymentClient.business_id == business_id, _unsettled_captures(until, currency))
            .order_by(PaymentTransaction.captured_at, PaymentTransaction.id)
            .with_for_update(of=PaymentTransaction)
        )
    ).all()
    refunded = (
        await session.execute(
            select(PaymentOperation, PaymentTransaction, PaymentClient)
            .join(PaymentTransaction, PaymentTransaction.id == PaymentOperation.transaction_id)
            .join(PaymentClient, PaymentClient.id == PaymentTransaction.client_id)
            .where(PaymentClient.business_id == business_id, _unsettled_refunds(until, currency))
            .order_by(PaymentOperation.resolved_at, PaymentOperation.id)
            .with_for_update(of=PaymentOperation)
        )
    ).all()
    movements = []
    for transaction, client in captured:
        transaction.settlement_id = settlement_id
        assert transaction.captured_at is not None
        movements.append(
            LinkMovement(
                "payment",
                transaction.uid,
                transaction.reference,
                transaction.captured_at,
                transaction.captured_amount,
                await clients.merchant_account(session, client, currency),
            )
        )
    for operation, transaction, client in refunded:
        operation.settlement_id = settlement_id
        assert operation.resolved_at is not None
        movements.append(
            LinkMovement(
                "refund",
                transaction.uid,
                transaction.reference,
                operation.resolved_at,
                -operation.amount,
                await clients.merchant_account(session, client, currency),
            )
        )
    await session.flush()
    return movements


async def release_claims(session: AsyncSession, settlement_id: uuid.UUID) -> None:
    """Give back what `claim_for_settlement` claimed, when the settlement is not made after all (its net is
    zero or less: the lines wait for the next cutoff)."""
    await session.execute(
        update(PaymentTransaction).where(PaymentTransaction.settlement_id == settlement_id).values(settlement_id=None)
    )
    await session.execute(
        update(PaymentOperation).where(PaymentOperation.settlement_id == settlement_id).values(settlement_id=None)
    )
