"""Paying links through the sandbox processor (the pay helper drives the checkout's code path), and what
follows: captures, refunds, reversals, the worker's sweep, events and ledger entries."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import httpx
import pytest
from sqlalchemy import LargeBinary, func, select

from migo.events.models import Event
from migo.ledger import service as ledger
from migo.payments import after_authorization, links
from migo.payments.models import CardToken, PaymentAttempt, PaymentClient, PaymentTransaction
from migo.platform import pan
from migo.platform.db import database
from tests.books import assert_books_sound
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay
from tests.traced import untraced


async def events_of(uid: str) -> list[str]:
    async with database.transaction() as session:
        rows = await session.scalars(select(Event.type).where(Event.subject_id == uid).order_by(Event.created_at))
        return list(rows)


async def attempts_of(uid: str) -> list[str]:
    """The statuses of a link's payment attempts, oldest first."""
    async with database.transaction() as session:
        rows = await session.scalars(
            select(PaymentAttempt.status)
            .join(PaymentTransaction, PaymentTransaction.id == PaymentAttempt.transaction_id)
            .where(PaymentTransaction.uid == uid)
            .order_by(PaymentAttempt.created_at, PaymentAttempt.id)
        )
        return list(rows)


async def merchant_balance(slug: str, currency: str = "GTQ") -> Decimal:
    from migo.payments import clients

    async with database.transaction() as session:
        client = await session.scalar(select(PaymentClient).where(PaymentClient.slug == slug))
        assert client is not None
        account = await clients.merchant_account(session, client, currency)
        return (await ledger.get_account(session, account)).balance


@pytest.mark.parametrize(
    ("card", "outcome", "decline_code"),
    [
        ("4242424242424242", "approved", None),
        ("5555555555554444", "approved", None),
        ("4000000000000002", "declined", "generic_decline"),
        ("4000000000009995", "declined", "insufficient_funds"),
        ("4000000000000069", "declined", "expired_card"),
        ("4000000000000127", "declined", "incorrect_cvc"),
        ("4000000000000119", "declined", "processing_error"),
        ("4000000000003220", "requires_action", None),
        ("4000008400001629", "requires_action", None),
        ("4111111111111111", "declined", "live_card_in_sandbox"),
    ],
)
async def test_each_test_card_behaves_as_documented(client, card, outcome, decline_code):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    response = await sandbox_pay(client, tenant, link["uid"], card)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["outcome"] == outcome
    assert answer["declineCode"] == decline_code
    transaction = answer["transaction"]
    if outcome == "approved":
        assert transaction["status"] == "approved" and transaction["capturedAmount"] == 100
        assert transaction["last4"] == card[-4:] and transaction["authorizationCode"]
        assert await events_of(link["uid"]) == ["transaction.approved"]
    else:
        assert transaction["status"] == "pending" and transaction["capturedAmount"] == 0
    await assert_books_sound()


async def test_three_d_secure_code_passes_or_fails(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    cases = [
        ("4000000000003220", "123456", "approved", "passed"),
        ("4000000000003220", "000000", "declined", "failed"),
        ("4000008400001629", "123456", "declined", "passed"),
    ]
    for card, code, outcome, three_ds in cases:
        link = await create_link(client, tenant)
        answer = (await sandbox_pay(client, tenant, link["uid"], card, threeDsCode=code)).json()
        assert (answer["outcome"], answer["threeDs"]) == (outcome, three_ds), answer


async def test_installments_only_where_the_processor_offers_them(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    refused = await sandbox_pay(client, tenant, link["uid"], installments=5)
    assert refused.status_code == 409 and "installments" in refused.json()["detail"]
    answer = (await sandbox_pay(client, tenant, link["uid"], installments=6)).json()
    assert answer["outcome"] == "approved" and answer["transaction"]["installments"] == 6


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"cardNumber": "4242424242424241"}, "cardNumber"),
        ({"expiry": "01/20"}, "expiry"),
        ({"expiry": "13/30"}, "expiry"),
        ({"cvv": "12a"}, "cvv"),
    ],
)
async def test_bad_card_data_is_refused_and_nothing_is_stored(client, fields, field):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    response = await sandbox_pay(client, tenant, link["uid"], **fields)
    assert response.status_code == 409 and response.json()["ownCode"] == 5000
    assert response.json()["detail"].split(":")[0].removeprefix("body.") == field  # the field, wherever checked
    assert "4242" not in response.text
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert shown["attempts"] == 0


