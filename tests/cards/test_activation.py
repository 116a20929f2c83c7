"""Activation (seed 004 step 4): the API path and the hosted webview; the name must match the plastic."""

from __future__ import annotations

import re

from sqlalchemy import select

from migo.cards.models import Card, CardEvent
from migo.events.models import Event
from migo.platform import pan
from migo.platform.db import database
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards


async def _activate(client, cards, user_id, number, name):
    token = await cards.tenant.app_token(client)
    return await client.post(
        "/rest/cards/activate",
        json={"userId": str(user_id), "cardNumber": number, "cardholderName": name},
        headers=bearer(token),
    )


async def test_printed_cards_are_inactive_luhn_valid_on_the_bin_and_encrypted():
    cards = await provision_cards(await create_tenant(), count=3)
    async with database.transaction() as session:
        rows = (await session.scalars(select(Card).where(Card.id.in_(cards.card_ids)))).all()
    for number in cards.numbers:
        assert pan.is_valid(number) and number.startswith("489551") and len(number) == 16
    for row in rows:
        assert row.status == "INACTIVE" and row.owner_user_id is None
        assert all(number.encode() not in row.pan_ciphertext for number in cards.numbers)
        assert pan.reveal(row.pan_ciphertext).reveal() in cards.numbers


async def test_activation_by_api(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    user = await create_cardholder(client, tenant)
    number = cards.numbers[0]
    spaced = " ".join(number[i : i + 4] for i in range(0, 16, 4))
    response = await _activate(client, cards, user["userId"], spaced, "  ana   pérez ")  # case, accents, spaces
    assert response.status_code == 200, response.text
    card = response.json()["data"]
    assert card["status"] == "ACTIVE" and card["ownerUserId"] == user["userId"]
    assert card["maskedPan"] == f"{number[:6]}******{number[-4:]}" and card["last4"] == number[-4:]
    assert card["balance"] == "0.0000" and card["currency"] == "GTQ"
    assert number not in response.text
    async with database.transaction() as session:
        audit = (await session.scalars(select(CardEvent).where(CardEvent.card_id == cards.card_ids[0]))).all()
        events = (await session.scalars(select(Event).where(Event.subject_id == str(cards.card_ids[0])))).all()
    assert [(a.action, a.from_status, a.to_status, a.channel, a.actor_kind) for a in audit] == [
        ("activate", "INACTIVE", "ACTIVE", "api", "application")
    ]
    assert [e.type for e in events] == ["card.activated"]

    again = await _activate(client, cards, user["userId"], number, cards.name)
    assert again.status_code == 409 and again.json()["error"]["code"] == 7204


async def test_activation_refusals(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    user = await create_cardholder(client, tenant)
    wrong_name = await _activate(client, cards, user["userId"], cards.numbers[0], "SOMEONE ELSE")
    assert wrong_name.status_code == 400 and wrong_name.json()["error"]["code"] == 7207
    not_luhn = await _activate(
        client, cards, user["userId"], cards.numbers[0][:-1] + str((int(cards.numbers[0][-1]) + 1) % 10), cards.name
    )
    assert not_luhn.json()["error"]["code"] == 7205
    unknown = await _activate(client, cards, user["userId"], pan.generate("489551"), cards.name)
    assert unknown.json()["error"]["code"] == 7206
    other = await provision_cards(await create_tenant())
    foreign = await _activate(client, cards, user["userId"], other.numbers[0], other.name)
    assert foreign.json()["error"]["code"] == 7206  # another company's card is not there to activate
    missing_user = await _activate(client, cards, "00000000-0000-7000-8000-000000000000", cards.numbers[0], cards.name)
    assert missing_user.status_code == 404 and missing_user.json()["error"]["code"] == 7100


async def test_wrong_attempts_are_rate_limited(client, frozen_clock):
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    user = await create_cardholder(client, tenant)
    for _ in range(5):
        assert (await _activate(client, cards, user["userId"], pan.generate("489551"), cards.name)).status_code == 400
    locked = await _activate(client, cards, user["userId"], cards.numbers[0], cards.name)
    assert locked.status_code == 429 and locked.json()["error"]["code"] == 7009


async def test_webview_activation(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    user = await create_cardholder(client, tenant)
    form = await client.get("/card-activation", params={"client": "migoDeveloper", "userId": user["userId"]})
    assert form.status_code == 200
    assert 'for="cardNumber">Card number<' in form.text and 'for="cardholderName">Name on card<' in form.text
    assert "<script" not in form.text

    wrong = await client.post(
        "/card-activation",
        data={
            "userId": user["userId"],
            "client": "migoDeveloper",
            "cardNumber": cards.numbers[0],
            "cardholderName": "NOBODY",
        },
    )
    assert wrong.status_code == 400
    assert "does not match the name printed on the card" in wrong.text
    assert cards.numbers[0] not in wrong.text  # the number is never echoed back

    done = await client.post(
        "/card-activation",
        data={
            "userId": user["userId"],
            "client": "migoDeveloper",
            "cardNumber": cards.numbers[0],
            "cardholderName": cards.name,
        },
    )
    assert done.status_code == 200 and f"ending in {cards.numbers[0][-4:]}" in done.text
    async with database.transaction() as session:
        audit = await session.scalar(select(CardEvent).where(CardEvent.card_id == cards.card_ids[0]))
    assert audit.channel == "webview" and audit.actor_kind == "user"


async def test_webview_with_a_bad_link(client):
    for params in ({}, {"userId": "not-a-uuid"}, {"userId": "00000000-0000-7000-8000-000000000000"}):
        response = await client.get("/card-activation", params=params)
        assert response.status_code == 404
        assert re.search("activation link is not valid", response.text)


async def test_the_cardholders_cards(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=2)
    user = await create_cardholder(client, tenant)
    await activate_card(client, cards, 0, user["userId"])
    token = await tenant.app_token(client)
    listed = await client.get(f"/rest/users/{user['userId']}/cards", headers=bearer(token))
    assert [c["cardId"] for c in listed.json()["data"]] == [str(cards.card_ids[0])]
