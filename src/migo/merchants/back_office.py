"""What a partner's back-office operator sees and does with its companies' terminal (POS) payments (the CMS's
transaction search, platform.transaction_search): the payments in the search's shape, one payment, and a
refund through the same `pos.refund_payment` the company's application goes through (same rules, errors and
events). A payment's amount in the search is what the card was charged: the amount and the tip.

And what it reads of its companies' merchants (the dashboard): their businesses with their branches and
terminals, and their settlements; another partner's answers as another company's does on the Gateway (404)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.errors import ApiError
from migo.platform.pagination import Listing
from migo.platform.transaction_search import TransactionRefund, TransactionSummary, search_columns

from . import pos
from .access import readable_by_companies
from .errors import MERCHANT_ERRORS, SETTLEMENT_ERRORS
from .models import Branch, Business, Settlement, Terminal, TerminalPayment


def partner_terminal_payments(company_ids: Collection[uuid.UUID]) -> Select[Any]:
    """The terminal payments of these companies (a partner's), in the transaction search's shape."""
    return readable_by_companies(company_ids, TerminalPayment).with_only_columns(
        *search_columns(
            "terminal_payment",
            uid=TerminalPayment.id,
            created_at=TerminalPayment.created_at,
            amount=TerminalPayment.amount + TerminalPayment.tip,
            currency=TerminalPayment.currency,
            status=TerminalPayment.status,
            reference=TerminalPayment.reference,
            card_last4=TerminalPayment.card_last4,
            card_brand=TerminalPayment.card_brand,
            company_id=TerminalPayment.company_id,
            business_id=TerminalPayment.business_id,
        )
    )


@dataclass(frozen=True)
class PartnerTerminalPayment:
    """A terminal payment of the partner's companies: its row of the search, and the sale."""

    summary: TransactionSummary
    amount: Decimal  # before the tip
    tip: Decimal
    refunded_amount: Decimal
    entry_mode: str
    terminal_id: uuid.UUID
    branch_id: uuid.UUID
    authorization_code: str | None
    decline_code: str | None
    captured_at: datetime | None


async def partner_terminal_payment(
    session: AsyncSession, company_ids: Collection[uuid.UUID], payment_id: uuid.UUID
) -> PartnerTerminalPayment | None:
    """The terminal payment of one of these companies as it stands now (None: none of theirs has this id)."""
    row = (
        await session.execute(
            partner_terminal_payments(company_ids)
            .add_columns(TerminalPayment)
            .where(TerminalPayment.id == payment_id)
            .execution_options(populate_existing=True)  # read again after a refund in this request
        )
    ).first()
    if row is None:
        return None
    payment: TerminalPayment = row[-1]
    return PartnerTerminalPayment(
        summary=TransactionSummary.of(row),
        amount=payment.amount,
        tip=payment.tip,
        refunded_amount=payment.refunded_amount,
        entry_mode=payment.entry_mode,
        terminal_id=payment.terminal_id,
        branch_id=payment.branch_id,
        authorization_code=payment.authorization_code,
        decline_code=payment.decline_code,
        captured_at=payment.captured_at,
    )


async def refund_for_partner(
    session: AsyncSession,
    company_ids: Collection[uuid.UUID],
    payment_id: uuid.UUID,
    amount: Decimal | None,
    *,
    operator_id: uuid.UUID,
    idempotency_key: str | None,
) -> TransactionRefund:
    """Refund all (`amount` None) or part of what is left of a terminal payment of one of these companies, for
    an operator, as the company's application would (for any of its terminals). The operator's Idempotency-Key
    is scoped to the operator, so a retry whose answer was lost finds the refund it made."""
    row = (
        await session.execute(
            readable_by_companies(company_ids, TerminalPayment)
            .with_only_columns(TerminalPayment.company_id, TerminalPayment.terminal_id)
            .where(TerminalPayment.id == payment_id)
        )
    ).first()
    if row is None:
        raise ApiError(MERCHANT_ERRORS.TERMINAL_PAYMENT_NOT_FOUND)
    caller = pos.PosCaller(row.company_id, terminal_id=None, idempotency_scope=f"cms-operator:{operator_id}")
    operation, _ = await pos.refund_payment(
        caller,
        row.terminal_id,
        payment_id,
        amount,
        request_key=pos.request_key(caller.idempotency_scope, idempotency_key),
    )
    return TransactionRefund(operation.id, operation.status, operation.amount, operation.created_at)


# The partner's merchants.

BUSINESSES = Listing(
    name="Businesses",
    sortable={"createdAt": lambda: Business.created_at, "name": lambda: Business.name},
    default_sort="createdAt",
    searchable=(lambda: Business.name,),
    tiebreaker=lambda: Business.id,
)


@dataclass(frozen=True)
class BranchTerminals:
    branch: Branch
    terminals: list[Terminal]


def partner_businesses(company_ids: Collection[uuid.UUID]) -> Select[Business]:
    """The businesses of these companies (a partner's)."""
    return readable_by_companies(company_ids, Business)


async def partner_business(
    session: AsyncSession, company_ids: Collection[uuid.UUID], business_id: uuid.UUID
) -> tuple[Business, list[BranchTerminals]]:
    """A business of one of these companies with its branches (oldest first) and each branch's terminals."""
    business = await session.scalar(partner_businesses(company_ids).where(Business.id == business_id))
    if business is None:
        raise ApiError(MERCHANT_ERRORS.BUSINESS_NOT_FOUND)
    branches = await session.scalars(
        readable_by_companies([business.company_id], Branch)
        .where(Branch.business_id == business.id)
        .order_by(Branch.created_at, Branch.id)
    )
    at: dict[uuid.UUID, BranchTerminals] = {branch.id: BranchTerminals(branch, []) for branch in branches}
    terminals = await session.scalars(
        readable_by_companies([business.company_id], Terminal)
        .where(Terminal.business_id == business.id)
        .order_by(Terminal.created_at, Terminal.id)
    )
    for terminal in terminals:
        at[terminal.branch_id].terminals.append(terminal)
    return business, list(at.values())


async def business_names(
    session: AsyncSession, company_ids: Collection[uuid.UUID], business_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, str]:
    statement = partner_businesses(company_ids).where(Business.id.in_(business_ids))
    return {business.id: business.name for business in await session.scalars(statement)}


def partner_settlements(
    company_ids: Collection[uuid.UUID], status: str | None = None, business_id: uuid.UUID | None = None
) -> Select[Settlement]:
    """The settlements of these companies' businesses, of one status and one business if given."""
    statement = readable_by_companies(company_ids, Settlement)
    if status is not None:
        statement = statement.where(Settlement.status == status)
    if business_id is not None:
        statement = statement.where(Settlement.business_id == business_id)
    return statement


async def partner_settlement(
    session: AsyncSession, company_ids: Collection[uuid.UUID], settlement_id: uuid.UUID
) -> Settlement:
    settlement = await session.scalar(partner_settlements(company_ids).where(Settlement.id == settlement_id))
    if settlement is None:
        raise ApiError(SETTLEMENT_ERRORS.SETTLEMENT_NOT_FOUND)
    return settlement
