"""Plans, and a client's billing defaults (the grace period and retry cadence of plans that leave them out)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.payments import service as payments
from migo.platform import clock
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.pagination import Listing

from .access import readable
from .errors import SUBSCRIPTION_ERRORS
from .models import BillingSettings, Plan
from .schemas import BillingSettingsRequest, PlanOut, PlanRequest, PlanUpdate

# Seed 003 leaves the cadence to each account; without a setting of its own a client gets a week of grace
# with retries on days 1, 3 and 5 after the failed renewal.
DEFAULT_GRACE_DAYS = 7
DEFAULT_RETRY_DAYS = (1, 3, 5)

PLANS = Listing(
    name="Plans",
    sortable={"createdAt": lambda: Plan.created_at, "name": lambda: Plan.name, "amount": lambda: Plan.amount},
    default_sort="createdAt",
    searchable=(lambda: Plan.name,),
    tiebreaker=lambda: Plan.id,
)


def plan_out(plan: Plan) -> PlanOut:
    return PlanOut(
        id=plan.id,
        client=plan.client_slug,
        name=plan.name,
        amount=int(plan.amount),
        currency=plan.currency,
        interval=plan.interval,
        interval_count=plan.interval_count,
        trial_days=plan.trial_days,
        grace_days=plan.grace_days,
        retry_days=plan.retry_days,
        active=plan.active,
        created_at=plan.created_at,
        updated_at=plan.updated_at,
    )


async def _checked_amount(session: AsyncSession, merchant_slug: str, client_slug: str, amount: int) -> Decimal:
    client = await payments.merchant_client(session, client_slug, merchant_slug)
    value = Decimal(amount)
    client.require_in_range(value)
    return value


async def create_plan(session: AsyncSession, merchant_slug: str, body: PlanRequest) -> Plan:
    client = await payments.merchant_client(session, body.client, merchant_slug)
    currency = body.currency.upper()
    if currency not in client.currencies:
        raise ApiError(
            SUBSCRIPTION_ERRORS.CURRENCY_NOT_ENABLED,
            f"currency: {currency} is not enabled for this client ({', '.join(client.currencies)}).",
        )
    if body.grace_days is None and body.retry_days is not None:
        defaults = await billing_settings(session, merchant_slug)
        if body.retry_days and body.retry_days[-1] > defaults.grace_days:
            raise ApiError(MW_ERRORS.INVALID_BODY, "retryDays: every retry falls within the client's graceDays.")
    plan = Plan(
        id=uuid.uuid4(),
        client_slug=client.slug,
        name=body.name,
        amount=await _checked_amount(session, merchant_slug, body.client, body.amount),
        currency=currency,
        interval=body.interval,
        interval_count=body.interval_count,
        trial_days=body.trial_days,
        grace_days=body.grace_days,
        retry_days=body.retry_days,
        active=True,
        created_at=clock.now(),
    )
    session.add(plan)
    await session.flush()
    return plan


async def find_plan(session: AsyncSession, merchant_slug: str, plan_id: uuid.UUID, *, lock: bool = False) -> Plan:
    statement = readable(merchant_slug, Plan).where(Plan.id == plan_id)
    plan = await session.scalar(statement.with_for_update() if lock else statement)
    if plan is None:
        raise ApiError(MW_ERRORS.NOT_FOUND, "No such plan for this merchant.")
    return plan


async def update_plan(session: AsyncSession, merchant_slug: str, plan_id: uuid.UUID, body: PlanUpdate) -> Plan:
    plan = await find_plan(session, merchant_slug, plan_id, lock=True)
    if body.name is not None:
        plan.name = body.name
    if body.active is not None:
        plan.active = body.active
    if body.amount is not None:  # subscriptions keep the price they started with
        plan.amount = await _checked_amount(session, merchant_slug, plan.client_slug, body.amount)
    plan.updated_at = clock.now()
    return plan


def listing(merchant_slug: str, active: bool | None) -> Select[Plan]:
    statement = readable(merchant_slug, Plan)
    return statement if active is None else statement.where(Plan.active == active)


@dataclass(frozen=True)
class Cadence:
    grace_days: int
    retry_days: list[int]


async def billing_settings(session: AsyncSession, merchant_slug: str) -> Cadence:
    settings = await session.scalar(readable(merchant_slug, BillingSettings))
    if settings is None:
        return Cadence(DEFAULT_GRACE_DAYS, list(DEFAULT_RETRY_DAYS))
    return Cadence(settings.grace_days, list(settings.retry_days))


async def set_billing_settings(session: AsyncSession, merchant_slug: str, body: BillingSettingsRequest) -> Cadence:
    values = {"grace_days": body.grace_days, "retry_days": body.retry_days, "updated_at": clock.now()}
    await session.execute(
        insert(BillingSettings)
        .values(client_slug=merchant_slug, **values)
        .on_conflict_do_update(index_elements=[BillingSettings.client_slug], set_=values)
    )
    return Cadence(body.grace_days, list(body.retry_days))


async def cadence_of(session: AsyncSession, merchant_slug: str, plan: Plan) -> Cadence:
    """The grace period and retries a new subscription to `plan` gets: the plan's, else the client's default;
    retries beyond the grace period are dropped (a plan's own grace may be shorter than the default cadence)."""
    default = await billing_settings(session, merchant_slug)
    grace = plan.grace_days if plan.grace_days is not None else default.grace_days
    retries = plan.retry_days if plan.retry_days is not None else default.retry_days
    return Cadence(grace, [day for day in retries if day <= grace])
