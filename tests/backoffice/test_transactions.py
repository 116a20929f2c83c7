"""A partner's transactions on the CMS (issue: "where is my money" in one search): the link payments of its
Payment Link clients, the card transactions of its companies' cards and its businesses' terminal payments in
one paginated list, found by uid, reference, externalId, userId or a card's last four; one of them with its
detail; a refund of a link or terminal payment through its own domain, once per Idempotency-Key and never
beyond what is left. Another partner's transactions are never listed and do not exist (404)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

import httpx

from migo.platform.clock import FrozenClock
from tests.backoffice.test_audit import _trail
from tests.books import assert_books_sound
from tests.factories import (
    Tenant,
    activate_card,
    bearer,
    branch_with_terminal,
    configure_payment_client,
    create_link,
    create_tenant,
    merchant,
    onboarded_business,
    provision_cards,
    sandbox_pay,
    signed,
)
from tests.merchants.test_cms_review import _data, _error, _operator
from tests.traced import untraced

TRANSACTIONS = "/cms/rest/transactions"
LINK_CARD, TERMINAL_CARD = "4242424242424242", "5555555555554444"


@dataclass
class Payments:
    """One partner's link payment, card transaction and terminal payment, as the search lists them."""

    tenant: Tenant
    link: dict[str, Any]
    external_id: str
    card_transaction_id: str
    card_number: str
    terminal_payment: dict[str, Any]


