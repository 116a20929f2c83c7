"""Recurring billing end to end on the Middleware: plans, verify-card, the life of a subscription on a sandbox
test clock (trial, renewals, failed renewals with grace and retries, recovery, expiry), on-demand charges."""

from __future__ import annotations

import pytest

from tests.books import assert_books_sound
from tests.factories import merchant

from .helpers import (
    APPROVE,
    CHARGES_DECLINED,
    advance,
    billing_tenant,
    charges_of,
    create_plan,
    subscribe,
    subscription_events,
    verify_card,
)


async def test_a_plan_is_created_listed_read_and_archived(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, trialDays=7, graceDays=5, retryDays=[1, 3])
    assert plan["amount"] == 100 and plan["interval"] == "month" and plan["intervalCount"] == 1
    assert plan["graceDays"] == 5 and plan["retryDays"] == [1, 3] and plan["active"] is True
    listed = (await client.get("/v1/plans", headers=merchant(tenant))).json()
    assert [p["id"] for p in listed["items"]] == [plan["id"]] and listed["meta"]["totalItems"] == 1
    archived = await client.patch(f"/v1/plans/{plan['id']}", json={"active": False}, headers=merchant(tenant))
    assert archived.status_code == 200 and archived.json()["active"] is False
    refused = await verify_card(client, tenant, plan=plan)
    assert refused.status_code == 409 and refused.json()["ownCode"] == 7701


@pytest.mark.parametrize(
    ("fields", "own_code"),
    [
        ({"currency": "EUR"}, 7702),
        ({"graceDays": 3, "retryDays": [1, 5]}, 5000),
        ({"retryDays": [3, 1]}, 5000),
        ({"interval": "week", "intervalCount": 53}, 5000),
        ({"interval": "fortnight"}, 5000),
        ({"amount": 100.5}, 5000),
        ({"amount": 100001}, 2003),
    ],
)
async def test_a_bad_plan_is_refused_and_nothing_is_created(client, fields, own_code):
    tenant = await billing_tenant()
    body = {
        "client": tenant.client_slug,
        "name": "Gym",
        "amount": 100,
        "currency": "GTQ",
        "interval": "month",
        **fields,
    }
    refused = await client.post("/v1/plans", json=body, headers=merchant(tenant))
    assert refused.json()["ownCode"] == own_code, refused.text
    assert (await client.get("/v1/plans", headers=merchant(tenant))).json()["meta"]["totalItems"] == 0


