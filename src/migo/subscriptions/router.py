"""Middleware endpoints of recurring billing: parse, call the service, answer."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Header, Query, UploadFile
from fastapi.responses import Response

from migo.identity.auth import Merchant, MerchantIdempotent
from migo.payments import service as payments
from migo.payments.schemas import TransactionOut
from migo.platform import batches
from migo.platform.bodylimit import REQUIRED_PART, accepts_upload
from migo.platform.errors import ApiError
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute

from . import bulk, lifecycle, plans, tasks
from .schedule import subscription_out
from .schemas import (
    AdvanceRequest,
    BillingSettingsBody,
    BillingSettingsRequest,
    CancelRequest,
    ChargeRequest,
    PlanOut,
    PlanRequest,
    PlanUpdate,
    ReplaceCardRequest,
    SubscriptionOut,
    VerifyCardOut,
    VerifyCardRequest,
)

billing_router = APIRouter(route_class=MigoRoute, prefix="/v1", tags=["Subscriptions"])
# Test clocks: sandbox only (the surface leaves it out in production: 404).
sandbox_router = APIRouter(route_class=MigoRoute, prefix="/v1/sandbox", tags=["Sandbox"])
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", include_in_schema=False)]


def _caller(merchant: Any) -> lifecycle.Caller:
    return lifecycle.Caller(client_slug=merchant.client_slug, application_id=merchant.application_id)


@billing_router.post("/plans", response_model=PlanOut, status_code=201, dependencies=[MerchantIdempotent])
async def create_plan(body: PlanRequest, merchant: Merchant, session: DbSession) -> Any:
    """A plan: its price per period, the period (`interval` times `intervalCount`; monthly periods keep the start
    day, clamped to shorter months), a trial, and the grace period and retry cadence of failed renewals."""
    return plans.plan_out(await plans.create_plan(session, merchant.client_slug, body))


@billing_router.get("/plans", response_model=Page[PlanOut])
async def list_plans(
    merchant: Merchant,
    session: DbSession,
    active: Annotated[bool | None, Query(description="Only active (true) or archived (false) plans.")] = None,
    page: PageRequest = plans.PLANS.params(),
) -> Any:
    found, meta = await plans.PLANS.fetch(session, plans.listing(merchant.client_slug, active), page)
    return Page[PlanOut](items=[plans.plan_out(plan) for plan in found], meta=meta)


@billing_router.get("/plans/{planId}", response_model=PlanOut)
async def get_plan(planId: uuid.UUID, merchant: Merchant, session: DbSession) -> Any:
    return plans.plan_out(await plans.find_plan(session, merchant.client_slug, planId))


@billing_router.patch("/plans/{planId}", response_model=PlanOut)
async def update_plan(planId: uuid.UUID, body: PlanUpdate, merchant: Merchant, session: DbSession) -> Any:
    """Rename, archive (`active: false`) or reprice a plan; a new price applies to new subscriptions only."""
    return plans.plan_out(await plans.update_plan(session, merchant.client_slug, planId, body))


@billing_router.get("/billing-settings", response_model=BillingSettingsBody)
async def get_billing_settings(merchant: Merchant, session: DbSession) -> Any:
    """Your client's default grace period and retry cadence (7 days, retries on days 1, 3 and 5 unless set)."""
    cadence = await plans.billing_settings(session, merchant.client_slug)
    return BillingSettingsBody(grace_days=cadence.grace_days, retry_days=cadence.retry_days)


@billing_router.put("/billing-settings", response_model=BillingSettingsBody)
async def set_billing_settings(body: BillingSettingsRequest, merchant: Merchant, session: DbSession) -> Any:
    """Set the defaults that plans without their own graceDays or retryDays give new subscriptions."""
    cadence = await plans.set_billing_settings(session, merchant.client_slug, body)
    return BillingSettingsBody(grace_days=cadence.grace_days, retry_days=cadence.retry_days)


@billing_router.post("/subscriptions/verify-card", response_model=VerifyCardOut, dependencies=[MerchantIdempotent])
async def verify_card(body: VerifyCardRequest, merchant: Merchant, idempotency_key: IdempotencyKey = None) -> Any:
    """Verify a card with a zero-amount authorization and save it for the customer (`cardToken`); with
    `shouldCreateSubscription: true`, subscribe them to `planId`: the first period is charged now unless the
    plan has a trial. A declined first charge creates no subscription (`subscription: null`, `declineCode`).
    This is the only way to create a subscription (seed 003). Raw `card` data: sandbox only."""
    return await lifecycle.verify_card(_caller(merchant), body, idempotency_key)


@billing_router.get("/subscriptions", response_model=Page[SubscriptionOut])
async def list_subscriptions(
    merchant: Merchant,
    session: DbSession,
    user_id: Annotated[str | None, Query(alias="userId", max_length=200)] = None,
    status: Annotated[
        Literal["trialing", "active", "past_due", "paused", "inactive", "expired"] | None, Query()
    ] = None,
    plan_id: Annotated[uuid.UUID | None, Query(alias="planId")] = None,
    page: PageRequest = lifecycle.SUBSCRIPTIONS.params(),
) -> Any:
    statement = lifecycle.listing(merchant.client_slug, user_id=user_id, status=status, plan_id=plan_id)
    found, meta = await lifecycle.SUBSCRIPTIONS.fetch(session, statement, page)
    return Page[SubscriptionOut](items=[subscription_out(s) for s in found], meta=meta)


