"""Renewals in the worker: charged exactly once per period, whoever races and whatever crashes."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from migo.payments import service as payments
from migo.platform.db import database
from migo.subscriptions import charges
from migo.subscriptions.models import Subscription
from tests.books import assert_books_sound
from tests.factories import merchant

from .helpers import billing_tenant, charges_of, create_plan, subscribe, subscription_events


async def test_a_monthly_subscription_keeps_its_month_end_anchor(client, frozen_clock):
    frozen_clock.move_to(datetime(2027, 1, 31, 12, 0, tzinfo=UTC))
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    subscription = await subscribe(client, tenant, plan)
    assert subscription["currentPeriodEnd"] == "2027-02-28T12:00:00Z"
    for expected in ("2027-03-31T12:00:00Z", "2027-04-30T12:00:00Z"):
        frozen_clock.move_to(datetime.fromisoformat(subscription["currentPeriodEnd"]))
        assert await charges.renew_due() >= 1
        shown = (await client.get(f"/v1/subscriptions/{subscription['id']}", headers=merchant(tenant))).json()
        assert shown["currentPeriodEnd"] == expected and shown["status"] == "active"
        subscription = shown
    assert len(await charges_of(client, tenant, subscription["id"])) == 3


async def test_two_workers_racing_one_renewal_charge_it_once(client, frozen_clock):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, interval="week")
    subscription = await subscribe(client, tenant, plan)
    frozen_clock.advance(days=7, seconds=1)
    await asyncio.gather(*(charges.collect(uuid.UUID(subscription["id"])) for _ in range(4)))
    assert [c["status"] for c in await charges_of(client, tenant, subscription["id"])] == ["approved", "approved"]
    assert (await subscription_events(subscription["id"])).count("subscription.renewed") == 1
    await assert_books_sound()


async def test_a_worker_that_died_mid_renewal_is_finished_once(client, frozen_clock):
    """The worker committed the renewal's charge and died before paying it: the next run pays it, once; a
    worker that died after the payment was approved but before the subscription heard of it: the next run
    applies the approval, and charges nothing more."""
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, interval="week")
    subscription = await subscribe(client, tenant, plan)
    subscription_id = uuid.UUID(subscription["id"])
    frozen_clock.advance(days=7, seconds=1)
    async with database.side_transaction() as session:  # what collect commits before it pays
        row = await charges.locked(session, subscription_id)
        await charges.open_charge(
            session, row, kind="renewal", key=charges.renewal_key(row, 2, 0), amount=row.amount, period=2
        )
    frozen_clock.advance(minutes=2)
    assert await charges.settle_pending_charges() >= 1
    await charges.renew_due()
    await charges.collect(subscription_id)
    assert [c["status"] for c in await charges_of(client, tenant, subscription["id"])] == ["approved", "approved"]
    async with database.transaction() as session:
        row = await session.get(Subscription, subscription_id)
        assert row is not None and row.periods_paid == 2 and row.status == "active"

    frozen_clock.advance(days=7)
    async with database.side_transaction() as session:
        row = await charges.locked(session, subscription_id)
        third = await charges.open_charge(
            session, row, kind="renewal", key=charges.renewal_key(row, 3, 0), amount=row.amount, period=3
        )
    paid = await payments.pay_saved_card(third.transaction_uid, row.saved_card_id, as_of=frozen_clock.now())
    assert paid.status == "approved"  # ... and the worker died before applying it
    frozen_clock.advance(minutes=2)
    assert await charges.settle_pending_charges() >= 1
    await charges.collect(subscription_id)
    statuses = [c["status"] for c in await charges_of(client, tenant, subscription["id"])]
    assert statuses == ["approved", "approved", "approved"]
    async with database.transaction() as session:
        row = await session.get(Subscription, subscription_id)
        assert row is not None and row.periods_paid == 3
    await assert_books_sound()
