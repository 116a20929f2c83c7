"""A subscription's life as the merchant drives it: subscribing through verify-card (seed 003: the only way
in), reading, cancelling, pausing, resuming, replacing the card, and charging on demand."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.payments import service as payments
from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.pagination import Listing
from migo.platform.secrets import Secret
from migo.platform.settings import get_settings

from . import charges, plans
from .access import readable
from .charges import end
from .errors import SUBSCRIPTION_ERRORS
from .models import Subscription
from .periods import boundary
from .schedule import own_now, record_event, schedule, subscription_out
from .schemas import SubscriptionOut, VerifiedCard, VerifyCardOut, VerifyCardRequest

SUBSCRIPTIONS = Listing(
    name="Subscriptions",
    sortable={
        "createdAt": lambda: Subscription.created_at,
        "currentPeriodEnd": lambda: Subscription.current_period_end,
    },
    default_sort="createdAt",
    searchable=(lambda: Subscription.user_id, lambda: Subscription.external_id),
    tiebreaker=lambda: Subscription.id,
)
ALIVE = ("trialing", "active", "past_due", "paused")


@dataclass(frozen=True)
class Caller:
    """The merchant calling: its client and the application its charges are made for."""

    client_slug: str
    application_id: uuid.UUID


async def verify_card(caller: Caller, body: VerifyCardRequest, idempotency_key: str | None = None) -> VerifyCardOut:
    """Verify (and save) a card for a customer; with `shouldCreateSubscription`, subscribe them to the plan,
    charging its first period now unless it has a trial. A declined first charge creates no subscription."""
    plan = None
    async with database.side_transaction() as session:
        await payments.merchant_client(session, body.client, caller.client_slug)
        if body.plan_id is not None:
            plan = await plans.find_plan(session, caller.client_slug, body.plan_id)
            if body.should_create_subscription and not plan.active:
                raise ApiError(SUBSCRIPTION_ERRORS.PLAN_INACTIVE)
        if body.card_token is not None:
            saved = await payments.find_saved_card(session, caller.client_slug, body.card_token, body.user_id)
            verification = payments.Verification(True, None, saved)
    if body.card is not None:
        if not get_settings().is_sandbox:
            raise ApiError(SUBSCRIPTION_ERRORS.CARD_DATA_SANDBOX_ONLY)
        card = payments.read_card(body.card.card_number, body.card.expiry, body.card.cvv, body.card.cardholder_name)
        verification = await payments.verify_card(
            caller.client_slug,
            body.client,
            body.user_id,
            card,
            currency=plan.currency if plan else None,
            three_ds_code=body.three_ds_code,
        )
    saved = verification.card
    answer = VerifyCardOut(
        verified=verification.verified,
        card_token=saved.token if verification.verified else None,
        card=VerifiedCard(
            brand=saved.brand, last4=saved.last4, exp_month=saved.expiry_month, exp_year=saved.expiry_year
        ),
        decline_code=verification.decline_code,
        decline_reason=payments.DECLINE_REASONS.get(verification.decline_code or ""),
        subscription=None,
    )
    if not (verification.verified and body.should_create_subscription):
        return answer
    assert plan is not None
    request_key = (
        None
        if idempotency_key is None
        else security.keyed_hash(f"{caller.client_slug}\n{idempotency_key}", purpose="subscription-verify-card")
    )
    subscription, decline_code = await subscribe(
        caller, plan.id, saved, body.external_id, body.metadata, request_key=request_key
    )
    return answer.model_copy(
        update={
            "subscription": subscription,
            "decline_code": decline_code,
            "decline_reason": payments.DECLINE_REASONS.get(decline_code or ""),
        }
    )


async def subscribe(
    caller: Caller,
    plan_id: uuid.UUID,
    card: payments.SavedCardView,
    external_id: str | None,
    metadata: dict[str, Any] | None,
    *,
    link_uid: str | None = None,
    request_key: bytes | None = None,
) -> tuple[SubscriptionOut | None, str | None]:
    """Start a subscription: trialing at once, or with its first period charged (None and the decline code
    when the charge is declined). `link_uid`: the payment link selling it, which sells one (409 while another
    request starts it). `request_key`: the request's Idempotency-Key, so that a retry whose answer was lost
    (a processor that did not answer: 5017) finds the subscription it started instead of starting another."""
    async with database.side_transaction() as session:
        if request_key is not None:
            started = await session.scalar(
                readable(caller.client_slug, Subscription, include_hidden=True).where(
                    Subscription.request_key == request_key, Subscription.status != "abandoned"
                )
            )
            if started is not None and started.status == "incomplete":
                raise ApiError(payments.PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE)
            if started is not None:
                return subscription_out(started), None
        if link_uid is not None:  # the link's row is the lock its double submits wait on
            await payments.lock_link(session, link_uid)
            taken = await session.scalar(
                select(Subscription.id).where(Subscription.link_uid == link_uid, Subscription.status != "abandoned")
            )
            if taken is not None:
                raise ApiError(MW_ERRORS.CONFLICT, "This link's subscription is already started.")
        plan = await plans.find_plan(session, caller.client_slug, plan_id)
        cadence = await plans.cadence_of(session, caller.client_slug, plan)
        now = clock.now()
        trial_end = now + timedelta(days=plan.trial_days) if plan.trial_days else None
        anchor = trial_end or now
        subscription = Subscription(
            id=uuid.uuid4(),
            client_slug=caller.client_slug,
            application_id=caller.application_id,
            plan_id=plan.id,
            user_id=card.user_id,
            saved_card_id=card.id,
            card_brand=card.brand,
            card_last4=card.last4,
            status="trialing" if trial_end else "incomplete",
            amount=plan.amount,
            currency=plan.currency,
            interval=plan.interval,
            interval_count=plan.interval_count,
            grace_days=cadence.grace_days,
            retry_days=cadence.retry_days,
            anchor=anchor,
            periods_paid=0,
            current_period_start=now,
            current_period_end=trial_end or boundary(anchor, plan.interval, plan.interval_count, 1),
            trial_end=trial_end,
            trial_will_end_sent=False,
            cancel_at_period_end=False,
            renewal_attempts=0,
            clock_offset=timedelta(0),
            external_id=external_id,
            extra=metadata,
            link_uid=link_uid,
            request_key=request_key,
            created_at=now,
        )
        session.add(subscription)
        await session.flush()
        if trial_end is not None:
            schedule(subscription)
            await record_event(session, subscription, "created")
            return subscription_out(subscription), None
        first = await charges.open_charge(
            session,
            subscription,
            kind="first",
            key=charges.renewal_key(subscription, 1, 0),
            amount=plan.amount,
            period=1,
        )
    state = await charges.pay(first, card.id, now)
    if state.status == "pending":  # the worker finishes it; `subscription.created` tells when it is paid
        raise ApiError(payments.PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE)
    if state.status != "approved":
        return None, state.decline_code
    async with database.side_transaction() as session:
        return subscription_out(await find(session, caller.client_slug, subscription.id)), None


async def find(
    session: AsyncSession, merchant_slug: str, subscription_id: uuid.UUID, *, lock: bool = False
) -> Subscription:
    statement = readable(merchant_slug, Subscription).where(Subscription.id == subscription_id)
    subscription = await session.scalar(statement.with_for_update() if lock else statement)
    if subscription is None:
        raise ApiError(MW_ERRORS.NOT_FOUND, "No such subscription for this merchant.")
    return subscription


def listing(
    merchant_slug: str, *, user_id: str | None, status: str | None, plan_id: uuid.UUID | None
) -> Select[Subscription]:
    statement = readable(merchant_slug, Subscription)
    if user_id is not None:
        statement = statement.where(Subscription.user_id == user_id)
    if status is not None:
        statement = statement.where(Subscription.status == status)
    if plan_id is not None:
        statement = statement.where(Subscription.plan_id == plan_id)
    return statement


async def _for_change(session: AsyncSession, merchant_slug: str, subscription_id: uuid.UUID) -> Subscription:
    """The subscription locked for the merchant to change it; 409 while a charge the schedule made awaits its
    outcome (a cancel, a pause or a new card must not race the charge they would change the meaning of)."""
    subscription = await find(session, merchant_slug, subscription_id, lock=True)
    if await charges.scheduled_charge_in_flight(session, subscription):
        raise ApiError(SUBSCRIPTION_ERRORS.CHARGE_IN_PROGRESS)
    return subscription


def _refuse(subscription: Subscription, action: str) -> ApiError:
    return ApiError(
        SUBSCRIPTION_ERRORS.INVALID_SUBSCRIPTION_TRANSITION, f"A {subscription.status} subscription cannot be {action}."
    )


async def cancel(merchant_slug: str, subscription_id: uuid.UUID, *, at_period_end: bool) -> SubscriptionOut:
    """End it now, or at the end of the period it paid for (a trial: at the trial's end). A past-due or paused
    subscription has no paid period left to run: it ends now."""
    async with database.side_transaction() as session:
        subscription = await _for_change(session, merchant_slug, subscription_id)
        if subscription.status not in ALIVE:
            raise _refuse(subscription, "cancelled")
        if at_period_end and subscription.status in ("trialing", "active"):
            subscription.cancel_at_period_end = True
        else:
            end(subscription, "inactive")
            await record_event(session, subscription, "cancelled")
        schedule(subscription)
        return subscription_out(subscription)


async def pause(merchant_slug: str, subscription_id: uuid.UUID) -> SubscriptionOut:
    """Stop renewing until resumed (an active or trialing subscription)."""
    async with database.side_transaction() as session:
        subscription = await _for_change(session, merchant_slug, subscription_id)
        if subscription.status not in ("trialing", "active"):
            raise _refuse(subscription, "paused")
        subscription.status, subscription.paused_at = "paused", own_now(subscription)
        schedule(subscription)
        await record_event(session, subscription, "paused")
        return subscription_out(subscription)


async def resume(merchant_slug: str, subscription_id: uuid.UUID) -> SubscriptionOut:
    """Renew again. When the paid period (or the trial) ended during the pause, a new period starts now and is
    charged now: the paused time is not billed."""
    async with database.side_transaction() as session:
        subscription = await _for_change(session, merchant_slug, subscription_id)
        if subscription.status != "paused":
            raise _refuse(subscription, "resumed")
        now = own_now(subscription)
        in_trial = (
            subscription.trial_end is not None and subscription.periods_paid == 0 and subscription.trial_end > now
        )
        subscription.status, subscription.paused_at = ("trialing" if in_trial else "active"), None
        if not in_trial and subscription.current_period_end <= now:
            subscription.anchor, subscription.periods_paid = now, 0
            subscription.current_period_start = subscription.current_period_end = now
        schedule(subscription)
        await record_event(session, subscription, "resumed")
    await charges.collect(subscription_id)
    return await read(merchant_slug, subscription_id)


async def replace_card(merchant_slug: str, subscription_id: uuid.UUID, card_token: Secret) -> SubscriptionOut:
    """Charge another verified card of the same customer from now on; a past-due subscription is retried on it
    at once (a hard decline of the old card no longer stops the retries)."""
    async with database.side_transaction() as session:
        subscription = await _for_change(session, merchant_slug, subscription_id)
        if subscription.status not in ALIVE:
            raise _refuse(subscription, "given a new card")
        card = await payments.find_saved_card(session, merchant_slug, card_token, subscription.user_id)
        subscription.saved_card_id, subscription.card_brand, subscription.card_last4 = card.id, card.brand, card.last4
        if subscription.status == "past_due":
            subscription.next_retry_at = own_now(subscription)
        schedule(subscription)
    await charges.collect(subscription_id)
    return await read(merchant_slug, subscription_id)


def on_demand_key(merchant_slug: str, idempotency_key: str | None) -> str:
    """An on-demand charge's key: from the merchant's Idempotency-Key (a retry finds the charge its lost
    answer made), else new."""
    if idempotency_key is None:
        return f"od:{uuid.uuid4().hex}"
    return "od:" + security.keyed_hash(f"{merchant_slug}\n{idempotency_key}", purpose="subscription-charge").hex()


async def charge_now(
    merchant_slug: str,
    subscription_id: uuid.UUID,
    *,
    amount: int,
    description: str | None,
    external_id: str | None,
    key: str,
) -> str:
    """An on-demand charge of the saved card, outside the schedule, once per `key`; returns its transaction's
    uid (approved or denied; a charge the processor has not answered is finished by the worker)."""
    async with database.side_transaction() as session:
        subscription = await find(session, merchant_slug, subscription_id, lock=True)
        if subscription.status not in ("trialing", "active", "past_due"):
            raise ApiError(
                SUBSCRIPTION_ERRORS.SUBSCRIPTION_NOT_CHARGEABLE, f"The subscription is {subscription.status}."
            )
        earlier = await charges.charge_by_key(session, key)
        if earlier is not None and earlier.created_at < clock.now() - timedelta(
            seconds=get_settings().idempotency_ttl_seconds
        ):
            key = f"{key}:{uuid.uuid4().hex}"  # an Idempotency-Key is remembered for 24 h, then it is new again
        charge = await charges.open_charge(
            session,
            subscription,
            kind="on_demand",
            key=key,
            amount=Decimal(amount),
            period=None,
            description=description,
            external_id=external_id,
        )
        saved_card_id, now = subscription.saved_card_id, own_now(subscription)
    if charge.status == "pending":
        await charges.pay(charge, saved_card_id, now)
    return charge.transaction_uid


async def charge_state(uid: str) -> payments.ChargeState:
    async with database.side_transaction() as session:
        return await payments.charge_state(session, uid)


async def read(merchant_slug: str, subscription_id: uuid.UUID) -> SubscriptionOut:
    async with database.side_transaction() as session:
        return subscription_out(await find(session, merchant_slug, subscription_id))


async def advance(merchant_slug: str, subscription_id: uuid.UUID, days: int) -> SubscriptionOut:
    async with database.side_transaction() as session:
        await find(session, merchant_slug, subscription_id)
    await charges.advance_clock(subscription_id, days)
    return await read(merchant_slug, subscription_id)