@billing_router.get("/subscriptions/{subscriptionId}", response_model=SubscriptionOut)
async def get_subscription(subscriptionId: uuid.UUID, merchant: Merchant, session: DbSession) -> Any:
    """Status, the current period, the trial, and renewal tracking (attempts, next retry, grace)."""
    return subscription_out(await lifecycle.find(session, merchant.client_slug, subscriptionId))


@billing_router.post("/subscriptions/{subscriptionId}/cancel", response_model=SubscriptionOut)
async def cancel_subscription(
    subscriptionId: uuid.UUID,
    merchant: Merchant,
    body: CancelRequest | None = None,
) -> Any:
    """End it now (`inactive`), or with `atPeriodEnd: true` when the paid period ends."""
    return await lifecycle.cancel(merchant.client_slug, subscriptionId, at_period_end=bool(body and body.at_period_end))


@billing_router.post("/subscriptions/{subscriptionId}/pause", response_model=SubscriptionOut)
async def pause_subscription(subscriptionId: uuid.UUID, merchant: Merchant) -> Any:
    """Stop renewing until resumed."""
    return await lifecycle.pause(merchant.client_slug, subscriptionId)


@billing_router.post("/subscriptions/{subscriptionId}/resume", response_model=SubscriptionOut)
async def resume_subscription(subscriptionId: uuid.UUID, merchant: Merchant) -> Any:
    """Renew again; if the paid period ended while paused, a new one starts and is charged now."""
    return await lifecycle.resume(merchant.client_slug, subscriptionId)


@billing_router.put("/subscriptions/{subscriptionId}/card", response_model=SubscriptionOut)
async def replace_subscription_card(
    subscriptionId: uuid.UUID,
    body: ReplaceCardRequest,
    merchant: Merchant,
) -> Any:
    """Charge another card the customer verified; a past-due subscription is retried on it at once."""
    return await lifecycle.replace_card(merchant.client_slug, subscriptionId, body.card_token)


@billing_router.post(
    "/subscriptions/{subscriptionId}/charges",
    response_model=TransactionOut,
    status_code=201,
    dependencies=[MerchantIdempotent],
)
async def charge_subscription(
    subscriptionId: uuid.UUID,
    body: ChargeRequest,
    merchant: Merchant,
    session: DbSession,
    idempotency_key: IdempotencyKey = None,
) -> Any:
    """Charge the saved card now, outside the schedule: a transaction like any other (refundable, in
    `GET /transactions`), `approved` or `denied` with its `declineCode`."""
    uid = await lifecycle.charge_now(
        merchant.client_slug,
        subscriptionId,
        amount=body.amount,
        description=body.description,
        external_id=body.external_id,
        key=lifecycle.on_demand_key(merchant.client_slug, idempotency_key),
    )
    return await payments.transaction_view(session, merchant.client_slug, uid)


@billing_router.post("/subscriptions/charges/bulk", response_model=batches.BatchAccepted)
@accepts_upload
async def upload_bulk_charges(
    merchant: Merchant,
    session: DbSession,
    file: Annotated[
        UploadFile | None,
        File(description="CSV: subscriptionId,amount,description,externalId", json_schema_extra=REQUIRED_PART),
    ] = None,
    idempotency_key: Annotated[
        str | None, Header(alias="Idempotency-Key", description="The same key with the same file: the same batch.")
    ] = None,
) -> Any:
    """Charge many subscriptions from a CSV (multipart, part `file`; UTF-8, header
    `subscriptionId,amount,description,externalId`, at most 10 MiB and 100,000 lines). Answers 200 with the
    `batchId` at once (seed 001) and runs in the worker; poll `.../progress`, then fetch `.../results`. A file
    that is not such a CSV is refused whole (79xx) before anything runs; a bad line is reported and skipped."""
    if file is None:
        raise ApiError(batches.BATCH_ERRORS.FILE_REQUIRED)
    data = await file.read(bulk.CSV.max_bytes + 1)
    batch = await tasks.start_bulk_charges(session, merchant.client_slug, data, idempotency_key)
    return batches.BatchAccepted(batch_id=batch.id)


@billing_router.get("/subscriptions/charges/bulk/{batchId}/progress", response_model=batches.BatchProgress)
async def get_bulk_charges_progress(batchId: uuid.UUID, merchant: Merchant, session: DbSession) -> Any:
    """Where the batch stands: `queued`, `running`, `done` (or `failed` when it could not run as a whole),
    the counters, and an error per failed line."""
    return await batches.progress(session, bulk.owner(merchant.client_slug), bulk.CSV, batchId)


@billing_router.get(
    "/subscriptions/charges/bulk/{batchId}/results",
    response_class=Response,
    responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "The results CSV"}},
)
async def get_bulk_charges_results(batchId: uuid.UUID, merchant: Merchant, session: DbSession) -> Any:
    """A CSV line per input line: `line,subscriptionId,outcome,transactionUid,errorCode,errorMessage`."""
    text = await batches.results_csv(session, bulk.owner(merchant.client_slug), bulk.CSV, batchId)
    return Response(text, media_type="text/csv")


@sandbox_router.post("/subscriptions/{subscriptionId}/advance", response_model=SubscriptionOut)
async def advance_subscription_clock(subscriptionId: uuid.UUID, body: AdvanceRequest, merchant: Merchant) -> Any:
    """Sandbox test clock: run everything that would happen to the subscription over the next `days` days
    (trial end, renewals, retries, expiry), in order, against its saved test card; then answer it."""
    return await lifecycle.advance(merchant.client_slug, subscriptionId, body.days)
