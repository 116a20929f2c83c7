"""The dashboard's home and payments: the scope's activity, the one transaction search, a payment's page and
its refund. Each checks the permission of the matching CMS endpoint (`transactions.read`, `payments.refund`)
and reads through the back office's transaction services, in the operator's scope: another partner's payment,
or another client's for a merchant's user, is not found (404)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Annotated, get_args

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from migo.backoffice import activity, transactions
from migo.backoffice.schemas import (
    PartnerTransactionDetail,
    PartnerTransactionOut,
    TransactionKind,
    TransactionStatus,
)
from migo.payments import service as payments
from migo.platform.errors import ERRORS, ApiError
from migo.platform.money import parse_amount
from migo.platform.pagination import PageRequest, SortOrder
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.transaction_search import TransactionSummary
from migo.webhooks import service as webhooks

from . import links
from .chart import daily_volume_svg
from .pages import days_between, render
from .viewer import PATH, Viewer, viewer

router = APIRouter(route_class=MigoRoute, include_in_schema=False)

PAGE_SIZE = 25
STATUSES = get_args(TransactionStatus)
KINDS = get_args(TransactionKind)
SignedIn = Annotated[Viewer, Depends(viewer)]
Uid = Annotated[str, Path(max_length=36, pattern=r"^[A-Za-z0-9-]+$")]


@router.get("/", name="dashboard_home")
async def home(request: Request, session: DbSession, seen: SignedIn) -> Response:
    """Today's and this month's volume, approvals against declines, refunds, and 30 days of daily volume."""
    if not seen.may("transactions.read"):
        return render(request, "home.html", seen, found=None, chart=None)
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    found = await activity.activity(session, scope)
    main = found.currencies[0] if found.currencies else None
    chart = daily_volume_svg(found.days, main.daily, main.currency) if main else None
    # The webhooks its integrators are missing: its clients' endpoints (a merchant's user: its own), its companies'.
    clients = (
        [scope.client_slug] if scope.client_slug else await payments.partner_client_slugs(session, scope.partner_id)
    )
    failed = await webhooks.failed_deliveries(
        session,
        clients,
        [] if scope.client_slug else scope.company_ids,
        since=datetime.combine(found.days[0], time(), UTC),
    )
    return render(request, "home.html", seen, found=found, chart=chart, failed_webhooks=failed)


@router.get("/payments", name="list_payments")
async def list_payments(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    q: Annotated[str, Query(max_length=100)] = "",
    status: Annotated[str, Query(max_length=20)] = "",
    kind: Annotated[str, Query(max_length=20)] = "",
    since: Annotated[date | None, Query(alias="from")] = None,
    until: Annotated[date | None, Query(alias="to")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The transaction search of the CMS (`searchText` over uid, reference, externalId, userId, last four), filtered
    by status, kind and UTC days (`to` included)."""
    seen.need("transactions.read")
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    filters = {
        "q": q,
        "status": status if status in STATUSES else "",
        "kind": kind if kind in KINDS else "",
        "from": since.isoformat() if since else "",
        "to": until.isoformat() if until else "",
    }
    created_from, created_to = days_between(since, until)
    kept = transactions.TransactionFilter(
        kind=filters["kind"] or None,  # type: ignore[arg-type]
        status=filters["status"] or None,
        created_from=created_from,
        created_to=created_to,
    )
    wanted = PageRequest(
        page=page, limit=PAGE_SIZE, sort_by="createdAt", sort_order=SortOrder.DESC, search_text=q or None
    )
    rows, meta = await transactions.TRANSACTIONS.fetch(session, transactions.search(scope, kept), wanted, rows=True)
    items = [PartnerTransactionOut.of(TransactionSummary.of(row)) for row in rows]
    return render(request, "payments.html", seen, items=items, meta=meta, filters=filters, q=q)


async def _detail(session: DbSession, seen: Viewer, uid: str) -> PartnerTransactionDetail:
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    return PartnerTransactionDetail.of_found(await transactions.find(session, scope, uid))


