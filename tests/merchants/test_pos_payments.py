"""Terminal (POS) payments (issue 15): a terminal's own credentials or the application's signed call, on-us and
processor cards, reversal before the cutoff and refunds after, the recovery of a lost answer; the books sound
after each."""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from migo.merchants import pos
from migo.payments.processors import SandboxProcessor
from migo.platform.db import database
from tests.books import assert_books_sound
from tests.factories import (
    activate_card,
    bearer,
    branch_with_terminal,
    create_cardholder,
    create_tenant,
    onboarded_business,
    provision_cards,
    signed,
)
from tests.traced import untraced

APPROVES, SHORT = "4242424242424242", "4000000000009995"


def _error(response: httpx.Response, status: int, code: int) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code, response.text


def terminal_auth(terminal: dict[str, Any], key: str | None = None) -> dict[str, str]:
    credentials = terminal["credentials"]
    pair = f"{credentials['terminalKeyId']}:{credentials['terminalSecret']}".encode()
    headers = {"Authorization": "Basic " + base64.b64encode(pair).decode()}
    return headers | {"Idempotency-Key": key or secrets.token_hex(8)}


def sale(number: str = APPROVES, **overrides: Any) -> dict[str, Any]:
    return {
        "amount": "100.00",
        "currency": "GTQ",
        "entryMode": "CONTACTLESS",
        "card": {"number": number, "expiry": "12/34"},
        "reference": f"R-{secrets.token_hex(4)}",
        **overrides,
    }


