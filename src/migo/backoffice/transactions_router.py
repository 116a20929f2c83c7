"""The CMS's transaction search, one transaction, and an operator's refund and capture (backoffice.transactions):
parse, call, answer."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from migo.identity.auth import CmsOperatorIdempotent, NamedPartner, require_permission
from migo.identity.principals import OperatorPrincipal
from migo.platform import idempotency
from migo.platform.auditing import audited_read, record_changes
from migo.platform.envelope import CustomResponse, created, ok
from migo.platform.money import format_money
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.transaction_search import TransactionSummary

from . import transactions
from .schemas import (
    PartnerTransactionDetail,
    PartnerTransactionOut,
    TransactionCaptureCreate,
    TransactionKind,
    TransactionRefundCreate,
    TransactionRefundOut,
    TransactionStatus,
)

router = APIRouter(route_class=MigoRoute, tags=["Transactions"])

# A link payment's uid (21 letters and digits), or a card transaction's or terminal payment's id.
TransactionUid = Annotated[str, Path(max_length=36, pattern=r"^[A-Za-z0-9-]+$")]


@router.get("/transactions", response_model=CustomResponse[Page[PartnerTransactionOut]])
async def list_partner_transactions(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("transactions.read"),
    kind: Annotated[TransactionKind | None, Query(description="Only this kind.")] = None,
    partner_id: NamedPartner = None,
    client: Annotated[str | None, Query(max_length=100, description="Only this Payment Link client's (slug).")] = None,
    status: Annotated[TransactionStatus | None, Query(description="Only transactions in this status.")] = None,
    createdFrom: Annotated[datetime | None, Query(description="Made at or after this instant.")] = None,  # noqa: N803
    createdTo: Annotated[datetime | None, Query(description="Made before this instant.")] = None,  # noqa: N803
    page: PageRequest = transactions.TRANSACTIONS.params(),
) -> Any:
    """The partner's link payments, card transactions and terminal payments in one list, newest first:
    `searchText` matches the uid, reference, externalId, userId and a card's last four."""
    scope = await transactions.operator_scope(session, operator, partner_id)
    kept = transactions.TransactionFilter(kind, client, status, createdFrom, createdTo)
    found, meta = await transactions.TRANSACTIONS.fetch(session, transactions.search(scope, kept), page, rows=True)
    items = [PartnerTransactionOut.of(TransactionSummary.of(row)) for row in found]
    return ok(Page[PartnerTransactionOut](items=items, meta=meta))


@router.get("/transactions/{uid}", response_model=CustomResponse[PartnerTransactionDetail])
@audited_read  # an end customer's or cardholder's payment
async def get_partner_transaction(
    uid: TransactionUid,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("transactions.read"),
    partner_id: NamedPartner = None,
) -> Any:
    """One transaction of the partner's, with what its kind tells: a link payment's capture and refunds, a card
    transaction's cards, a terminal payment's sale."""
    scope = await transactions.operator_scope(session, operator, partner_id)
    return ok(PartnerTransactionDetail.of_found(await transactions.find(session, scope, uid)))


@router.post(
    "/transactions/{uid}/refund",
    status_code=201,
    response_model=CustomResponse[TransactionRefundOut],
    dependencies=[CmsOperatorIdempotent],
)
async def refund_partner_transaction(
    uid: TransactionUid,
    body: TransactionRefundCreate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("payments.refund"),
    partner_id: NamedPartner = None,
) -> Any:
    """Refund a link payment or a terminal payment, all that is left or `amount` of it, saying why: through the
    payment's own refund, so the same rules and errors as its merchant's refund apply (5014 beyond what is left
    of a link payment, 5015 one not captured; 7423 for a terminal payment), and the merchant hears it. A card
    transaction is not refunded here (409/7831). Honours Idempotency-Key."""
    scope = await transactions.operator_scope(session, operator, partner_id)
    done = await transactions.refund(
        session,
        scope,
        uid,
        body.amount,
        body.reason,
        operator_id=operator.operator_id,
        idempotency_key=request.headers.get(idempotency.HEADER),
    )
    record_changes(
        request,
        refundedAmount=(format_money(done.before.refunded_amount), format_money(done.after.refunded_amount)),
        status=(done.before.summary.status, done.after.summary.status),
        reason=(None, body.reason),
    )
    refund = done.refund
    return created(
        TransactionRefundOut(
            refund_id=refund.refund_id,
            status=refund.status,
            amount=refund.amount,
            created_at=refund.created_at,
            transaction=PartnerTransactionDetail.of_found(done.after),
        )
    )


@router.post(
    "/transactions/{uid}/capture",
    response_model=CustomResponse[PartnerTransactionDetail],
    dependencies=[CmsOperatorIdempotent],
)
async def capture_partner_transaction(
    uid: TransactionUid,
    request: Request,
    session: DbSession,
    body: TransactionCaptureCreate | None = None,
    operator: OperatorPrincipal = require_permission("payments.capture"),
    partner_id: NamedPartner = None,
) -> Any:
    """Capture a two-step link payment's authorization, all of it or `amount`, through the merchant's own capture:
    its rules and errors apply (once, within 7 days: 5012/5013), and the merchant hears it. A card transaction or
    a terminal payment has nothing to capture (409). Honours Idempotency-Key."""
    scope = await transactions.operator_scope(session, operator, partner_id)
    before, after = await transactions.capture(
        session,
        scope,
        uid,
        body.amount if body else None,
        operator_id=operator.operator_id,
        idempotency_key=request.headers.get(idempotency.HEADER),
    )
    record_changes(
        request,
        capturedAmount=(format_money(before.captured_amount), format_money(after.captured_amount)),
        status=(before.summary.status, after.summary.status),
    )
    return ok(PartnerTransactionDetail.of_found(after))
