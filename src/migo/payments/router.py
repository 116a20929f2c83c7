"""Middleware endpoints of the payments domain: parse, call the service, answer.

Payment Links (seed 002) at the root, as the seed's paths are; the operations the seeds leave to us under
`/v1` (suspensions, BINs, client configuration, the sandbox pay helper)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request

from migo.identity import service as identity
from migo.identity.auth import ClientIp, Merchant, MerchantIdempotent
from migo.platform import clock, idempotency
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.pagination import Listing, Page, PageRequest
from migo.platform.ratelimit import Limit
from migo.platform.routing import DbSession, MigoRoute
from migo.webhooks.router import add_notice_receiver

from . import after_authorization, bins, checkout, clients, links, settlements, suspensions
from .errors import PAYMENT_ERRORS
from .models import PaymentClient, PaymentOperation, PaymentTransaction, Suspension
from .schemas import (
    BinOut,
    BinVerification,
    BinVerifyRequest,
    CaptureRequest,
    CheckoutFieldConfig,
    ClientConfig,
    CreatedHookLink,
    CreatedLink,
    CreateHookLinkRequest,
    CreateLinkRequest,
    LiftRequest,
    PaymentOutcome,
    ProcessorConfig,
    Refund,
    RefundOut,
    RefundRequest,
    SandboxPayRequest,
    SettlementNotice,
    SuspensionOut,
    SuspensionRequest,
    TransactionDetail,
    TransactionOut,
)

# Seed 002's refusals of a link, declared by status (the surface gives them the ErrorResponseDto shape).
_CUSTOMER_REFUSED: dict[int | str, dict[str, Any]] = {
    400: {"description": "The end customer is excluded, blocked or suspended (ownCode 2004-2006)"}
}
links_router = APIRouter(route_class=MigoRoute, tags=["Payment Links"], responses=_CUSTOMER_REFUSED)
hook_router = APIRouter(
    route_class=MigoRoute,
    tags=["Payment Links"],
    responses={**_CUSTOMER_REFUSED, 401: {"description": "The publicKey/privateKey pair is not valid (ownCode 2007)"}},
)
operations_router = APIRouter(route_class=MigoRoute, tags=["Payments"])
fraud_router = APIRouter(route_class=MigoRoute, prefix="/v1", tags=["Fraud and BINs"])
sandbox_router = APIRouter(route_class=MigoRoute, prefix="/v1/sandbox", tags=["Sandbox"])
# On the Wallet Gateway: the acquirer's settlement notices (seed 003's inbound receiver).
settlement_notices = APIRouter(route_class=MigoRoute)

TRANSACTIONS = Listing(
    name="Transactions",
    sortable={
        "createdAt": lambda: PaymentTransaction.created_at,
        "amount": lambda: PaymentTransaction.amount,
        "reference": lambda: PaymentTransaction.reference,
    },
    default_sort="createdAt",
    searchable=(
        lambda: PaymentTransaction.reference,
        lambda: PaymentTransaction.user_id,
        lambda: PaymentTransaction.external_id,
    ),
    tiebreaker=lambda: PaymentTransaction.id,
)
REFUNDS = Listing(
    name="Refunds",
    sortable={"createdAt": lambda: PaymentOperation.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: PaymentOperation.id,
)
SUSPENSIONS = Listing(
    name="Suspensions",
    sortable={"createdAt": lambda: Suspension.created_at},
    default_sort="createdAt",
    searchable=(lambda: Suspension.user_id,),
    tiebreaker=lambda: Suspension.id,
)
HOOK_PATHS = ("/transactions-hook", "/mw-default/transactions-hook")
# The merchant's Idempotency-Key (MerchantIdempotent checks it): operations remember it (after_authorization).
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", include_in_schema=False)]


def _out(transaction: PaymentTransaction, client: PaymentClient) -> TransactionOut:
    return TransactionOut.of(transaction, client.slug, links.link_url(transaction.uid))


@links_router.post("/transactions", response_model=CreatedLink, dependencies=[MerchantIdempotent])
async def create_transaction(request: Request, body: CreateLinkRequest, merchant: Merchant, session: DbSession) -> Any:
    """Create a Payment Link (seed 002) with the merchant token (`Authorization: <token>`, or `Bearer <token>`).
    Deliver `URL` (upper case) to the customer; the outcome arrives by the Merchant Generic Callback."""
    transaction = await links.create_link(
        session,
        application_id=merchant.application_id,
        merchant_slug=merchant.client_slug,
        fields=body,
        via="transactions",
        last_write=not idempotency.stores_answer(request),  # else the answer is written after it
    )
    return CreatedLink(uid=transaction.uid, reference=transaction.reference, URL=links.link_url(transaction.uid))


# The hook's keys live in browsers: creating links from one address is bounded (card testing needs links).
HOOK_LINKS_PER_ADDRESS = Limit("link-hook-ip", attempts=120, window_seconds=60)


async def _create_from_hook(body: CreateHookLinkRequest, session: DbSession, address: str) -> CreatedHookLink:
    await HOOK_LINKS_PER_ADDRESS.consume(address)
    pair = await identity.authenticate_key_pair(session, body.public_key, body.private_key)
    transaction = await links.create_link(
        session,
        application_id=pair.application_id,
        merchant_slug=pair.client_slug,
        fields=body,
        via="transactions-hook",
        key_pair=pair,
        last_write=True,
    )
    return CreatedHookLink(uid=transaction.uid, URL=links.link_url(transaction.uid))


@hook_router.post("/transactions-hook", response_model=CreatedHookLink)
async def create_transaction_from_browser(body: CreateHookLinkRequest, session: DbSession, address: ClientIp) -> Any:
    """The same link, authenticated by the application's `publicKey` + `privateKey` in the body (no
    Authorization header); CORS-enabled for browsers. Answers `{uid, URL}`, without a reference. A key pair
    scoped to an amount range (inside the client's) creates links only in it: 409 / ownCode 2003 otherwise."""
    return await _create_from_hook(body, session, address)


@hook_router.post("/mw-default/transactions-hook", response_model=CreatedHookLink)
async def create_transaction_from_browser_default_stage(
    body: CreateHookLinkRequest, session: DbSession, address: ClientIp
) -> Any:
    """`/transactions-hook` under the path the original OpenAPI lists it at (seed 002)."""
    return await _create_from_hook(body, session, address)


@operations_router.get("/transactions", response_model=Page[TransactionOut])
async def list_transactions(
    merchant: Merchant,
    session: DbSession,
    status: Annotated[
        Literal["pending", "authorized", "approved", "denied", "refunded", "reversed", "expired", "subscribed"] | None,
        Query(description="Only links in this status."),
    ] = None,
    page: PageRequest = TRANSACTIONS.params(),
) -> Any:
    """The merchant's links, newest first; `searchText` matches reference, userId and externalId."""
    client = await clients.client_for_merchant(session, merchant.client_slug, merchant.client_slug)
    found, meta = await TRANSACTIONS.fetch(session, links.listing_statement(merchant.client_slug, status), page)
    return Page[TransactionOut](items=[_out(t, client) for t in found], meta=meta)


@operations_router.get("/transactions/{uid}", response_model=TransactionDetail)
async def get_transaction(uid: str, merchant: Merchant, session: DbSession) -> Any:
    """A link: status, amounts authorized, captured and refunded, processor, installments, card brand and last
    four, and `notification`: how the message Migo sent it in (sms, wa, email) went (`queued`, `sent`, `failed`)."""
    transaction, client = await links.transaction_for_merchant(session, merchant.client_slug, uid)
    return TransactionDetail.of_link(_out(transaction, client), await links.notification_of(session, transaction))


@operations_router.post("/transactions/{uid}/capture", response_model=TransactionOut, dependencies=[MerchantIdempotent])
async def capture_transaction(
    uid: str, merchant: Merchant, idempotency_key: IdempotencyKey = None, body: CaptureRequest | None = None
) -> Any:
    """Capture a two-step authorization (all of it, or less), once, within 7 days of authorizing."""
    done = await after_authorization.capture(
        merchant.client_slug, uid, body.amount if body else None, idempotency_key=idempotency_key
    )
    return _out(done.transaction, done.client)


@operations_router.post("/transactions/{uid}/refund", response_model=RefundOut, dependencies=[MerchantIdempotent])
async def refund_transaction(
    uid: str, merchant: Merchant, idempotency_key: IdempotencyKey = None, body: RefundRequest | None = None
) -> Any:
    """Refund all that is left of the capture, or part of it; refunds never exceed the capture. `status` is
    `pending` when the processor has not answered yet: Migo confirms it and sends `transaction.refunded`."""
    done = await after_authorization.refund(
        merchant.client_slug,
        uid,
        body.amount if body else None,
        body.reason if body else None,
        idempotency_key=idempotency_key,
    )
    return RefundOut.with_transaction(done.operation, _out(done.transaction, done.client))


@operations_router.get("/transactions/{uid}/refunds", response_model=Page[Refund])
async def list_refunds(uid: str, merchant: Merchant, session: DbSession, page: PageRequest = REFUNDS.params()) -> Any:
    """The link's refunds, newest first: `pending` until the processor answers, then `succeeded` or `failed`
    (with its `failureCode`); the same changes arrive as `transaction.refunded` and `transaction.refund_failed`."""
    transaction, _ = await links.transaction_for_merchant(session, merchant.client_slug, uid)
    statement = after_authorization.refunds_statement(merchant.client_slug, transaction.id)
    found, meta = await REFUNDS.fetch(session, statement, page)
    return Page[Refund](items=[Refund.of(refund) for refund in found], meta=meta)


@operations_router.post("/transactions/{uid}/reverse", response_model=TransactionOut, dependencies=[MerchantIdempotent])
async def reverse_transaction(uid: str, merchant: Merchant, idempotency_key: IdempotencyKey = None) -> Any:
    """Void an authorization, or a capture before its settlement cutoff (23:30 UTC) and before any refund."""
    done = await after_authorization.reverse(merchant.client_slug, uid, idempotency_key=idempotency_key)
    return _out(done.transaction, done.client)


@sandbox_router.post("/transactions/{uid}/pay", response_model=PaymentOutcome)
async def pay_transaction_in_sandbox(uid: str, body: SandboxPayRequest, merchant: Merchant) -> Any:
    """Sandbox only: pay a link as the hosted checkout would (same code path), to test a backend without a
    browser. With a 3-D Secure card, `threeDsCode` answers the challenge (123456 passes)."""
    card = checkout.read_card(body.card_number, body.expiry, body.cvv, body.cardholder_name)
    result = await checkout.pay(uid, card, body.installments, merchant_slug=merchant.client_slug)
    if result.outcome == "requires_action" and body.three_ds_code is not None:
        result = await checkout.complete_challenge(
            uid, result.attempt.id, body.three_ds_code, merchant_slug=merchant.client_slug
        )
    if result.outcome == "pending":
        raise ApiError(PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE)
    return PaymentOutcome(
        outcome=result.outcome,
        decline_code=result.decline_code,
        decline_reason=result.decline_reason,
        three_ds=result.attempt.three_ds,
        transaction=_out(result.transaction, result.client),
    )


@fraud_router.post("/suspensions", response_model=SuspensionOut, status_code=201, dependencies=[MerchantIdempotent])
async def create_suspension(body: SuspensionRequest, merchant: Merchant, session: DbSession) -> Any:
    """Block, suspend (until a time, or until lifted) or exclude an end customer of your client: its links
    are refused (2004 / 2005 / 2006) at creation and at payment."""
    client = await clients.client_for_merchant(session, body.client, merchant.client_slug)
    if body.until is not None and body.until <= clock.now():
        raise ApiError(MW_ERRORS.INVALID_BODY, "until: must be in the future.")
    suspension = await suspensions.suspend(
        session, client, user_id=body.user_id, kind=body.type, reason=body.reason, until=body.until
    )
    return SuspensionOut.of(suspension, clock.now())


@fraud_router.get("/suspensions", response_model=Page[SuspensionOut])
async def list_suspensions(
    merchant: Merchant,
    session: DbSession,
    user_id: Annotated[str | None, Query(alias="userId", max_length=200)] = None,
    active: Annotated[bool, Query(description="Only suspensions in force now.")] = False,
    page: PageRequest = SUSPENSIONS.params(),
) -> Any:
    client = await clients.client_for_merchant(session, merchant.client_slug, merchant.client_slug)
    found, meta = await SUSPENSIONS.fetch(session, suspensions.listing_statement(client, user_id, active), page)
    now = clock.now()
    return Page[SuspensionOut](items=[SuspensionOut.of(s, now) for s in found], meta=meta)


@fraud_router.post("/suspensions/{suspensionId}/lift", response_model=SuspensionOut)
async def lift_suspension(
    suspensionId: uuid.UUID, merchant: Merchant, session: DbSession, body: LiftRequest | None = None
) -> Any:
    """End a suspension now (lifting twice is harmless)."""
    client = await clients.client_for_merchant(session, merchant.client_slug, merchant.client_slug)
    suspension = await suspensions.lift(session, client, suspensionId, body.reason if body else None)
    return SuspensionOut.of(suspension, clock.now())


def _bin_out(info: bins.BinInfo) -> BinOut:
    return BinOut(bin=info.bin, brand=info.brand, type=info.type, issuer=info.issuer, country=info.country)


@fraud_router.get("/bins/{bin}", response_model=BinOut)
async def get_bin(
    bin_digits: Annotated[str, Path(alias="bin", pattern=r"^[0-9]{6,8}$")], merchant: Merchant, session: DbSession
) -> Any:
    """Brand (from the IIN ranges), type, issuer and country (from the BIN table) of a card's first 6-8 digits."""
    return _bin_out(await bins.lookup(session, bin_digits))


@fraud_router.post("/bins/verify", response_model=BinVerification)
async def verify_bin(body: BinVerifyRequest, merchant: Merchant, session: DbSession) -> Any:
    """Would the client accept this card? Its BIN rules (brands, types, countries) and its processors."""
    client = await clients.client_for_merchant(session, body.client, merchant.client_slug)
    info, installments, refusals = await checkout.card_options(session, client, body.bin)
    return BinVerification(allowed=not refusals, reasons=refusals, card=_bin_out(info), installments=installments)


@fraud_router.get("/clients/{slug}/config", response_model=ClientConfig)
async def get_client_config(slug: str, merchant: Merchant, session: DbSession) -> Any:
    """What your client accepts: channels, currencies (the first is the default), amount range, processors
    and their installments, and the customKeys the checkout shows. Seed 002 notes there was no such endpoint;
    there is now."""
    client = await clients.client_for_merchant(session, slug, merchant.client_slug)
    return ClientConfig(
        client=client.slug,
        display_name=client.display_name,
        channels=client.channels,
        currencies=client.currencies,
        default_currency=client.currencies[0],
        min_amount=int(client.min_amount),
        max_amount=int(client.max_amount),
        capture_mode=client.capture_mode,
        processors=[
            ProcessorConfig(name=p.name, brands=list(p.brands), installments=sorted({1, *p.installments}))
            for p in clients.processor_terms(client)
        ],
        link_lifetime_seconds=client.link_lifetime_seconds,
        max_attempts=client.max_attempts,
        allowed_brands=client.allowed_brands,
        allowed_card_types=client.allowed_card_types,
        allowed_countries=client.allowed_countries,
        allowed_return_origins=client.allowed_return_origins,
        default_return_url=client.default_return_url,
        checkout_fields=[CheckoutFieldConfig.model_validate(f) for f in client.checkout_fields],
    )


add_notice_receiver(
    settlement_notices,
    "settlements",
    SettlementNotice,
    settlements.apply_notice,
    name="receive_settlement_notice",
    description="The acquirer's settlement notices, signed with the settlements secret: the amount moves from "
    "the processor's clearing account to the bank clearing account, once per notice id.",
)