async def shop(client: httpx.AsyncClient) -> tuple[Any, dict[str, str], dict[str, Any], dict[str, Any]]:
    """A tenant with a card program, an ACTIVE business, and a terminal at a branch of it."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=2)
    app = bearer(await tenant.app_token(client))
    business = await onboarded_business(client, tenant, app)
    _, terminal = await branch_with_terminal(client, app, business["id"])
    return cards, app, business, terminal


async def test_a_terminal_charges_a_card_with_its_own_credentials(client):
    _, app, business, terminal = await shop(client)
    path = f"/rest/terminals/{terminal['id']}/payments"
    headers = terminal_auth(terminal)
    body = sale(tip="12.50")
    paid = await client.post(path, json=body, headers=headers)
    assert paid.status_code == 201, paid.text
    payment = paid.json()["data"]
    assert payment["status"] == "approved" and len(payment["authCode"]) == 6 and payment["declineCode"] is None
    assert (payment["amount"], payment["tip"], payment["currency"]) == ("100.0000", "12.5000", "GTQ")
    assert payment["card"] == {"brand": "visa", "last4": "4242"} and payment["settleTo"] == {
        "type": "BALANCE",
        "cardId": None,
    }
    assert APPROVES not in paid.text

    replayed = await client.post(path, json=body, headers=headers)
    assert untraced(replayed.json()) == untraced(paid.json()) and replayed.headers.get("Idempotent-Replayed") == "true"
    # The same sale again under a fresh key (a terminal whose first answer was lost): its payment, not a second.
    retried = await client.post(path, json=body, headers=terminal_auth(terminal))
    assert retried.status_code == 201 and retried.json()["data"] == payment, retried.text
    _error(await client.post(path, json={**body, "amount": "99.00"}, headers=terminal_auth(terminal)), 409, 7419)

    denied = await client.post(path, json=sale(SHORT), headers=terminal_auth(terminal))
    assert denied.status_code == 201 and denied.json()["data"]["status"] == "denied"
    assert denied.json()["data"]["declineCode"] == "insufficient_funds"

    listed = (await client.get(path, headers=terminal_auth(terminal))).json()["data"]
    assert {item["status"] for item in listed["items"]} == {"approved", "denied"}
    approved_only = await client.get(f"/rest/businesses/{business['id']}/payments?status=approved", headers=app)
    assert [item["paymentId"] for item in approved_only.json()["data"]["items"]] == [payment["paymentId"]]
    fetched = await client.get(f"{path}/{payment['paymentId']}", headers=app)
    assert fetched.json()["data"] == payment
    await assert_books_sound()


async def test_the_application_moves_money_at_a_terminal_with_a_signed_call(client):
    cards, app, _, terminal = await shop(client)
    path = f"/rest/terminals/{terminal['id']}/payments"
    unsigned = await client.post(path, json=sale(), headers=app | {"Idempotency-Key": "k1"})
    assert unsigned.status_code == 401, unsigned.text
    paid = await signed(client, cards.tenant, "POST", path, sale())
    assert paid.status_code == 201 and paid.json()["data"]["status"] == "approved", paid.text
    _error(await client.post(path, json=sale()), 401, 7001)


async def test_terminal_credentials_act_for_their_own_terminal_only(client):
    _, app, business, terminal = await shop(client)
    _, other_terminal = await branch_with_terminal(client, app, business["id"], serial_number="PAX-0002")
    _error(
        await client.post(
            f"/rest/terminals/{other_terminal['id']}/payments", json=sale(), headers=terminal_auth(terminal)
        ),
        404,
        7413,
    )
    wrong = terminal_auth(terminal | {"credentials": {**terminal["credentials"], "terminalSecret": "nope"}})
    _error(await client.post(f"/rest/terminals/{terminal['id']}/payments", json=sale(), headers=wrong), 401, 7001)
    # Another company's application does not see the terminal or its payments.
    stranger = bearer(await (await create_tenant()).app_token(client))
    _error(await client.get(f"/rest/terminals/{terminal['id']}/payments", headers=stranger), 404, 7413)
    _error(await client.get(f"/rest/businesses/{business['id']}/payments", headers=stranger), 404, 7402)

    await client.post(f"/rest/terminals/{terminal['id']}/deactivate", headers=app)
    _error(
        await client.post(f"/rest/terminals/{terminal['id']}/payments", json=sale(), headers=terminal_auth(terminal)),
        409,
        7416,
    )


async def test_bad_input_is_refused_and_changes_nothing(client):
    _, app, business, terminal = await shop(client)
    path = f"/rest/terminals/{terminal['id']}/payments"
    for body in (
        sale(installments=3),  # seed 003: CreateTerminalPaymentInput has no top-level installments
        sale(amount="-1"),
        sale(amount=10.5),
        sale("4242424242424241"),  # fails the Luhn check
        sale(entryMode="NFC"),
        sale(amount="9999999999999999", tip="1"),  # what the card is charged would not fit the books
        {**sale(), "card": {"number": APPROVES, "expiry": "13/30"}},
    ):
        response = await client.post(path, json=body, headers=terminal_auth(terminal))
        assert response.status_code == 400, (body, response.text)
    _error(await client.post(path, json=sale(currency="USD"), headers=terminal_auth(terminal)), 409, 7420)
    _error(
        await client.post(
            path,
            json=sale(settleTo={"type": "PREPAID_CARD", "cardId": str(uuid.uuid4())}),
            headers=terminal_auth(terminal),
        ),
        404,
        7421,
    )
    expired = await client.post(
        path, json={**sale(), "card": {"number": APPROVES, "expiry": "01/20"}}, headers=terminal_auth(terminal)
    )
    assert expired.json()["data"]["status"] == "denied" and expired.json()["data"]["declineCode"] == "expired_card"
    listed = (await client.get(f"/rest/businesses/{business['id']}/payments", headers=app)).json()["data"]
    assert [item["status"] for item in listed["items"]] == ["denied"]


async def test_a_card_migo_issued_is_debited_on_us(client):
    cards, app, _, terminal = await shop(client)
    holder = await create_cardholder(client, cards.tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    loaded = await signed(
        client, cards.tenant, "PUT", f"/rest/cards/{card['cardId']}/funds", {"type": "load", "amount": "150"}
    )
    assert loaded.status_code == 200, loaded.text
    expiry = f"{card['expiryMonth']:02d}/{card['expiryYear'] % 100:02d}"
    path = f"/rest/terminals/{terminal['id']}/payments"
    body = {**sale(amount="120.00"), "card": {"number": cards.numbers[0], "expiry": expiry}}
    paid = await client.post(path, json=body, headers=terminal_auth(terminal))
    assert paid.json()["data"]["status"] == "approved", paid.text
    balance = (await client.get(f"/rest/cards/{card['cardId']}", headers=app)).json()["data"]["balance"]
    assert balance == "30.0000"
    short = await client.post(path, json={**body, "reference": "R-short"}, headers=terminal_auth(terminal))
    assert short.json()["data"]["status"] == "denied" and short.json()["data"]["declineCode"] == "insufficient_funds"
    assert (await client.get(f"/rest/cards/{card['cardId']}", headers=app)).json()["data"]["balance"] == "30.0000"
    await assert_books_sound()


async def test_a_payment_is_reversed_before_the_cutoff_and_refunded_after(client, frozen_clock):
    frozen_clock.move_to(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    _, _, _, terminal = await shop(client)
    path = f"/rest/terminals/{terminal['id']}/payments"
    first = (await client.post(path, json=sale(), headers=terminal_auth(terminal))).json()["data"]
    reversal_key = terminal_auth(terminal)
    reversed_ = await client.post(f"{path}/{first['paymentId']}/reverse", headers=reversal_key)
    assert reversed_.status_code == 200, reversed_.text
    assert (
        reversed_.json()["data"]["kind"] == "reversal" and reversed_.json()["data"]["payment"]["status"] == "reversed"
    )
    assert (await client.post(f"{path}/{first['paymentId']}/reverse", headers=reversal_key)).json() == reversed_.json()
    _error(await client.post(f"{path}/{first['paymentId']}/reverse", headers=terminal_auth(terminal)), 409, 7422)

    second = (await client.post(path, json=sale(tip="5"), headers=terminal_auth(terminal))).json()["data"]
    frozen_clock.move_to(datetime(2026, 12, 2, 23, 30, tzinfo=UTC))  # the cutoff
    _error(await client.post(f"{path}/{second['paymentId']}/reverse", headers=terminal_auth(terminal)), 409, 7422)
    part = await client.post(
        f"{path}/{second['paymentId']}/refund", json={"amount": "40"}, headers=terminal_auth(terminal)
    )
    assert part.status_code == 201, part.text
    assert part.json()["data"]["payment"]["refundedAmount"] == "40.0000"
    assert part.json()["data"]["payment"]["status"] == "approved"
    _error(
        await client.post(
            f"{path}/{second['paymentId']}/refund", json={"amount": "65.01"}, headers=terminal_auth(terminal)
        ),
        409,
        7423,
    )
    rest = await client.post(f"{path}/{second['paymentId']}/refund", headers=terminal_auth(terminal))
    assert rest.json()["data"]["amount"] == "65.0000" and rest.json()["data"]["payment"]["status"] == "refunded"
    _error(await client.post(f"{path}/{second['paymentId']}/refund", headers=terminal_auth(terminal)), 409, 7423)
    await assert_books_sound()


async def test_a_sale_whose_answer_was_lost_is_recovered(client, monkeypatch, frozen_clock):
    _, _, _, terminal = await shop(client)
    original = SandboxProcessor.authorize

    async def answered_then_lost(*args: Any, **kwargs: Any) -> Any:
        await original(*args, **kwargs)
        raise pos.ProcessorError("connection reset after the processor answered")

    monkeypatch.setattr(SandboxProcessor, "authorize", answered_then_lost)
    path = f"/rest/terminals/{terminal['id']}/payments"
    pending = await client.post(path, json=sale(), headers=terminal_auth(terminal))
    assert pending.status_code == 201 and pending.json()["data"]["status"] == "pending", pending.text
    monkeypatch.undo()
    assert await pos.resolve_pending() == []  # not stale yet: the request may still be answering
    frozen_clock.advance(minutes=3)
    payment_id = uuid.UUID(pending.json()["data"]["paymentId"])
    assert await pos.resolve_pending() == [(payment_id, "approved")]
    answered = await client.get(f"{path}/{payment_id}", headers=terminal_auth(terminal))
    assert answered.json()["data"]["status"] == "approved"
    async with database.transaction() as session:
        assert (await session.get(pos.TerminalPayment, payment_id)).entry_id is not None
    await assert_books_sound()


def test_the_cutoff_is_23_30_utc():
    assert pos.cutoff_after(datetime(2026, 12, 4, 23, 29, 59, tzinfo=UTC)) == datetime(2026, 12, 4, 23, 30, tzinfo=UTC)
    assert pos.cutoff_after(datetime(2026, 12, 4, 23, 30, tzinfo=UTC)) == datetime(2026, 12, 5, 23, 30, tzinfo=UTC)


async def test_ids_outside_the_path_name_only_the_callers_objects(client):
    """Another company's signing key (x-key-id), prepaid card (settleTo.cardId) and business (?businessId=) are
    answered as ones that exist nowhere, and move nothing; the caller's own are used."""
    a_cards, _, _, _ = await shop(client)
    b_cards, b_app, b_business, b_terminal = await shop(client)
    holder = await create_cardholder(client, a_cards.tenant)
    a_card = await activate_card(client, a_cards, 0, holder["userId"])
    b_token = await b_cards.tenant.app_token(client)
    path = f"/rest/terminals/{b_terminal['id']}/payments"

    own = await signed(client, b_cards.tenant, "POST", path, sale(), token=b_token)
    assert own.status_code == 201, own.text
    payment_id = own.json()["data"]["paymentId"]
    for route, body in ((path, sale()), (f"{path}/{payment_id}/reverse", {}), (f"{path}/{payment_id}/refund", {})):
        with_a_key = await signed(client, a_cards.tenant, "POST", route, body, token=b_token)
        _error(with_a_key, 401, 7604)
    assert (await client.get(f"{path}/{payment_id}", headers=b_app)).json()["data"]["status"] == "approved"

    for card_id in (a_card["cardId"], str(uuid.uuid4())):
        body = sale(settleTo={"type": "PREPAID_CARD", "cardId": card_id})
        _error(await client.post(path, json=body, headers=terminal_auth(b_terminal)), 404, 7421)

    a_app = bearer(await a_cards.tenant.app_token(client))
    for business_id in (b_business["id"], str(uuid.uuid4())):
        _error(await client.get(f"/rest/settlements?businessId={business_id}", headers=a_app), 404, 7402)
    mine = await client.get(f"/rest/settlements?businessId={b_business['id']}", headers=b_app)
    assert mine.status_code == 200, mine.text
    await assert_books_sound()
