"""What a client's back office reads of its recurring billing (the dashboard): pages of its subscriptions and
plans, the names of the plans on a page, and a subscription's charges, newest first, each with its outcome."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.payments import service as payments
from migo.platform.pagination import Listing, PageMeta, PageRequest

from . import lifecycle, plans
from .access import readable
from .models import Plan, SubscriptionCharge
from .schedule import subscription_out
from .schemas import PlanOut, SubscriptionOut

CHARGES = Listing(
    name="SubscriptionCharges",
    sortable={"createdAt": lambda: SubscriptionCharge.created_at},
    default_sort="createdAt",
    tiebreaker=lambda: SubscriptionCharge.id,
)


@dataclass(frozen=True)
class ChargeRecord:
    """One charge of a subscription: the first, a renewal, a retry of a failed renewal, or an on-demand one."""

    kind: str
    period: int | None  # the period it pays, counted from the subscription's (last) start; None on demand
    amount: Decimal
    status: str  # pending, approved or declined
    decline_code: str | None
    decline_reason: str | None
    transaction_uid: str
    created_at: datetime
    resolved_at: datetime | None


async def subscription_page(
    session: AsyncSession, client_slug: str, status: str | None, page: PageRequest
) -> tuple[list[SubscriptionOut], PageMeta]:
    statement = lifecycle.listing(client_slug, user_id=None, status=status, plan_id=None)
    found, meta = await lifecycle.SUBSCRIPTIONS.fetch(session, statement, page)
    return [subscription_out(subscription) for subscription in found], meta


async def plan_page(session: AsyncSession, client_slug: str, page: PageRequest) -> tuple[list[PlanOut], PageMeta]:
    found, meta = await plans.PLANS.fetch(session, plans.listing(client_slug, None), page)
    return [plans.plan_out(plan) for plan in found], meta


async def plan_names(session: AsyncSession, client_slug: str, plan_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    rows = await session.execute(
        readable(client_slug, Plan).with_only_columns(Plan.id, Plan.name).where(Plan.id.in_(set(plan_ids)))
    )
    return {plan_id: name for plan_id, name in rows}


async def get_subscription(session: AsyncSession, client_slug: str, subscription_id: uuid.UUID) -> SubscriptionOut:
    """The client's subscription (404 for another client's, or one the API does not show)."""
    return subscription_out(await lifecycle.find(session, client_slug, subscription_id))


async def charge_page(
    session: AsyncSession, client_slug: str, subscription_id: uuid.UUID, page: PageRequest
) -> tuple[list[ChargeRecord], PageMeta]:
    """The subscription's charges, newest first (the caller has found the subscription: its client's)."""
    statement = readable(client_slug, SubscriptionCharge).where(SubscriptionCharge.subscription_id == subscription_id)
    found, meta = await CHARGES.fetch(session, statement, page)
    return [
        ChargeRecord(
            kind=charge.kind,
            period=charge.period,
            amount=charge.amount,
            status=charge.status,
            decline_code=charge.decline_code,
            decline_reason=payments.DECLINE_REASONS.get(charge.decline_code or ""),
            transaction_uid=charge.transaction_uid,
            created_at=charge.created_at,
            resolved_at=charge.resolved_at,
        )
        for charge in found
    ], meta
