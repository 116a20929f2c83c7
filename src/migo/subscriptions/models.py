"""Recurring billing: plans, the per-client billing defaults, subscriptions and their charges.

Tenant-scoped by the merchant's client slug (a slug names one client for good). A subscription keeps a copy
of its plan's price and cadence: a plan's later change applies to new subscriptions only.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Interval, LargeBinary, SmallInteger, String, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin
from migo.platform.money import MoneyColumn

# trialing, active, past_due (in grace) and paused are alive; inactive (cancelled) and expired (grace
# exhausted) are terminal (seed 003: there is no `unpaid`). `incomplete` is a subscription whose first
# charge is not answered yet and `abandoned` one whose first charge was declined: neither is shown (seed 003
# creates a subscription only with its first charge paid).
SUBSCRIPTION_STATUSES = ("trialing", "active", "past_due", "paused", "inactive", "expired", "incomplete", "abandoned")
SHOWN_STATUSES = SUBSCRIPTION_STATUSES[:6]
CHARGE_KINDS = ("first", "renewal", "retry", "on_demand")


class Plan(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "subscription_plans"
    __table_args__ = (
        CheckConstraint("interval IN ('day', 'week', 'month', 'year')", name="interval"),
        CheckConstraint("amount > 0", name="positive"),
        Index("ix_subscription_plans_client_slug_created_at", "client_slug", "created_at"),
    )

    client_slug: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(120))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    interval: Mapped[str] = mapped_column(String(5))
    interval_count: Mapped[int] = mapped_column(SmallInteger)
    trial_days: Mapped[int] = mapped_column(SmallInteger, default=0)
    # None: the client's default (BillingSettings) when a subscription starts.
    grace_days: Mapped[int | None] = mapped_column(SmallInteger)
    retry_days: Mapped[list[int] | None] = mapped_column(ARRAY(SmallInteger))
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime | None]


class BillingSettings(Base):
    """A client's defaults for plans that leave the grace period and the retry cadence out."""

    __tablename__ = "subscription_billing_settings"

    client_slug: Mapped[str] = mapped_column(String(100), primary_key=True)
    grace_days: Mapped[int] = mapped_column(SmallInteger)
    retry_days: Mapped[list[int]] = mapped_column(ARRAY(SmallInteger))
    updated_at: Mapped[datetime]


class Subscription(IdMixin, CreatedAtMixin, Base):
    """A customer's subscription to a plan, charged on a saved card.

    Its times (periods, trial end, retries, grace) are on its own clock: the real time plus `clock_offset`,
    which only a sandbox test clock moves. `due_at` is the real time of its next step (a renewal, a retry,
    the trial's end or its warning, the grace's end), which the worker looks for."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        CheckConstraint(f"status IN {SUBSCRIPTION_STATUSES}", name="status"),
        Index("ix_subscriptions_client_slug_created_at", "client_slug", "created_at"),
        Index("ix_subscriptions_due_at", "due_at", postgresql_where=text("due_at IS NOT NULL")),
        Index(
            "uq_subscriptions_request_key",
            "client_slug",
            "request_key",
            unique=True,
            postgresql_where=text("request_key IS NOT NULL AND status <> 'abandoned'"),
        ),
        # A link sells one subscription: a double submit of its page cannot start two.
        Index(
            "uq_subscriptions_link_uid",
            "link_uid",
            unique=True,
            postgresql_where=text("link_uid IS NOT NULL AND status <> 'abandoned'"),
        ),
    )

    client_slug: Mapped[str] = mapped_column(String(100))
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subscription_plans.id"), index=True)
    user_id: Mapped[str] = mapped_column(String(200))
    saved_card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_saved_cards.id"))
    card_brand: Mapped[str] = mapped_column(String(20))
    card_last4: Mapped[str] = mapped_column(String(4))
    status: Mapped[str] = mapped_column(String(10))
    # The plan's terms when it started
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    interval: Mapped[str] = mapped_column(String(5))
    interval_count: Mapped[int] = mapped_column(SmallInteger)
    grace_days: Mapped[int] = mapped_column(SmallInteger)
    retry_days: Mapped[list[int]] = mapped_column(ARRAY(SmallInteger))
    # Periods: the n-th ends at periods.boundary(anchor, interval, count, n); `periods_paid` of them are paid.
    anchor: Mapped[datetime]
    periods_paid: Mapped[int] = mapped_column(default=0)
    current_period_start: Mapped[datetime]
    current_period_end: Mapped[datetime]
    trial_end: Mapped[datetime | None]
    trial_will_end_sent: Mapped[bool] = mapped_column(default=False)
    cancel_at_period_end: Mapped[bool] = mapped_column(default=False)
    # Renewal tracking (seed 003): the unpaid period's attempts, in its grace period
    renewal_attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    last_attempt_at: Mapped[datetime | None]
    next_retry_at: Mapped[datetime | None]
    last_decline_code: Mapped[str | None] = mapped_column(String(40))
    grace_until: Mapped[datetime | None]
    paused_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    clock_offset: Mapped[timedelta] = mapped_column(Interval, default=timedelta(0))
    due_at: Mapped[datetime | None]
    external_id: Mapped[str | None] = mapped_column(String(200))
    extra: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    link_uid: Mapped[str | None] = mapped_column(String(21))  # the payment link that sold it, if one did
    # The verify-card request's Idempotency-Key (keyed digest): a retry whose answer was lost finds it.
    request_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime | None]


class SubscriptionCharge(IdMixin, CreatedAtMixin, Base):
    """One charge of a subscription and the Middleware transaction that carries it.

    `charge_key` makes it once: a renewal's is derived from the subscription, the period and the attempt, so
    two workers (or one restarted after a crash) find the same charge and its one transaction."""

    __tablename__ = "subscription_charges"
    __table_args__ = (
        CheckConstraint("kind IN ('first', 'renewal', 'retry', 'on_demand')", name="kind"),
        CheckConstraint("status IN ('pending', 'approved', 'declined')", name="status"),
        Index("ix_subscription_charges_pending", "created_at", postgresql_where=text("status = 'pending'")),
    )

    subscription_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("subscriptions.id"), index=True)
    client_slug: Mapped[str] = mapped_column(String(100))
    charge_key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    period: Mapped[int | None]  # the period it pays (renewals, retries, the first)
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    transaction_uid: Mapped[str] = mapped_column(String(21), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decline_code: Mapped[str | None] = mapped_column(String(40))
    resolved_at: Mapped[datetime | None]
