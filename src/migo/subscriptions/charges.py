"""Charging subscriptions: the first charge, renewals, retries and on-demand charges, and the worker's steps.

Every charge runs as every processor call does (payments' checkout): the charge and its Middleware
transaction are committed `pending` first, under a `charge_key` that makes them once; the saved card is
charged outside any lock; the outcome is applied to the subscription in a transaction of its own, once. A
charge whose outcome was not applied (a crash, a processor that did not answer) is finished by the worker
(`settle_pending_charges`), which charges an unpaid transaction or reads what its payment came to.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

import structlog
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.payments import service as payments
from migo.platform import clock
from migo.platform.db import database
from migo.platform.errors import ApiError

from .errors import SUBSCRIPTION_ERRORS
from .models import Subscription, SubscriptionCharge
from .schedule import HARD_DECLINES, next_step, own_now, period_end, record_event, schedule

# A subscription does at most this many steps in one go (a test clock moving years of a daily plan does more,
# in several goes).
STEPS_PER_RUN = 50
RECOVERY_AGE = timedelta(seconds=60)
RENEWAL_BACKOFF = timedelta(minutes=15)
log = structlog.get_logger("migo.subscriptions")


def _periods_key(subscription: Subscription) -> str:
    # The anchor is part of it: a resume after a long pause starts the periods again from a new anchor.
    return f"sub:{subscription.id.hex}:{subscription.anchor:%Y%m%dT%H%M%S%f}:"


def renewal_key(subscription: Subscription, period: int, attempt: int) -> str:
    """A renewal's charge key: one charge per subscription, period and attempt, whoever makes it."""
    return f"{_periods_key(subscription)}{period}:{attempt}"


def _pays_the_due_period(subscription: Subscription, charge: SubscriptionCharge) -> bool:
    return charge.period == subscription.periods_paid + 1 and charge.charge_key.startswith(_periods_key(subscription))


async def locked(session: AsyncSession, subscription_id: uuid.UUID) -> Subscription:
    subscription = await session.get(Subscription, subscription_id, with_for_update=True, populate_existing=True)
    assert subscription is not None
    return subscription


async def open_charge(
    session: AsyncSession,
    subscription: Subscription,
    *,
    kind: str,
    key: str,
    amount: Decimal,
    period: int | None,
    description: str | None = None,
    external_id: str | None = None,
) -> SubscriptionCharge:
    """The charge under `key`: made now with its transaction, or the one made before under the same key."""
    found = await charge_by_key(session, key)
    if found is not None:
        return found
    charge_id = uuid.uuid4()
    uid = await payments.create_charge(
        session,
        merchant_slug=subscription.client_slug,
        application_id=subscription.application_id,
        amount=amount,
        currency=subscription.currency,
        user_id=subscription.user_id,
        external_id=external_id,
        charge_data={
            "subscriptionId": str(subscription.id),
            "chargeId": str(charge_id),
            "kind": kind,
            "period": period,
            "description": description,
        },
    )
    await session.execute(
        insert(SubscriptionCharge)
        .values(
            id=charge_id,
            subscription_id=subscription.id,
            client_slug=subscription.client_slug,
            charge_key=key,
            kind=kind,
            period=period,
            amount=amount,
            transaction_uid=uid,
            status="pending",
            created_at=clock.now(),
        )
        .on_conflict_do_nothing(index_elements=[SubscriptionCharge.charge_key])
    )
    charge = await session.scalar(select(SubscriptionCharge).where(SubscriptionCharge.charge_key == key))
    assert charge is not None
    return charge


async def charge_by_key(session: AsyncSession, key: str) -> SubscriptionCharge | None:
    return await session.scalar(select(SubscriptionCharge).where(SubscriptionCharge.charge_key == key))


async def pay(charge: SubscriptionCharge, saved_card_id: uuid.UUID, as_of: datetime) -> payments.ChargeState:
    """Charge the saved card for a committed charge, and apply the outcome once it is known."""
    state = await payments.pay_saved_card(charge.transaction_uid, saved_card_id, as_of=as_of)
    if state.status != "pending":
        await apply_outcome(charge.id, state)
    return state


async def apply_outcome(charge_id: uuid.UUID, state: payments.ChargeState) -> None:
    """What a charge's approval or decline does to its subscription, once."""
    async with database.side_transaction() as session:
        charge = await session.get(SubscriptionCharge, charge_id, with_for_update=True)
        assert charge is not None
        subscription = await locked(session, charge.subscription_id)
        await session.refresh(charge, with_for_update=True)
        if charge.status != "pending":
            return
        approved = state.status == "approved"
        charge.status = "approved" if approved else "declined"
        charge.decline_code = None if approved else state.decline_code
        charge.resolved_at = clock.now()
        if charge.kind == "on_demand":
            return
        if charge.kind == "first":
            await _first_charge(session, subscription, charge)
        elif subscription.status in ("trialing", "active", "past_due") and _pays_the_due_period(subscription, charge):
            # (A charge that lands after the subscription ended, or for a period paid meanwhile, changes nothing
            # of it: the transaction stands, refundable.)
            if approved:
                await _renewed(session, subscription, charge)
            else:
                await _renewal_failed(session, subscription, charge)
        schedule(subscription)