@router.get("/payments/{uid}", name="show_payment")
async def show_payment(
    request: Request,
    session: DbSession,
    seen: SignedIn,
    uid: Uid,
    refunded: Annotated[str | None, Query(max_length=40)] = None,
    created: Annotated[bool, Query()] = False,
    captured: Annotated[bool, Query()] = False,
) -> Response:
    seen.need("transactions.read")
    payment = await _detail(session, seen, uid)
    owner = webhooks.Owner(client_slug=payment.owner.client_slug, company_id=payment.owner.company_id)
    # A link still to be paid: its URL to send, and its QR code.
    url = payments.link_url(uid) if payment.kind == "link_payment" and payment.status == "pending" else None
    return render(
        request,
        "payment.html",
        seen,
        payment=payment,
        link_url=url,
        qr_code=links.qr_code(url) if url else None,
        created=created,
        timeline=await webhooks.subject_timeline(session, owner, payment.uid),
        steps=await payments.partner_link_steps(session, seen.partner_id, uid) if payment.link_payment else [],
        refundable=_refundable(seen, payment),
        refund_key=str(uuid.uuid4()),
        refunded=refunded,
        captured=captured,
        capturable=seen.may("payments.capture") and payment.status == "authorized" and payment.link_payment is not None,
    )


def _refundable(seen: Viewer, payment: PartnerTransactionDetail) -> Decimal | None:
    """What is left to refund, when the viewer may refund this payment; None when there is no refund to offer."""
    if not seen.may("payments.refund"):
        return None
    if payment.link_payment is not None:
        left = payment.link_payment.captured_amount - payment.link_payment.refunded_amount
        return left if left > 0 else None
    if payment.terminal_payment is not None and payment.status == "approved":
        return payment.amount
    return None


@router.post("/payments/{uid}/refund", name="refund_payment")
async def refund_payment(
    session: DbSession,
    seen: SignedIn,
    uid: Uid,
    reason: Annotated[str, Form(min_length=1, max_length=300)],
    idempotency_key: Annotated[str, Form(min_length=8, max_length=200)],
    amount: Annotated[str, Form(max_length=30)] = "",
) -> Response:
    """The CMS refund (`POST /cms/rest/transactions/{uid}/refund`): all that is left, or `amount`; the page's
    Idempotency-Key makes a second press of the button the same refund."""
    seen.need("payments.refund")
    value = _amount(amount)
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    done = await transactions.refund(
        session,
        scope,
        uid,
        value,
        reason.strip(),
        operator_id=seen.operator.operator_id,
        idempotency_key=f"dashboard:{idempotency_key}",
    )
    return RedirectResponse(f"{PATH}/payments/{uid}?refunded={done.refund.refund_id}", status_code=303)


@router.post("/payments/{uid}/capture", name="capture_payment")
async def capture_payment(
    session: DbSession,
    seen: SignedIn,
    uid: Uid,
    idempotency_key: Annotated[str, Form(min_length=8, max_length=200)],
    amount: Annotated[str, Form(max_length=30)] = "",
) -> Response:
    """Capture a two-step authorization, all of it or `amount`, through the merchant's own capture (once, within
    7 days); the page's Idempotency-Key makes a second press the same capture."""
    seen.need("payments.capture")
    value = _amount(amount)
    scope = await transactions.operator_scope(session, seen.operator, seen.partner_id)
    await transactions.capture(
        session,
        scope,
        uid,
        value,
        operator_id=seen.operator.operator_id,
        idempotency_key=f"dashboard:{idempotency_key}",
    )
    return RedirectResponse(f"{PATH}/payments/{uid}?captured=1", status_code=303)


def _amount(text: str) -> Decimal | None:
    """A form's amount: empty for all of it; else the API's rules (400 naming the field)."""
    try:
        return parse_amount(text.strip()) if text.strip() else None
    except ValueError as problem:
        raise ApiError(ERRORS.VALIDATION_ERROR, f"amount: {problem}") from None