async def partner_with_payments(client: httpx.AsyncClient, clock: FrozenClock) -> Payments:
    """Made a second apart each (the clock is frozen between them), so a time window tells them apart."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    card = await activate_card(client, cards, 0, tenant.user_id)
    clock.advance(seconds=1)
    loaded = await signed(
        client, tenant, "PUT", f"/rest/cards/{card['cardId']}/funds", {"type": "load", "amount": "25"}
    )
    await configure_payment_client(tenant)
    external_id = f"ORDER-{secrets.token_hex(4)}"
    clock.advance(seconds=1)
    link = await create_link(client, tenant, externalId=external_id)
    assert (await sandbox_pay(client, tenant, link["uid"], LINK_CARD)).json()["outcome"] == "approved"
    app = bearer(await tenant.app_token(client))
    business = await onboarded_business(client, tenant, app)
    _, terminal = await branch_with_terminal(client, app, business["id"])
    sale = {
        "amount": "40.00",
        "tip": "2.50",
        "currency": "GTQ",
        "entryMode": "CONTACTLESS",
        "card": {"number": TERMINAL_CARD, "expiry": "12/34"},
        "reference": f"POS-{secrets.token_hex(4)}",
    }
    clock.advance(seconds=1)
    paid = await signed(client, tenant, "POST", f"/rest/terminals/{terminal['id']}/payments", sale)
    return Payments(
        tenant=tenant,
        link=link,
        external_id=external_id,
        card_transaction_id=_data(loaded)["transactionId"],
        card_number=cards.numbers[0],
        terminal_payment=_data(paid, 201),
    )


async def _uids(http: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[str]:
    return [item["uid"] for item in _data(await http.get(TRANSACTIONS, params=params, headers=headers))["items"]]


async def test_support_finds_a_link_payment_a_card_transaction_and_a_terminal_payment_in_one_search(
    client, frozen_clock
):
    mine = await partner_with_payments(client, frozen_clock)
    support = await _operator(client, mine.tenant, "support")
    link, card, sale = mine.link["uid"], mine.card_transaction_id, mine.terminal_payment["paymentId"]

    listed = _data(await client.get(TRANSACTIONS, headers=support))
    assert [item["uid"] for item in listed["items"]] == [sale, link, card]  # newest first
    assert listed["meta"] == {"page": 1, "limit": 20, "totalItems": 3, "totalPages": 1}
    by_kind = {item["kind"]: item for item in listed["items"]}
    assert by_kind["link_payment"] | {"createdAt": None} == {
        "kind": "link_payment",
        "uid": link,
        "amount": "100.0000",
        "currency": "GTQ",
        "status": "approved",
        "createdAt": None,
        "reference": mine.link["reference"],
        "externalId": mine.external_id,
        "userId": "50224865444",
        "maskedCard": "424242******4242",
        "cardLast4": "4242",
        "cardBrand": "visa",
        "owner": {"companyId": None, "clientSlug": mine.tenant.client_slug, "businessId": None},
    }
    assert by_kind["card_transaction"]["amount"] == "25.0000" and by_kind["card_transaction"]["status"] == "approved"
    assert by_kind["card_transaction"]["maskedCard"] == f"{mine.card_number[:6]}******{mine.card_number[-4:]}"
    assert by_kind["card_transaction"]["userId"] == str(mine.tenant.user_id)
    assert by_kind["card_transaction"]["owner"]["companyId"] == str(mine.tenant.company_id)
    terminal = by_kind["terminal_payment"]
    assert (terminal["amount"], terminal["cardLast4"], terminal["cardBrand"]) == ("42.5000", "4444", "mastercard")
    assert terminal["reference"] == mine.terminal_payment["reference"] and terminal["maskedCard"] is None
    assert terminal["owner"]["businessId"] is not None and terminal["owner"]["companyId"] == str(mine.tenant.company_id)
    assert mine.card_number not in str(listed) and LINK_CARD not in str(listed) and TERMINAL_CARD not in str(listed)

    # searchText: a uid, a reference, an externalId, a userId, a card's last four.
    assert await _uids(client, support, searchText=link) == [link]
    assert await _uids(client, support, searchText=mine.link["reference"]) == [link]
    assert await _uids(client, support, searchText=mine.external_id.lower()) == [link]
    assert await _uids(client, support, searchText="50224865444") == [link]
    assert await _uids(client, support, searchText="4242") == [link]
    assert await _uids(client, support, searchText=card) == [card]
    assert await _uids(client, support, searchText=mine.card_number[-4:]) == [card]
    assert await _uids(client, support, searchText=sale) == [sale]
    assert await _uids(client, support, searchText=mine.terminal_payment["reference"]) == [sale]
    assert await _uids(client, support, searchText="4444") == [sale]
    assert await _uids(client, support, searchText="no-such-payment") == []

    # Filters: kind, client, status, a time window, the operator's own partner.
    assert await _uids(client, support, kind="card_transaction") == [card]
    assert await _uids(client, support, client=mine.tenant.client_slug) == [link]
    assert await _uids(client, support, client="someone-elses-client") == []
    assert await _uids(client, support, status="approved", sortOrder="ASC") == [card, link, sale]
    assert await _uids(client, support, status="refunded") == []
    created = {item["uid"]: item["createdAt"] for item in listed["items"]}
    assert await _uids(client, support, createdFrom=created[link]) == [sale, link]
    assert await _uids(client, support, createdTo=created[link]) == [card]
    assert await _uids(client, support, partnerId=str(mine.tenant.partner_id), sortBy="amount") == [link, sale, card]
    _error(await client.get(TRANSACTIONS, params={"sortBy": "uid"}, headers=support), 400, 7000)

    # Pages of the merged list neither overlap nor skip.
    first = _data(await client.get(TRANSACTIONS, params={"limit": 2}, headers=support))
    second = _data(await client.get(TRANSACTIONS, params={"limit": 2, "page": 2}, headers=support))
    assert [i["uid"] for i in first["items"] + second["items"]] == [sale, link, card]
    assert second["meta"] == {"page": 2, "limit": 2, "totalItems": 3, "totalPages": 2}

    # One transaction, with what its kind tells.
    detail = _data(await client.get(f"{TRANSACTIONS}/{link}", headers=support))
    assert detail["uid"] == link and detail["cardTransaction"] is None and detail["terminalPayment"] is None
    assert detail["linkPayment"]["capturedAmount"] == "100.0000" and detail["linkPayment"]["refundedAmount"] == "0.0000"
    detail = _data(await client.get(f"{TRANSACTIONS}/{card}", headers=support))
    assert detail["cardTransaction"]["type"] == "load" and detail["cardTransaction"]["sourceCard"] is None
    assert detail["cardTransaction"]["targetCard"]["last4"] == mine.card_number[-4:]
    detail = _data(await client.get(f"{TRANSACTIONS}/{sale}", headers=support))
    assert (detail["terminalPayment"]["amount"], detail["terminalPayment"]["tip"]) == ("40.0000", "2.5000")
    assert mine.card_number not in str(detail)
    _error(await client.get(f"{TRANSACTIONS}/{'x' * 21}", headers=support), 404, 7830)
    reads = await _trail(client, await mine.tenant.operator_headers(client), action="getPartnerTransaction")
    assert {record["resource"]["uid"] for record in reads} == {link, card, sale, "x" * 21}


async def test_another_partners_transactions_are_never_listed_and_do_not_exist(client, frozen_clock):
    theirs = await partner_with_payments(client, frozen_clock)
    other = await create_tenant()
    mallory = await other.operator_headers(client)  # admin: every permission, of another partner
    uids = [theirs.link["uid"], theirs.card_transaction_id, theirs.terminal_payment["paymentId"]]

    assert await _uids(client, mallory) == []
    for searched in (*uids, theirs.link["reference"], theirs.external_id, "4242", "4444"):
        assert await _uids(client, mallory, searchText=searched) == []
    assert await _uids(client, mallory, client=theirs.tenant.client_slug) == []
    _error(
        await client.get(TRANSACTIONS, params={"partnerId": str(theirs.tenant.partner_id)}, headers=mallory), 404, 7812
    )
    for uid in uids:
        _error(await client.get(f"{TRANSACTIONS}/{uid}", headers=mallory), 404, 7830)
        refund = {"amount": "1", "reason": "Mallory wants it back"}
        _error(await client.post(f"{TRANSACTIONS}/{uid}/refund", json=refund, headers=mallory), 404, 7830)
    still = await client.get(f"/transactions/{theirs.link['uid']}", headers=merchant(theirs.tenant))
    assert (still.json()["status"], still.json()["refundedAmount"]) == ("approved", 0)
    # Their own operator sees all three.
    assert len(await _uids(client, await theirs.tenant.operator_headers(client))) == 3


async def test_a_refund_is_made_once_per_key_and_never_beyond_what_is_left(client, frozen_clock):
    mine = await partner_with_payments(client, frozen_clock)
    finance = await _operator(client, mine.tenant, "finance")
    uid = mine.link["uid"]
    path = f"{TRANSACTIONS}/{uid}/refund"
    body = {"amount": "30", "reason": "Customer returned part of the order"}

    first = await client.post(path, json=body, headers=finance | {"Idempotency-Key": "refund-1"})
    refund = _data(first, 201)
    assert (refund["status"], refund["amount"]) == ("succeeded", "30.0000")
    assert refund["transaction"]["linkPayment"]["refundedAmount"] == "30.0000"
    assert refund["transaction"]["status"] == "approved"
    replay = await client.post(path, json=body, headers=finance | {"Idempotency-Key": "refund-1"})
    assert replay.status_code == 201 and untraced(replay.json()) == untraced(first.json())
    assert replay.headers.get("Idempotent-Replayed") == "true"
    other_body = await client.post(
        path, json={**body, "amount": "31"}, headers=finance | {"Idempotency-Key": "refund-1"}
    )
    _error(other_body, 409, 7007)
    as_merchant = merchant(mine.tenant)
    refunds = (await client.get(f"/transactions/{uid}/refunds", headers=as_merchant)).json()["items"]
    assert [(r["amount"], r["reason"]) for r in refunds] == [(30, body["reason"])]  # one refund, not two

    # Beyond what is left (70): the merchant's refund error, and nothing changes.
    _error(await client.post(path, json={**body, "amount": "71"}, headers=finance), 409, 5014)
    _error(await client.post(path, json={**body, "amount": "1.50"}, headers=finance), 400, 7000)
    _error(await client.post(path, json={"amount": "5"}, headers=finance), 400, 7000)  # a reason is required
    link = (await client.get(f"/transactions/{uid}", headers=as_merchant)).json()
    assert (link["status"], link["refundedAmount"]) == ("approved", 30)
    assert len((await client.get(f"/transactions/{uid}/refunds", headers=as_merchant)).json()["items"]) == 1

    rest = _data(await client.post(path, json={"reason": "The rest of it"}, headers=finance), 201)
    assert rest["amount"] == "70.0000" and rest["transaction"]["status"] == "refunded"
    _error(await client.post(path, json={"reason": "Again"}, headers=finance), 409, 5014)

    # A terminal payment is refunded through its own refund; a card transaction is not refunded here.
    sale = mine.terminal_payment["paymentId"]
    sale_path = f"{TRANSACTIONS}/{sale}/refund"
    refunded = _data(
        await client.post(sale_path, json={"amount": "2.50", "reason": "Tip by mistake"}, headers=finance), 201
    )
    assert refunded["transaction"]["terminalPayment"]["refundedAmount"] == "2.5000"
    _error(await client.post(sale_path, json={"amount": "40.01", "reason": "Too much"}, headers=finance), 409, 7423)
    card = f"{TRANSACTIONS}/{mine.card_transaction_id}/refund"
    _error(await client.post(card, json={"reason": "Undo the load"}, headers=finance), 409, 7831)
    support = await _operator(client, mine.tenant, "support")  # reads transactions, refunds nothing
    _error(await client.post(path, json={"reason": "Support cannot"}, headers=support), 403, 7801)
    await assert_books_sound()

    kept = await _trail(client, await mine.tenant.operator_headers(client), resourceId=uid, sortOrder="ASC")
    made = [r for r in kept if r["action"] == "refundPartnerTransaction" and r["changes"]]  # not the replay
    assert [r["changes"]["refundedAmount"] for r in made] == [
        {"before": "0.0000", "after": "30.0000"},
        {"before": "30.0000", "after": "100.0000"},
    ]
    assert made[1]["changes"]["status"] == {"before": "approved", "after": "refunded"}
    assert made[0]["changes"]["reason"] == {"before": None, "after": body["reason"]}


async def test_finance_captures_a_two_step_authorization_once_and_support_cannot(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, capture_mode="manual")
    link = await create_link(client, tenant, amount=200)
    assert (await sandbox_pay(client, tenant, link["uid"])).json()["outcome"] == "authorized"
    path = f"{TRANSACTIONS}/{link['uid']}/capture"
    support = await _operator(client, tenant, "support")
    _error(await client.post(path, json={"amount": "150"}, headers=support), 403, 7801)
    finance = await _operator(client, tenant, "finance")
    _error(await client.post(path, json={"amount": "150.5"}, headers=finance), 400, 7000)  # whole units

    first = await client.post(path, json={"amount": "150"}, headers=finance | {"Idempotency-Key": "capture-1"})
    captured = _data(first, 200)
    assert (captured["status"], captured["linkPayment"]["capturedAmount"]) == ("approved", "150.0000")
    replay = await client.post(path, json={"amount": "150"}, headers=finance | {"Idempotency-Key": "capture-1"})
    assert untraced(replay.json()) == untraced(first.json()) and replay.headers.get("Idempotent-Replayed") == "true"
    _error(await client.post(path, headers=finance | {"Idempotency-Key": "capture-2"}), 409, 5012)  # once
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert (shown["status"], shown["capturedAmount"]) == ("approved", 150)  # the merchant sees it

    kept = await _trail(client, await tenant.operator_headers(client), resourceId=link["uid"])
    made = [r for r in kept if r["action"] == "capturePartnerTransaction" and r["changes"]]  # not the replay
    assert [r["changes"]["capturedAmount"] for r in made] == [{"before": "0.0000", "after": "150.0000"}]
