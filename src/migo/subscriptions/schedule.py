"""A subscription's next step on its own clock, and how it is shown (the API's answer and its events' data).

Steps, by status: a trial warns three days before it ends (`trial_will_end`) and renews (or ends, when
cancelled at period end) when it ends; an active subscription renews (or ends) at its period's end; a
past-due one is retried on its cadence and expires when its grace runs out. Paused and ended ones wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.platform import clock

from .models import Subscription
from .periods import boundary
from .schemas import CardSummary, Renewal, SubscriptionOut

TRIAL_WARNING = timedelta(days=3)  # as Stripe's customer.subscription.trial_will_end
# Declines that no retry can turn into an approval: the retries stop (the card can still be replaced).
HARD_DECLINES = frozenset(
    {
        "lost_card",
        "stolen_card",
        "expired_card",
        "pickup_card",
        "card_not_allowed",
        "test_card_in_production",
        "live_card_in_sandbox",
        # a card Migo issued that was blocked, cancelled, or cannot pay in the plan's currency
        "card_not_active",
        "currency_not_supported",
        "invalid_number",
    }
)
StepKind = Literal["trial_will_end", "renew", "cancel", "retry", "expire"]


@dataclass(frozen=True)
class Step:
    kind: StepKind
    at: datetime  # on the subscription's clock


def own_now(subscription: Subscription) -> datetime:
    """The time on the subscription's clock: the real time, moved on by a sandbox test clock."""
    return clock.now() + subscription.clock_offset


def period_end(subscription: Subscription, period: int) -> datetime:
    return boundary(subscription.anchor, subscription.interval, subscription.interval_count, period)


def next_step(subscription: Subscription) -> Step | None:
    status = subscription.status
    if status == "trialing":
        assert subscription.trial_end is not None
        if not subscription.trial_will_end_sent:
            return Step("trial_will_end", subscription.trial_end - TRIAL_WARNING)
        return Step("cancel" if subscription.cancel_at_period_end else "renew", subscription.trial_end)
    if status == "active":
        return Step("cancel" if subscription.cancel_at_period_end else "renew", subscription.current_period_end)
    if status == "past_due":
        assert subscription.grace_until is not None
        retry = subscription.next_retry_at
        if retry is not None and retry <= subscription.grace_until:
            return Step("retry", retry)
        return Step("expire", subscription.grace_until)
    return None


def schedule(subscription: Subscription) -> None:
    """Set `due_at`, the real time at which the worker takes the next step."""
    step = next_step(subscription)
    subscription.due_at = None if step is None else step.at - subscription.clock_offset
    subscription.updated_at = clock.now()


def subscription_out(subscription: Subscription) -> SubscriptionOut:
    return SubscriptionOut(
        id=subscription.id,
        client=subscription.client_slug,
        plan_id=subscription.plan_id,
        user_id=subscription.user_id,
        status=subscription.status,
        amount=int(subscription.amount),
        currency=subscription.currency,
        interval=subscription.interval,
        interval_count=subscription.interval_count,
        current_period_start=subscription.current_period_start,
        current_period_end=subscription.current_period_end,
        trial_end=subscription.trial_end,
        cancel_at_period_end=subscription.cancel_at_period_end,
        card=CardSummary(brand=subscription.card_brand, last4=subscription.card_last4),
        renewal=Renewal(
            attempts=subscription.renewal_attempts,
            last_attempt_at=subscription.last_attempt_at,
            next_retry_at=subscription.next_retry_at,
            last_decline_code=subscription.last_decline_code,
            grace_until=subscription.grace_until,
        ),
        paused_at=subscription.paused_at,
        ended_at=subscription.ended_at,
        external_id=subscription.external_id,
        metadata=subscription.extra,
        created_at=subscription.created_at,
    )


async def record_event(session: AsyncSession, subscription: Subscription, kind: str, **extra: Any) -> None:
    """`subscription.<kind>` with the subscription as the API shows it, in the caller's transaction."""
    await events.record(
        session,
        f"subscription.{kind}",
        client_slug=subscription.client_slug,
        subject_id=str(subscription.id),
        data={**subscription_out(subscription).model_dump(mode="json", by_alias=True), **extra},
    )