async def _first_charge(session: AsyncSession, subscription: Subscription, charge: SubscriptionCharge) -> None:
    if subscription.status != "incomplete":
        return
    if charge.status == "approved":
        subscription.status, subscription.periods_paid = "active", 1
        await record_event(session, subscription, "created", transactionUid=charge.transaction_uid)
    else:
        subscription.status, subscription.ended_at = "abandoned", clock.now()


async def _renewed(session: AsyncSession, subscription: Subscription, charge: SubscriptionCharge) -> None:
    assert charge.period is not None
    recovered = subscription.status == "past_due"
    subscription.periods_paid = charge.period
    subscription.current_period_start = period_end(subscription, charge.period - 1)
    subscription.current_period_end = period_end(subscription, charge.period)
    subscription.status = "active"
    subscription.last_attempt_at = own_now(subscription)
    subscription.renewal_attempts = 0
    subscription.next_retry_at = subscription.grace_until = None
    subscription.last_decline_code = None
    await record_event(session, subscription, "renewed", transactionUid=charge.transaction_uid)
    if recovered:
        await record_event(session, subscription, "recovered", transactionUid=charge.transaction_uid)


async def _renewal_failed(session: AsyncSession, subscription: Subscription, charge: SubscriptionCharge) -> None:
    """A declined renewal or retry: past due (once) with a grace period that never outlasts the unpaid period,
    and the next retry on the cadence, unless the decline is hard or the retries are spent."""
    now = own_now(subscription)
    due = period_end(subscription, subscription.periods_paid)  # when the unpaid period began
    subscription.renewal_attempts += 1
    subscription.last_attempt_at = now
    subscription.last_decline_code = charge.decline_code
    became_past_due = subscription.status != "past_due"
    if became_past_due:
        subscription.status = "past_due"
        subscription.current_period_start = due
        subscription.current_period_end = period_end(subscription, subscription.periods_paid + 1)
        subscription.grace_until = min(due + timedelta(days=subscription.grace_days), subscription.current_period_end)
    assert subscription.grace_until is not None
    subscription.next_retry_at = None
    retries = subscription.retry_days
    if charge.decline_code not in HARD_DECLINES and subscription.renewal_attempts <= len(retries):
        offset = retries[subscription.renewal_attempts - 1]
        retry = due + timedelta(days=offset)
        if retry <= now:  # running late (a worker was down): keep the cadence's spacing from this attempt
            previous = retries[subscription.renewal_attempts - 2] if subscription.renewal_attempts > 1 else 0
            retry = now + timedelta(days=max(offset - previous, 1))
        subscription.next_retry_at = retry if retry <= subscription.grace_until else None
    await record_event(
        session,
        subscription,
        "renewal_failed",
        transactionUid=charge.transaction_uid,
        declineCode=charge.decline_code,
        hardDecline=charge.decline_code in HARD_DECLINES,
    )
    if became_past_due:
        await record_event(session, subscription, "past_due")


async def collect(subscription_id: uuid.UUID) -> bool:
    """Take every step that is due on the subscription's clock, in order. False when a charge's outcome is
    still unknown (the processor did not answer): the worker finishes it, and the steps wait for it."""
    for _ in range(STEPS_PER_RUN):
        async with database.side_transaction() as session:
            subscription = await locked(session, subscription_id)
            if await scheduled_charge_in_flight(session, subscription):
                # Its outcome decides the next step (a charge left by a crash, or by a racing worker, which
                # applies it): nothing moves until it is known (settle_pending_charges finishes a stranded one).
                subscription.due_at = clock.now() + RECOVERY_AGE
                return False
            step = next_step(subscription)
            now = own_now(subscription)
            if step is None or step.at > now:
                schedule(subscription)
                return True
            charge = None
            if step.kind == "trial_will_end":
                subscription.trial_will_end_sent = True
                await record_event(session, subscription, "trial_will_end")
            elif step.kind == "cancel":
                end(subscription, "inactive")
                await record_event(session, subscription, "cancelled")
            elif step.kind == "expire":
                end(subscription, "expired")
                await record_event(session, subscription, "expired")
            else:
                period, attempt = subscription.periods_paid + 1, subscription.renewal_attempts
                charge = await open_charge(
                    session,
                    subscription,
                    kind="renewal" if step.kind == "renew" else "retry",
                    key=renewal_key(subscription, period, attempt),
                    amount=subscription.amount,
                    period=period,
                )
            schedule(subscription)
            saved_card_id = subscription.saved_card_id
        if charge is not None and (await pay(charge, saved_card_id, now)).status == "pending":
            # The processor did not answer: the steps wait for the charge's outcome (settle_pending_charges).
            async with database.side_transaction() as session:
                (await locked(session, subscription_id)).due_at = clock.now() + RECOVERY_AGE
            return False
    return True