async def test_the_vault_keeps_the_pan_sealed_and_never_the_cvv(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    await sandbox_pay(client, tenant, link["uid"], cvv="987")
    async with database.transaction() as session:
        transaction = await session.scalar(select(PaymentTransaction).where(PaymentTransaction.uid == link["uid"]))
        assert transaction is not None
        token = await session.get(CardToken, transaction.card_token_id)
        assert token is not None
        assert b"4242424242424242" not in token.pan_ciphertext and token.last4 == "4242"
        assert pan.reveal(token.pan_ciphertext).reveal() == "4242424242424242"  # the sealed PAN, and only the PAN
        # The CVV is the value of no text column (the binary ones are random hex), nor a quoted value inside
        # one; not a bare substring: three digits turn up by chance in a UUID or a timestamp's microseconds.
        text_columns = [c for c in CardToken.__table__.columns if not isinstance(c.type, LargeBinary)]
        row = await session.scalar(select(func.row_to_json(func.row(*text_columns))).where(CardToken.id == token.id))
        assert row is not None and "987" not in [str(value) for value in row.values()]
        assert '"987"' not in json.dumps(row)


async def test_attempts_run_out_and_the_link_is_denied(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, max_attempts=2)
    link = await create_link(client, tenant)
    first = (await sandbox_pay(client, tenant, link["uid"], "4000000000000002")).json()
    assert first["transaction"]["status"] == "pending"
    second = (await sandbox_pay(client, tenant, link["uid"], "4000000000009995")).json()
    assert second["transaction"]["status"] == "denied" and second["transaction"]["declineCode"] == "insufficient_funds"
    assert await events_of(link["uid"]) == ["transaction.denied"]
    again = await sandbox_pay(client, tenant, link["uid"])
    assert again.status_code == 409 and again.json()["ownCode"] == 5011


async def test_a_paid_link_cannot_be_paid_again_and_concurrent_payments_charge_once(app):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        link = await create_link(http, tenant)
        answers = await asyncio.gather(*(sandbox_pay(http, tenant, link["uid"]) for _ in range(5)))
        again = await sandbox_pay(http, tenant, link["uid"])
    assert sorted(r.status_code for r in answers) == [200, 409, 409, 409, 409]
    # Refused while the first payment was in flight (5019) or once it was paid (5011); afterwards, paid.
    assert {r.json()["ownCode"] for r in answers if r.status_code != 200} <= {5011, 5019}
    assert again.status_code == 409 and again.json()["ownCode"] == 5011
    assert await merchant_balance(tenant.client_slug) == Decimal(100)
    assert await events_of(link["uid"]) == ["transaction.approved"]
    # The refused payments reached no processor: the link has one attempt, the approved one.
    assert await attempts_of(link["uid"]) == ["approved"]


async def test_processor_amount_is_what_that_processor_charges(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant, amount=100, processorAmount={"sandbox": 95})
    answer = (await sandbox_pay(client, tenant, link["uid"])).json()
    assert answer["transaction"]["capturedAmount"] == 95
    assert await merchant_balance(tenant.client_slug) == Decimal(95)


async def test_two_step_capture_partial_once(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, capture_mode="manual")
    link = await create_link(client, tenant, amount=200)
    authorized = (await sandbox_pay(client, tenant, link["uid"])).json()
    assert authorized["outcome"] == "authorized" and authorized["transaction"]["status"] == "authorized"
    assert await merchant_balance(tenant.client_slug) == 0
    too_much = await client.post(f"/transactions/{link['uid']}/capture", json={"amount": 201}, headers=merchant(tenant))
    assert too_much.status_code == 409 and too_much.json()["ownCode"] == 5000
    captured = await client.post(f"/transactions/{link['uid']}/capture", json={"amount": 150}, headers=merchant(tenant))
    assert captured.status_code == 200, captured.text
    assert captured.json()["status"] == "approved" and captured.json()["capturedAmount"] == 150
    twice = await client.post(f"/transactions/{link['uid']}/capture", headers=merchant(tenant))
    assert twice.status_code == 409 and twice.json()["ownCode"] == 5012
    assert await merchant_balance(tenant.client_slug) == Decimal(150)
    assert await events_of(link["uid"]) == ["transaction.authorized", "transaction.captured"]
    await assert_books_sound()


async def test_capture_after_seven_days_is_refused_and_the_sweep_voids_it(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant, capture_mode="manual")
    link = await create_link(client, tenant)
    await sandbox_pay(client, tenant, link["uid"])
    frozen_clock.advance(days=7, minutes=1)
    late = await client.post(f"/transactions/{link['uid']}/capture", headers=merchant(tenant))
    assert late.status_code == 409 and late.json()["ownCode"] == 5013
    assert await after_authorization.void_stale_authorizations() >= 1  # every stale one of this run, ours included
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert shown["status"] == "reversed"
    assert (await events_of(link["uid"]))[-1] == "transaction.reversed"


async def test_unpaid_links_expire(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant, link_lifetime_seconds=3600)
    link = await create_link(client, tenant)
    frozen_clock.advance(hours=1)
    refused = await sandbox_pay(client, tenant, link["uid"])
    assert refused.status_code == 409 and refused.json()["ownCode"] == 5011
    async with database.transaction() as session:
        assert await links.expire_unpaid_links(session) >= 1
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert shown["status"] == "expired"


async def test_refunds_partial_then_full_never_more_than_captured(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant, amount=100)
    await sandbox_pay(client, tenant, link["uid"])
    path = f"/transactions/{link['uid']}/refund"
    partial = await client.post(path, json={"amount": 30, "reason": "one item back"}, headers=merchant(tenant))
    assert partial.status_code == 200, partial.text
    assert partial.json()["amount"] == 30 and partial.json()["transaction"]["status"] == "approved"
    over = await client.post(path, json={"amount": 71}, headers=merchant(tenant))
    assert over.status_code == 409 and over.json()["ownCode"] == 5014
    rest = await client.post(path, headers=merchant(tenant))
    assert rest.json()["amount"] == 70 and rest.json()["transaction"]["status"] == "refunded"
    assert await merchant_balance(tenant.client_slug) == 0
    assert (await events_of(link["uid"])).count("transaction.refunded") == 2
    await assert_books_sound()


async def test_racing_refunds_cannot_exceed_the_capture(app):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        link = await create_link(http, tenant, amount=100)
        await sandbox_pay(http, tenant, link["uid"])
        answers = await asyncio.gather(
            *(
                http.post(f"/transactions/{link['uid']}/refund", json={"amount": 30}, headers=merchant(tenant))
                for _ in range(10)
            )
        )
    codes = sorted(r.status_code for r in answers)
    assert codes == [200] * 3 + [409] * 7
    assert await merchant_balance(tenant.client_slug) == Decimal(10)
    await assert_books_sound()


async def test_refund_is_idempotent_by_key(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    await sandbox_pay(client, tenant, link["uid"])
    headers = {**merchant(tenant), "Idempotency-Key": "refund-1"}
    first = await client.post(f"/transactions/{link['uid']}/refund", json={"amount": 10}, headers=headers)
    again = await client.post(f"/transactions/{link['uid']}/refund", json={"amount": 10}, headers=headers)
    assert untraced(first.json()) == untraced(again.json()) and again.headers["Idempotent-Replayed"] == "true"
    assert await merchant_balance(tenant.client_slug) == Decimal(90)


async def test_reverse_an_authorization_or_an_unsettled_capture(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    await sandbox_pay(client, tenant, link["uid"])
    reversed_ = await client.post(f"/transactions/{link['uid']}/reverse", headers=merchant(tenant))
    assert reversed_.status_code == 200 and reversed_.json()["status"] == "reversed"
    assert await merchant_balance(tenant.client_slug) == 0
    refund = await client.post(f"/transactions/{link['uid']}/refund", headers=merchant(tenant))
    assert refund.status_code == 409 and refund.json()["ownCode"] == 5015

    settled = await create_link(client, tenant)
    await sandbox_pay(client, tenant, settled["uid"])
    frozen_clock.advance(days=1)  # past the next 23:30 UTC cutoff
    late = await client.post(f"/transactions/{settled['uid']}/reverse", headers=merchant(tenant))
    assert late.status_code == 409 and late.json()["ownCode"] == 5016
    await assert_books_sound()


async def test_sandbox_helper_needs_the_merchants_own_link(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    link = await create_link(client, tenant)
    foreign = await sandbox_pay(client, other, link["uid"])
    assert foreign.status_code == 404
    unauthenticated = await client.post(f"/v1/sandbox/transactions/{link['uid']}/pay", json={})
    assert unauthenticated.status_code == 401 and unauthenticated.json() == {"message": "Unauthorized"}


async def test_client_bin_rules_decline_cards_they_do_not_accept(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_brands=("mastercard",))
    link = await create_link(client, tenant)
    visa = (await sandbox_pay(client, tenant, link["uid"])).json()
    assert visa["outcome"] == "declined" and visa["declineCode"] == "card_not_allowed"
    mastercard = (await sandbox_pay(client, tenant, link["uid"], "5555555555554444")).json()
    assert mastercard["outcome"] == "approved"


async def test_one_card_tried_across_many_links_is_stopped(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant, velocity=(100, 60, 60))
    number = "4000056655665556"  # not a sandbox test card: counted
    answers = []
    for i in range(11):
        link = await create_link(client, tenant, userId=f"5025555{i:04d}")
        answers.append(await sandbox_pay(client, tenant, link["uid"], number))
    assert all(a.status_code == 200 for a in answers[:10])
    assert answers[10].status_code == 429 and answers[10].json()["ownCode"] == 5006


async def test_a_new_card_replaces_an_unanswered_challenge(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant)
    challenged = (await sandbox_pay(client, tenant, link["uid"], "4000000000003220")).json()
    assert challenged["outcome"] == "requires_action"
    approved = (await sandbox_pay(client, tenant, link["uid"])).json()
    assert approved["outcome"] == "approved" and approved["transaction"]["attempts"] == 1
    assert await attempts_of(link["uid"]) == ["abandoned", "approved"]
