"""Subscribing cardholders (seed 000) with the prepaid cards Migo issued: charged on-us through the ledger, not a
card network; short of funds, declined `insufficient_funds` (the ledger's 7303) and no subscription."""

from __future__ import annotations

from decimal import Decimal

from tests.books import assert_books_sound
from tests.factories import bearer, merchant
from tests.prepaid import (
    card_balance,
    card_movements,
    load,
    merchant_balance,
    on_us_clearing,
    prepaid_card,
)

from .helpers import advance, billing_tenant, charges_of, create_plan, verify_card


async def _subscribe(client, tenant, plan, card):
    return await verify_card(client, tenant, plan=plan, card=card.number, expiry=card.expiry, cvv=card.cvv)


async def test_a_prepaid_card_short_of_funds_is_declined_then_subscribes_renews_and_is_refunded(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, amount=100)
    card = await prepaid_card(client, balance="60")
    clearing = await on_us_clearing()

    wrong_cvv = "000" if card.cvv != "000" else "111"  # a Migo card's CVV is checked on-us, as its issuer does
    declined = await verify_card(client, tenant, plan=plan, card=card.number, expiry=card.expiry, cvv=wrong_cvv)
    assert declined.json()["verified"] is False and declined.json()["declineCode"] == "incorrect_cvc"
    short = (await _subscribe(client, tenant, plan, card)).json()
    assert short["verified"] is True and short["cardToken"].startswith("card_")
    assert short["declineCode"] == "insufficient_funds" and short["subscription"] is None
    assert short["card"]["last4"] == card.number[-4:] and short["card"]["brand"] == "visa"
    assert await card_balance(client, card) == Decimal(60) and await merchant_balance(tenant.client_slug) == 0
    listed = await client.get("/v1/subscriptions", headers=merchant(tenant))
    assert listed.json()["meta"]["totalItems"] == 0
    await assert_books_sound()

    await load(client, card, "150")
    subscribed = (await _subscribe(client, tenant, plan, card)).json()
    subscription = subscribed["subscription"]
    assert subscribed["declineCode"] is None and subscription["status"] == "active", subscribed
    assert await card_balance(client, card) == Decimal(110)
    assert await merchant_balance(tenant.client_slug) == Decimal(100)
    assert await on_us_clearing() == clearing  # charged into it, captured out of it
    [first] = await charges_of(client, tenant, subscription["id"])
    assert first["status"] == "approved" and first["processor"] == "migo" and first["installments"] == 1
    purchase = (await card_movements(client, card))[-1]
    assert purchase["type"] == "on_us_charge" and purchase["description"] == "Purchase: Tienda Ana"
    assert Decimal(purchase["amount"]) == -100 and Decimal(purchase["balanceAfter"]) == 110
    await assert_books_sound()

    renewed = await advance(client, tenant, subscription["id"], 31)
    assert renewed["status"] == "active" and renewed["renewal"]["attempts"] == 0
    assert await card_balance(client, card) == Decimal(10)
    assert await merchant_balance(tenant.client_slug) == Decimal(200)
    await assert_books_sound()

    refund = await client.post(f"/transactions/{first['uid']}/refund", json={}, headers=merchant(tenant))
    assert refund.status_code == 200 and refund.json()["status"] == "succeeded", refund.text
    assert await card_balance(client, card) == Decimal(110)
    assert await merchant_balance(tenant.client_slug) == Decimal(100)
    assert await on_us_clearing() == clearing
    refunded = (await card_movements(client, card))[-1]
    assert refunded["type"] == "on_us_refund" and Decimal(refunded["amount"]) == 100
    await assert_books_sound()

    # Short at the next renewal: declined like any card, past due with the ledger's reason.
    late = await advance(client, tenant, subscription["id"], 31)
    assert late["status"] == "active" and await card_balance(client, card) == Decimal(10)
    due = await advance(client, tenant, subscription["id"], 31)
    assert due["status"] == "past_due" and due["renewal"]["lastDeclineCode"] == "insufficient_funds"
    assert await card_balance(client, card) == Decimal(10)
    await assert_books_sound()


async def test_an_inactive_or_blocked_card_is_declined_and_a_blocked_card_stops_renewing(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, amount=100)
    printed = await prepaid_card(client, activate=False)
    inactive = (await _subscribe(client, tenant, plan, printed)).json()
    assert inactive["verified"] is False and inactive["declineCode"] == "card_not_active"
    assert inactive["subscription"] is None and inactive["cardToken"] is None

    card = await prepaid_card(client, balance="500")
    subscription = (await _subscribe(client, tenant, plan, card)).json()["subscription"]
    assert subscription["status"] == "active"
    token = await card.issuer.app_token(client)
    blocked = await client.post(f"/rest/cards/{card.card_id}/block", json={"reason": "lost"}, headers=bearer(token))
    assert blocked.status_code == 200, blocked.text
    refused = (await _subscribe(client, tenant, plan, card)).json()
    assert refused["verified"] is False and refused["declineCode"] == "card_not_active"
    due = await advance(client, tenant, subscription["id"], 31)
    assert due["status"] == "past_due" and due["renewal"]["lastDeclineCode"] == "card_not_active"
    assert await card_balance(client, card) == Decimal(400)
    await assert_books_sound()


async def test_a_card_of_another_currency_is_declined(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, amount=10, currency="USD")
    card = await prepaid_card(client, balance="500")  # a GTQ program
    declined = (await _subscribe(client, tenant, plan, card)).json()
    assert declined["verified"] is False and declined["declineCode"] == "currency_not_supported"
    assert await card_balance(client, card) == Decimal(500)
    await assert_books_sound()


async def test_on_demand_charges_of_a_prepaid_card_are_on_us(client):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant, amount=100, trialDays=14)
    card = await prepaid_card(client, balance="120")
    subscription = (await _subscribe(client, tenant, plan, card)).json()["subscription"]
    assert subscription["status"] == "trialing" and await card_balance(client, card) == Decimal(120)
    path = f"/v1/subscriptions/{subscription['id']}/charges"
    towel = await client.post(path, json={"amount": 25, "description": "Towel"}, headers=merchant(tenant))
    assert towel.status_code == 201 and towel.json()["status"] == "approved", towel.text
    too_much = await client.post(path, json={"amount": 100, "description": "Bike"}, headers=merchant(tenant))
    assert too_much.json()["status"] == "denied" and too_much.json()["declineCode"] == "insufficient_funds"
    assert await card_balance(client, card) == Decimal(95)
    assert await merchant_balance(tenant.client_slug) == Decimal(25)
    await assert_books_sound()