SCHEDULED_KINDS = ("first", "renewal", "retry")


async def scheduled_charge_in_flight(session: AsyncSession, subscription: Subscription) -> bool:
    """Whether a charge the schedule made (the first, a renewal, a retry) awaits its outcome: while it does,
    neither the schedule nor the merchant (cancel, pause, resume, a new card) changes the subscription."""
    return bool(
        await session.scalar(
            select(SubscriptionCharge.id)
            .where(
                SubscriptionCharge.subscription_id == subscription.id,
                SubscriptionCharge.status == "pending",
                SubscriptionCharge.kind.in_(SCHEDULED_KINDS),
            )
            .limit(1)
        )
    )


def end(subscription: Subscription, status: str) -> None:
    subscription.status = status
    subscription.ended_at = own_now(subscription)
    subscription.next_retry_at = None
    subscription.cancel_at_period_end = False


DUE_BATCH = 100


async def renew_due() -> int:
    """One pass of the worker: every subscription whose next step is due (oldest first). Returns how many."""
    async with database.transaction() as session:
        due = (
            await session.scalars(
                select(Subscription.id)
                .where(Subscription.due_at <= clock.now())
                .order_by(Subscription.due_at)
                .limit(DUE_BATCH)
            )
        ).all()
    for subscription_id in due:
        try:
            await collect(subscription_id)
        except Exception:
            # One subscription that cannot be renewed (its client's terms changed, a bug) must not keep every
            # other tenant's from renewing: it is logged and looked at again later.
            log.exception("subscription_renewal_failed", subscription=str(subscription_id))
            async with database.side_transaction() as session:
                (await locked(session, subscription_id)).due_at = clock.now() + RENEWAL_BACKOFF
    return len(due)


async def settle_pending_charges() -> int:
    """Finish the charges left pending past the recovery age: pay an unpaid transaction, apply a known outcome
    (a payment still in flight is the payments recovery's, and waits). Returns how many it settled."""
    async with database.transaction() as session:
        rows = (
            await session.execute(
                select(SubscriptionCharge, Subscription)
                .join(Subscription, Subscription.id == SubscriptionCharge.subscription_id)
                .where(
                    SubscriptionCharge.status == "pending", SubscriptionCharge.created_at < clock.now() - RECOVERY_AGE
                )
                .order_by(SubscriptionCharge.created_at)
                .limit(DUE_BATCH)
            )
        ).all()
    settled = 0
    for charge, subscription in rows:
        async with database.transaction() as session:
            state = await payments.charge_state(session, charge.transaction_uid)
        if state.status == "pending" and state.unpaid:
            if charge.kind == "first":
                # Never paid: the customer was told it failed and may subscribe again; it is not charged now.
                state = payments.ChargeState(charge.transaction_uid, "denied", "processing_error", unpaid=True)
            else:
                state = await payments.pay_saved_card(
                    charge.transaction_uid, subscription.saved_card_id, as_of=own_now(subscription)
                )
        if state.status != "pending":
            await apply_outcome(charge.id, state)
            settled += 1
    return settled


async def advance_clock(subscription_id: uuid.UUID, days: int) -> None:
    """A sandbox test clock: move the subscription's clock `days` on, taking every step on the way at its own
    time (renewals, retries, the trial's end, expiry) against its saved test card."""
    async with database.side_transaction() as session:
        subscription = await locked(session, subscription_id)
        if await scheduled_charge_in_flight(session, subscription):  # another request's or the worker's
            raise ApiError(SUBSCRIPTION_ERRORS.CHARGE_IN_PROGRESS)
        target = own_now(subscription) + timedelta(days=days)
    while True:
        async with database.side_transaction() as session:
            subscription = await locked(session, subscription_id)
            step = next_step(subscription)
            if step is None or step.at > target:
                subscription.clock_offset = target - clock.now()
                schedule(subscription)
                return
            subscription.clock_offset = max(subscription.clock_offset, step.at - clock.now())
        if not await collect(subscription_id):
            raise ApiError(payments.PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE)