async def test_there_is_no_other_way_to_subscribe(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    direct = await client.post("/v1/subscriptions", json={"planId": plan["id"]}, headers=merchant(tenant))
    assert direct.status_code == 405
    with_start = await verify_card(client, tenant, plan=plan, startAt="2027-01-01T00:00:00Z")
    assert with_start.status_code == 409 and with_start.json()["ownCode"] == 5000


async def test_verify_only_saves_a_reusable_card_and_a_declined_card_is_not_saved(client):
    tenant = await billing_tenant()
    verified = (await verify_card(client, tenant)).json()
    assert verified["verified"] is True and verified["cardToken"].startswith("card_")
    assert verified["card"] == {"brand": "visa", "last4": "4242", "expMonth": 12, "expYear": 2034}
    assert verified["subscription"] is None and verified["declineCode"] is None
    declined = (await verify_card(client, tenant, card="4000000000000002")).json()
    assert declined["verified"] is False and declined["cardToken"] is None
    assert declined["declineCode"] == "generic_decline"
    # the token is this customer's only
    plan = await create_plan(client, tenant)
    other = await verify_card(client, tenant, plan=plan, user_id="someone-else", cardToken=verified["cardToken"])
    assert other.status_code == 404
    reused = await verify_card(client, tenant, plan=plan, cardToken=verified["cardToken"])
    assert reused.json()["subscription"]["status"] == "active"


async def test_subscribing_charges_the_first_period_as_a_transaction(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, amount=250)
    subscription = await subscribe(client, tenant, plan)
    assert subscription["status"] == "active" and subscription["amount"] == 250
    assert subscription["card"] == {"brand": "visa", "last4": "4242"}
    (charge,) = await charges_of(client, tenant, subscription["id"])
    assert charge["status"] == "approved" and charge["amount"] == 250 and charge["capturedAmount"] == 250
    assert charge["additionalData"]["subscriptionInfo"]["kind"] == "first"
    assert await subscription_events(subscription["id"]) == ["subscription.created"]
    # refundable with the existing endpoint
    refund = await client.post(f"/transactions/{charge['uid']}/refund", headers=merchant(tenant))
    assert refund.status_code == 200 and refund.json()["status"] == "succeeded"
    await assert_books_sound()


async def test_a_declined_first_charge_creates_no_subscription(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    answer = (await verify_card(client, tenant, card=CHARGES_DECLINED, plan=plan)).json()
    assert answer["verified"] is True and answer["cardToken"] is not None
    assert answer["declineCode"] == "generic_decline" and answer["subscription"] is None
    listed = (await client.get("/v1/subscriptions", headers=merchant(tenant))).json()
    assert listed["meta"]["totalItems"] == 0
    # another card for the same customer subscribes
    again = await subscribe(client, tenant, plan, card=APPROVE)
    assert again["status"] == "active"


async def test_trial_renewal_failed_renewal_grace_retries_and_recovery(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, trialDays=14, graceDays=7, retryDays=[1, 3, 5])
    subscription = await subscribe(client, tenant, plan, card=CHARGES_DECLINED)
    assert subscription["status"] == "trialing" and subscription["trialEnd"] == subscription["currentPeriodEnd"]
    assert await charges_of(client, tenant, subscription["id"]) == []

    at_trial_end = await advance(client, tenant, subscription["id"], 14)
    assert at_trial_end["status"] == "past_due"
    renewal = at_trial_end["renewal"]
    assert renewal["attempts"] == 1 and renewal["lastDeclineCode"] == "generic_decline"
    assert renewal["nextRetryAt"] is not None and renewal["graceUntil"] is not None

    retried = await advance(client, tenant, subscription["id"], 1)
    assert retried["status"] == "past_due" and retried["renewal"]["attempts"] == 2

    good = (await verify_card(client, tenant, card=APPROVE)).json()["cardToken"]
    recovered = await client.put(
        f"/v1/subscriptions/{subscription['id']}/card", json={"cardToken": good}, headers=merchant(tenant)
    )
    assert recovered.status_code == 200, recovered.text
    shown = recovered.json()
    assert shown["status"] == "active" and shown["card"]["last4"] == "4242"
    assert shown["renewal"]["attempts"] == 0 and shown["renewal"]["graceUntil"] is None
    # the period it paid for is the one that began at the trial's end
    assert shown["currentPeriodStart"] == at_trial_end["currentPeriodStart"] == subscription["trialEnd"]

    renewed = await advance(client, tenant, subscription["id"], 31)
    assert renewed["status"] == "active" and renewed["currentPeriodStart"] == shown["currentPeriodEnd"]
    statuses = [c["status"] for c in await charges_of(client, tenant, subscription["id"])]
    assert statuses == ["denied", "denied", "approved", "approved"]
    assert await subscription_events(subscription["id"]) == [
        "subscription.created",
        "subscription.trial_will_end",
        "subscription.renewal_failed",
        "subscription.past_due",
        "subscription.renewal_failed",
        "subscription.renewed",
        "subscription.recovered",
        "subscription.renewed",
    ]
    await assert_books_sound()


async def test_grace_exhausted_expires_the_subscription(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, trialDays=3, graceDays=7, retryDays=[1, 3, 5])
    subscription = await subscribe(client, tenant, plan, card=CHARGES_DECLINED)
    ended = await advance(client, tenant, subscription["id"], 30)
    assert ended["status"] == "expired" and ended["endedAt"] is not None
    assert ended["renewal"]["attempts"] == 4  # the renewal and three retries
    assert len(await charges_of(client, tenant, subscription["id"])) == 4
    assert (await subscription_events(subscription["id"]))[-1] == "subscription.expired"
    later = await advance(client, tenant, subscription["id"], 60)
    assert later["status"] == "expired" and len(await charges_of(client, tenant, subscription["id"])) == 4


async def test_a_hard_decline_stops_the_retries(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, interval="year", graceDays=10, retryDays=[2, 4, 6])
    # the card expires before the first renewal, a year from now
    subscription = await subscribe(client, tenant, plan, expiry="10/27")
    lapsed = await advance(client, tenant, subscription["id"], 366)
    assert lapsed["status"] == "past_due"
    assert lapsed["renewal"]["lastDeclineCode"] == "expired_card" and lapsed["renewal"]["nextRetryAt"] is None
    ended = await advance(client, tenant, subscription["id"], 10)
    assert ended["status"] == "expired" and ended["renewal"]["attempts"] == 1


async def test_cancel_at_period_end_then_now(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, interval="week")
    first = await subscribe(client, tenant, plan)
    at_end = await client.post(
        f"/v1/subscriptions/{first['id']}/cancel", json={"atPeriodEnd": True}, headers=merchant(tenant)
    )
    assert at_end.json()["status"] == "active" and at_end.json()["cancelAtPeriodEnd"] is True
    ended = await advance(client, tenant, first["id"], 8)
    assert ended["status"] == "inactive" and len(await charges_of(client, tenant, first["id"])) == 1
    second = await subscribe(client, tenant, plan)
    now = await client.post(f"/v1/subscriptions/{second['id']}/cancel", headers=merchant(tenant))
    assert now.json()["status"] == "inactive"
    again = await client.post(f"/v1/subscriptions/{second['id']}/cancel", headers=merchant(tenant))
    assert again.status_code == 409 and again.json()["ownCode"] == 7703


async def test_pause_skips_renewals_and_resume_starts_a_new_period(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, interval="week")
    subscription = await subscribe(client, tenant, plan)
    paused = await client.post(f"/v1/subscriptions/{subscription['id']}/pause", headers=merchant(tenant))
    assert paused.json()["status"] == "paused"
    await advance(client, tenant, subscription["id"], 20)
    assert len(await charges_of(client, tenant, subscription["id"])) == 1
    resumed = (await client.post(f"/v1/subscriptions/{subscription['id']}/resume", headers=merchant(tenant))).json()
    assert resumed["status"] == "active" and resumed["currentPeriodStart"] > subscription["currentPeriodEnd"]
    assert [c["status"] for c in await charges_of(client, tenant, subscription["id"])] == ["approved", "approved"]


async def test_on_demand_charges_are_idempotent_and_refundable(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    subscription = await subscribe(client, tenant, plan)
    headers = {**merchant(tenant), "Idempotency-Key": "extra-towel-1"}
    body = {"amount": 30, "description": "Towel", "externalId": "order-9"}
    path = f"/v1/subscriptions/{subscription['id']}/charges"
    charged = await client.post(path, json=body, headers=headers)
    assert charged.status_code == 201, charged.text
    assert charged.json()["status"] == "approved" and charged.json()["amount"] == 30
    again = await client.post(path, json=body, headers=headers)
    assert again.json()["uid"] == charged.json()["uid"] and again.headers.get("Idempotent-Replayed") == "true"
    assert len(await charges_of(client, tenant, subscription["id"])) == 2
    refund = await client.post(
        f"/transactions/{charged.json()['uid']}/refund", json={"amount": 10}, headers=merchant(tenant)
    )
    assert refund.status_code == 200 and refund.json()["status"] == "succeeded"
    await assert_books_sound()


async def test_another_merchants_client_plan_and_subscriptions_are_not_found(client):
    owner, stranger = await billing_tenant(), await billing_tenant()
    plan = await create_plan(client, owner)
    subscription = await subscribe(client, owner, plan)
    for path in (f"/v1/subscriptions/{subscription['id']}", f"/v1/plans/{plan['id']}"):
        assert (await client.get(path, headers=merchant(stranger))).status_code == 404
    # the owner's plan named in the stranger's verify-card: as unknown as a plan that never existed
    foreign_plan = await verify_card(client, stranger, plan=plan)
    assert foreign_plan.status_code == 404 and foreign_plan.json()["ownCode"] == 5001
    # the owner's client named by the stranger: 5004, and no plan or card is made for it
    body = {"client": owner.client_slug, "name": "Mallory", "amount": 1, "currency": "GTQ", "interval": "day"}
    assert (await client.post("/v1/plans", json=body, headers=merchant(stranger))).json()["ownCode"] == 5004
    foreign_client = await verify_card(client, stranger, client=owner.client_slug)
    assert foreign_client.status_code == 409 and foreign_client.json()["ownCode"] == 5004
    # the stranger's listing filtered by the owner's customer or plan shows nothing of the owner's
    for query in ({"userId": subscription["userId"]}, {"planId": plan["id"]}):
        listed = (await client.get("/v1/subscriptions", params=query, headers=merchant(stranger))).json()
        assert listed["meta"]["totalItems"] == 0
        own = (await client.get("/v1/subscriptions", params=query, headers=merchant(owner))).json()
        assert own["meta"]["totalItems"] == 1
    assert (await client.get("/v1/plans", headers=merchant(stranger))).json()["meta"]["totalItems"] == 0


async def test_raw_card_data_is_refused_outside_the_sandbox(client, monkeypatch):
    from types import SimpleNamespace

    from migo.subscriptions import lifecycle

    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    monkeypatch.setattr(lifecycle, "get_settings", lambda: SimpleNamespace(is_sandbox=False))
    refused = await verify_card(client, tenant, plan=plan)
    assert refused.status_code == 400 and refused.json()["ownCode"] == 7704
    assert (await client.get("/v1/subscriptions", headers=merchant(tenant))).json()["meta"]["totalItems"] == 0


async def test_a_new_price_applies_to_new_subscriptions_only(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, amount=100, interval="week")
    before = await subscribe(client, tenant, plan)
    repriced = await client.patch(f"/v1/plans/{plan['id']}", json={"amount": 150}, headers=merchant(tenant))
    assert repriced.status_code == 200 and repriced.json()["amount"] == 150
    after = await subscribe(client, tenant, plan, user_id="50255550002")
    assert before["amount"] == 100 and after["amount"] == 150
    await advance(client, tenant, before["id"], 8)
    assert [c["amount"] for c in await charges_of(client, tenant, before["id"])] == [100, 100]
    assert [c["amount"] for c in await charges_of(client, tenant, after["id"])] == [150]
