"""A partner's transactions on the CMS, so that support answers "where is my money" in one search: the link
payments of the partner's Payment Link clients (payments), the card transactions of its companies' prepaid
cards (cards) and the terminal payments of its companies' businesses (merchants). Each domain answers for its
own rows through its service; the back office reads none of their tables.

- The search is the UNION ALL of the partner-scoped SELECTs the three services export in one row shape
  (platform.transaction_search), filtered, searched, sorted, counted and paged by PostgreSQL as one list.
- One transaction is read from its own domain: a 21-character uid is a link's; an id (a UUID) is a card
  transaction's or a terminal payment's.
- A refund is an operation on an existing payment through its domain's own refund (a link's as its merchant's,
  a terminal payment's as its company's application's): the same rules, errors and events. The back office
  never makes a payment or a card transaction (seed 001), so a card transaction is not refunded here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnClause, Select, column, false, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import OperatorPrincipal
from migo.merchants import service as merchants
from migo.payments import service as payments
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import Listing
from migo.platform.transaction_search import TransactionKind, TransactionRefund

from .access import own_partner
from .errors import TRANSACTION_ERRORS


def _column(name: str) -> Callable[[], ColumnClause[Any]]:
    """A column of the merged search, by the name every domain's SELECT gives it."""
    return lambda: column(name)


TRANSACTIONS = Listing(
    name="PartnerTransactions",
    sortable={"createdAt": _column("created_at"), "amount": _column("amount")},
    default_sort="createdAt",
    searchable=tuple(
        _column(name) for name in ("uid", "reference", "external_id", "user_id", "card_last4", "counterpart_card_last4")
    ),
    tiebreaker=_column("uid"),  # a link's uid and an id never collide
)

Found = payments.PartnerLinkPayment | cards.PartnerCardTransaction | merchants.PartnerTerminalPayment


@dataclass(frozen=True)
class PartnerScope:
    """What an operator's transactions are: its partner's clients' links and its companies' card transactions
    and terminal payments; or, for an operator of one client, that client's links only."""

    partner_id: uuid.UUID
    company_ids: list[uuid.UUID]
    client_slug: str | None = None


async def operator_scope(
    session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID | None = None
) -> PartnerScope:
    """The scope of the partner the operator names (one its scope holds: another is 404/7812), or of its own;
    an operator of one client, that client's."""
    if operator.client_slug is not None:
        if partner_id not in (None, operator.partner_id):
            raise ApiError(IDENTITY_ERRORS.PARTNER_NOT_FOUND)
        return PartnerScope(operator.partner_id, [], operator.client_slug)
    partner = await own_partner(session, operator, partner_id if partner_id is not None else operator.partner_id)
    return PartnerScope(partner, await identity.company_ids_of_partner(session, partner))


@dataclass(frozen=True)
class TransactionFilter:
    """What the search keeps: a kind, a Payment Link client's slug, a status, when (from inclusive, to exclusive)."""

    kind: TransactionKind | None = None
    client_slug: str | None = None
    status: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None


def search(scope: PartnerScope, kept: TransactionFilter) -> Select[Any]:
    """The partner's transactions of every kind as one list, for TRANSACTIONS to page."""
    sources: dict[TransactionKind, Callable[[], Select[Any]]] = {
        "link_payment": lambda: payments.partner_link_payments(scope.partner_id),
        "card_transaction": lambda: cards.partner_card_transactions(scope.company_ids),
        "terminal_payment": lambda: merchants.partner_terminal_payments(scope.company_ids),
    }
    kinds = ("link_payment",) if scope.client_slug is not None else tuple(sources)
    chosen = [sources[kind]() for kind in kinds if kept.kind in (None, kind)]
    if not chosen:  # a kind outside the scope: nothing
        chosen = [sources["link_payment"]().where(false())]
    merged = union_all(*chosen).subquery("transactions")
    statement = select(merged)
    if scope.client_slug is not None:
        statement = statement.where(merged.c.client_slug == scope.client_slug)
    if kept.client_slug is not None:
        statement = statement.where(merged.c.client_slug == kept.client_slug)
    if kept.status is not None:
        statement = statement.where(merged.c.status == kept.status)
    if kept.created_from is not None:
        statement = statement.where(merged.c.created_at >= kept.created_from)
    if kept.created_to is not None:
        statement = statement.where(merged.c.created_at < kept.created_to)
    return statement


def _as_id(uid: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(uid)
    except ValueError:
        return None


async def find(session: AsyncSession, scope: PartnerScope, uid: str) -> Found:
    """The partner's transaction `uid`, from the domain that keeps it; 404/7830 when none of the partner's has it."""
    as_id = _as_id(uid)
    found: Found | None
    if as_id is None:
        found = await payments.partner_link_payment(session, scope.partner_id, uid)
        if found is not None and scope.client_slug not in (None, found.summary.client_slug):
            found = None  # another client's, for an operator of one client
    else:
        found = await cards.partner_card_transaction(
            session, scope.company_ids, as_id
        ) or await merchants.partner_terminal_payment(session, scope.company_ids, as_id)
    if found is None:
        raise ApiError(TRANSACTION_ERRORS.PARTNER_TRANSACTION_NOT_FOUND)
    return found


@dataclass(frozen=True)
class RefundDone:
    refund: TransactionRefund
    before: payments.PartnerLinkPayment | merchants.PartnerTerminalPayment
    after: payments.PartnerLinkPayment | merchants.PartnerTerminalPayment


async def refund(
    session: AsyncSession,
    scope: PartnerScope,
    uid: str,
    amount: Decimal | None,
    reason: str,
    *,
    operator_id: uuid.UUID,
    idempotency_key: str | None,
) -> RefundDone:
    """Refund all that is left of the partner's payment `uid`, or `amount` of it, through its domain."""
    before = await find(session, scope, uid)
    if isinstance(before, cards.PartnerCardTransaction):
        raise ApiError(TRANSACTION_ERRORS.CARD_TRANSACTION_NOT_REFUNDABLE)
    if isinstance(before, payments.PartnerLinkPayment):
        done = await payments.refund_for_partner(
            session, scope.partner_id, uid, amount, reason, operator_id=operator_id, idempotency_key=idempotency_key
        )
    else:
        done = await merchants.refund_for_partner(
            session,
            scope.company_ids,
            uuid.UUID(uid),
            amount,
            operator_id=operator_id,
            idempotency_key=idempotency_key,
        )
    after = await find(session, scope, uid)
    assert not isinstance(after, cards.PartnerCardTransaction)  # the same payment, read again
    return RefundDone(done, before, after)


async def capture(
    session: AsyncSession,
    scope: PartnerScope,
    uid: str,
    amount: Decimal | None,
    *,
    operator_id: uuid.UUID,
    idempotency_key: str | None,
) -> tuple[payments.PartnerLinkPayment, payments.PartnerLinkPayment]:
    """Capture the partner's two-step link payment `uid` (a card transaction or a terminal payment has nothing to
    capture here: 409); the payment before and after."""
    before = await find(session, scope, uid)
    if not isinstance(before, payments.PartnerLinkPayment):
        raise ApiError(ERRORS.CONFLICT, "Only a two-step link payment is captured from the back office.")
    await payments.capture_for_partner(
        session, scope.partner_id, uid, amount, operator_id=operator_id, idempotency_key=idempotency_key
    )
    after = await find(session, scope, uid)
    assert isinstance(after, payments.PartnerLinkPayment)  # the same payment, read again
    return before, after
