"""Loads, unloads and card-to-card transfers: signed, idempotent, approved or denied (seed 001, seed 003)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from migo.cards.models import CardTransaction
from migo.events.models import Event
from migo.platform.db import database
from tests.books import assert_books_sound
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards, signed
from tests.traced import untraced


async def _two_active_cards(client, **program):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=3, **program)
    ana = await create_cardholder(client, tenant)
    luis = await create_cardholder(client, tenant, firstName="Luis")
    first = await activate_card(client, cards, 0, ana["userId"])
    second = await activate_card(client, cards, 1, luis["userId"])
    return tenant, cards, first["cardId"], second["cardId"]


async def _load(client, tenant, card_id, amount, **headers):
    return await signed(
        client, tenant, "PUT", f"/rest/cards/{card_id}/funds", {"type": "load", "amount": amount}, headers=headers
    )


async def assert_denied_record(response, kind: str) -> None:
    """Seed 001: the answer says what was denied. The error envelope names the denied transaction it recorded."""
    error = response.json()["error"]
    assert error["status"] == "denied"
    async with database.transaction() as session:
        recorded = await session.get(CardTransaction, uuid.UUID(error["transactionId"]))
    assert recorded is not None
    assert (recorded.type, recorded.status, recorded.denial_code) == (kind, "denied", error["code"])


async def test_load_and_unload(client):
    tenant, _, card, _ = await _two_active_cards(client)
    loaded = await _load(client, tenant, card, "150.25")
    assert loaded.status_code == 200, loaded.text
    data = loaded.json()["data"]
    assert data["type"] == "load" and data["status"] == "approved"
    assert data["amount"] == "150.2500" and data["balance"] == "150.2500" and data["currency"] == "GTQ"
    unloaded = await signed(
        client, tenant, "PUT", f"/rest/cards/{card}/funds", {"type": "unload", "amount": 50, "description": "refund"}
    )
    assert unloaded.json()["data"]["balance"] == "100.2500"
    too_much = await signed(
        client, tenant, "PUT", f"/rest/cards/{card}/funds", {"type": "unload", "amount": "100.2501"}
    )
    assert too_much.status_code == 422 and too_much.json()["error"]["code"] == 7303
    await assert_denied_record(too_much, "unload")
    await assert_books_sound()


async def test_funds_need_a_signature_and_an_application(client):
    tenant, _, card, _ = await _two_active_cards(client)
    token = await tenant.app_token(client)
    unsigned = await client.put(
        f"/rest/cards/{card}/funds", json={"type": "load", "amount": "1"}, headers=bearer(token)
    )
    assert unsigned.status_code == 401 and unsigned.json()["error"]["code"] == 7604
    for bad in (
        {"type": "load", "amount": 1.5},
        {"type": "load", "amount": "0"},
        {"type": "gift", "amount": "1"},
        {"type": "load", "amount": "1.00001"},
    ):
        response = await signed(client, tenant, "PUT", f"/rest/cards/{card}/funds", bad)
        assert response.status_code == 400 and response.json()["error"]["code"] == 7000, bad


async def test_load_limits(client):
    tenant, cards, card, _ = await _two_active_cards(client, max_balance="1000", funding="1200")
    assert (await _load(client, tenant, card, "1000")).status_code == 200
    over = await _load(client, tenant, card, "0.01")
    assert over.status_code == 422 and over.json()["error"]["code"] == 7306
    await assert_denied_record(over, "load")
    second = (
        await client.get(f"/rest/cards/{cards.card_ids[1]}", headers=bearer(await tenant.app_token(client)))
    ).json()
    assert second["data"]["status"] == "ACTIVE"
    unfunded = await _load(client, tenant, cards.card_ids[1], "200.01")
    assert unfunded.status_code == 422 and unfunded.json()["error"]["code"] == 7307
    await assert_denied_record(unfunded, "load")
    inactive = await _load(client, tenant, cards.card_ids[2], "1")
    assert inactive.status_code == 409 and inactive.json()["error"]["code"] == 7201
    await assert_denied_record(inactive, "load")
    await assert_books_sound()


async def test_transfer_approved_then_denied_for_insufficient_funds(client):
    tenant, _, source, target = await _two_active_cards(client)
    await _load(client, tenant, source, "100")
    approved = await signed(
        client,
        tenant,
        "POST",
        "/rest/cards/transfer",
        {"sourceCardId": source, "targetCardId": target, "amount": "40.5", "description": "lunch"},
    )
    assert approved.status_code == 200, approved.text
    data = approved.json()["data"]
    assert data["status"] == "approved" and data["balance"] == "59.5000" and data["description"] == "lunch"
    denial = {"sourceCardId": source, "targetCardId": target, "amount": "59.5001"}
    denied = await signed(client, tenant, "POST", "/rest/cards/transfer", denial, idempotency_key="deny-once")
    assert denied.status_code == 422
    replayed = await signed(client, tenant, "POST", "/rest/cards/transfer", denial, idempotency_key="deny-once")
    assert replayed.headers["Idempotent-Replayed"] == "true" and untraced(replayed.json()) == untraced(denied.json())
    error = denied.json()["error"]
    assert error["code"] == 7303 and error["name"] == "INSUFFICIENT_FUNDS"
    async with database.transaction() as session:
        recorded = (
            await session.scalars(
                select(CardTransaction)
                .where(CardTransaction.source_card_id == source)
                .order_by(CardTransaction.created_at)
            )
        ).all()
        types = (await session.scalars(select(Event.type).where(Event.company_id == tenant.company_id))).all()
    assert [(t.status, t.denial_code) for t in recorded] == [("approved", None), ("denied", 7303)]
    assert str(recorded[1].id) in error["detail"]
    assert (error["transactionId"], error["status"]) == (str(recorded[1].id), "denied")
    assert {"transfer.approved", "transfer.denied", "card.funds_loaded"} <= set(types)
    token = await tenant.app_token(client)
    fetched = await client.get(f"/rest/cards/transactions/{recorded[1].id}", headers=bearer(token))
    assert fetched.json()["data"]["status"] == "denied" and fetched.json()["data"]["denialCode"] == 7303
    target_card = (await client.get(f"/rest/cards/{target}", headers=bearer(token))).json()["data"]
    assert target_card["balance"] == "40.5000"
    await assert_books_sound()


async def test_transfer_denials_each_with_its_code(client):
    tenant, cards, source, target = await _two_active_cards(
        client, per_transfer_limit="500", daily_transfer_limit="700"
    )
    await _load(client, tenant, source, "2000")
    token = await tenant.app_token(client)

    async def transfer(to, amount):
        return await signed(
            client,
            tenant,
            "POST",
            "/rest/cards/transfer",
            {"sourceCardId": source, "targetCardId": str(to), "amount": amount},
            token=token,
        )

    assert (await transfer(source, "1")).json()["error"]["code"] == 7301
    assert (await transfer(target, "500.01")).json()["error"]["code"] == 7304
    assert (await transfer(target, "500")).status_code == 200
    assert (await transfer(target, "200.01")).json()["error"]["code"] == 7305
    assert (await transfer(cards.card_ids[2], "1")).json()["error"]["code"] == 7201  # target not activated
    await client.post(f"/rest/cards/{target}/block", headers=bearer(token))
    assert (await transfer(target, "1")).json()["error"]["code"] == 7202
    other = await provision_cards(await create_tenant())
    assert (await transfer(other.card_ids[0], "1")).json()["error"]["code"] == 7302
    # a card that does not exist is "not in this company" too: nothing tells other companies' cards apart
    assert (await transfer("00000000-0000-7000-8000-000000000000", "1")).json()["error"]["code"] == 7302
    await assert_books_sound()


async def test_transfers_are_idempotent(client):
    tenant, _, source, target = await _two_active_cards(client)
    await _load(client, tenant, source, "100")
    body = {"sourceCardId": source, "targetCardId": target, "amount": "10"}
    first = await signed(client, tenant, "POST", "/rest/cards/transfer", body, idempotency_key="t-1")
    again = await signed(client, tenant, "POST", "/rest/cards/transfer", body, idempotency_key="t-1")
    assert again.headers["idempotent-replayed"] == "true" and untraced(again.json()) == untraced(first.json())
    async with database.transaction() as session:
        count = await session.scalar(
            select(func.count()).select_from(CardTransaction).where(CardTransaction.source_card_id == source)
        )
    assert count == 1
    other_body = await signed(
        client, tenant, "POST", "/rest/cards/transfer", {**body, "amount": "11"}, idempotency_key="t-1"
    )
    assert other_body.status_code == 409 and other_body.json()["error"]["code"] == 7007


async def test_a_malformed_idempotency_key_is_reported_only_once_the_signature_verifies(client):
    tenant, _, source, target = await _two_active_cards(client)
    body = {"sourceCardId": source, "targetCardId": target, "amount": "1"}
    bad_signature = await signed(
        client,
        tenant,
        "POST",
        "/rest/cards/transfer",
        body,
        idempotency_key="bad key",
        headers={"x-signature": "AAAA"},
    )
    assert bad_signature.status_code == 401 and bad_signature.json()["error"]["code"] == 7604
    bad_key = await signed(client, tenant, "POST", "/rest/cards/transfer", body, idempotency_key="bad key")
    assert bad_key.status_code == 400


async def test_a_cardholder_can_transfer_from_a_card_they_may_transact_with(client):
    from tests.factories import login

    tenant, _, source, target = await _two_active_cards(client)
    await _load(client, tenant, source, "100")
    stranger = await create_cardholder(client, tenant, firstName="Sam")
    stranger_token = await login(client, tenant, stranger["username"])
    response = await signed(
        client,
        tenant,
        "POST",
        "/rest/cards/transfer",
        {"sourceCardId": source, "targetCardId": target, "amount": "1"},
        headers={"x-user-token": stranger_token},
    )
    assert response.status_code == 404  # not their card


async def test_movements_with_running_balance_and_dates(client, frozen_clock):
    tenant, _, source, target = await _two_active_cards(client)
    await _load(client, tenant, source, "100")
    frozen_clock.advance(days=1)
    await signed(
        client, tenant, "POST", "/rest/cards/transfer", {"sourceCardId": source, "targetCardId": target, "amount": "30"}
    )
    await signed(client, tenant, "PUT", f"/rest/cards/{source}/funds", {"type": "unload", "amount": "20"})
    token = await tenant.app_token(client)
    listed = await client.get(f"/rest/cards/{source}/movements", headers=bearer(token))
    items = listed.json()["data"]["items"]
    assert [(m["type"], m["amount"], m["balanceAfter"]) for m in items] == [
        ("card_unload", "-20.0000", "50.0000"),
        ("card_transfer", "-30.0000", "70.0000"),
        ("card_load", "100.0000", "100.0000"),
    ]
    oldest_first = await client.get(
        f"/rest/cards/{source}/movements", params={"sortOrder": "ASC", "limit": 1}, headers=bearer(token)
    )
    assert oldest_first.json()["data"]["items"][0]["type"] == "card_load"
    assert oldest_first.json()["data"]["meta"]["totalPages"] == 3
    today = frozen_clock.now().date().isoformat()
    since_today = await client.get(f"/rest/cards/{source}/movements", params={"from": today}, headers=bearer(token))
    assert [m["type"] for m in since_today.json()["data"]["items"]] == ["card_unload", "card_transfer"]
    before_today = await client.get(f"/rest/cards/{source}/movements", params={"to": today}, headers=bearer(token))
    assert [m["type"] for m in before_today.json()["data"]["items"]] == ["card_load"]
