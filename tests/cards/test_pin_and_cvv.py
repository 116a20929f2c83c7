"""PIN (keyed hash, three strikes, reset by OTP) and CVV (two steps, single-use 60 s token, never stored)."""

from __future__ import annotations

import hashlib
import hmac
import re

from sqlalchemy import text

from migo.cards import credentials
from migo.platform import security
from migo.platform.db import database
from migo.platform.secrets import CardNumber
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, login, provision_cards


async def _owned_card(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    owner = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, owner["userId"])
    token = await login(client, tenant, owner["username"])
    return tenant, cards, owner, card, token


async def _stored_pin_digest(card_id: str) -> bytes:
    async with database.transaction() as session:
        return await session.scalar(text("SELECT pin_digest FROM cards WHERE id = :id"), {"id": card_id})


def _keyed_pin_digest(card_id: str, pin: str) -> bytes:
    """What the design promises: HMAC-SHA256 of card and PIN under a server key derived from the master secret."""
    return hmac.new(security.derive_key("hmac:pin"), f"{card_id}:{pin}".encode(), hashlib.sha256).digest()


async def test_pin_set_verify_rotate(client):
    tenant, _, _, card, token = await _owned_card(client)
    path = f"/rest/cards/{card['cardId']}/pin"
    app_only = await client.put(path, json={"pin": "4827"}, headers=bearer(await tenant.app_token(client)))
    assert app_only.status_code == 403 and app_only.json()["error"]["code"] == 7012
    for weak in ("1111", "1234", "9876"):
        refused = await client.put(path, json={"pin": weak}, headers=bearer(token))
        assert refused.status_code == 400 and refused.json()["error"]["code"] == 7214
    assert (await client.put(path, json={"pin": "4827"}, headers=bearer(token))).status_code == 200
    assert (await client.put(path, json={"pin": "5927"}, headers=bearer(token))).json()["error"]["code"] == 7211
    assert (await client.post(f"{path}/verify", json={"pin": "4827"}, headers=bearer(token))).status_code == 200
    rotated = await client.post(f"{path}/rotate", json={"currentPin": "4827", "newPin": "3071"}, headers=bearer(token))
    assert rotated.status_code == 200
    assert (await client.post(f"{path}/verify", json={"pin": "3071"}, headers=bearer(token))).status_code == 200
    assert await _stored_pin_digest(card["cardId"]) == _keyed_pin_digest(card["cardId"], "3071")


async def test_the_pin_is_stored_as_a_keyed_hash_bound_to_its_card(client):
    """A 4-digit PIN has 10,000 values: an unkeyed hash of it, salted with the card id or not, is reversed by
    trying them all. Only the server key makes the stored digest useless to whoever reads the table."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    owner = await create_cardholder(client, tenant)
    ids = [(await activate_card(client, cards, i, owner["userId"]))["cardId"] for i in range(2)]
    token = await login(client, tenant, owner["username"])
    for card_id in ids:
        answer = await client.put(f"/rest/cards/{card_id}/pin", json={"pin": "4827"}, headers=bearer(token))
        assert answer.status_code == 200, answer.text

    first, second = [await _stored_pin_digest(card_id) for card_id in ids]
    for card_id, stored in zip(ids, (first, second), strict=True):
        unkeyed = {hashlib.sha256(value.encode()).digest() for value in ("4827", f"{card_id}:4827", f"{card_id}4827")}
        assert stored not in unkeyed
        assert stored == _keyed_pin_digest(card_id, "4827")
    assert first != second  # the same PIN on two cards: nothing tells a reader they are equal


async def test_three_wrong_pins_lock_until_an_otp_reset(client):
    tenant, _, owner, card, token = await _owned_card(client)
    path = f"/rest/cards/{card['cardId']}/pin"
    await client.put(path, json={"pin": "4827"}, headers=bearer(token))
    first = await client.post(f"{path}/verify", json={"pin": "0000"}, headers=bearer(token))
    assert first.json()["error"]["code"] == 7212 and "2 tries left" in first.json()["error"]["detail"]
    assert (await client.post(f"{path}/verify", json={"pin": "0001"}, headers=bearer(token))).json()["error"][
        "code"
    ] == 7212
    third = await client.post(f"{path}/verify", json={"pin": "0002"}, headers=bearer(token))
    assert third.status_code == 423 and third.json()["error"]["code"] == 7213
    right = await client.post(f"{path}/verify", json={"pin": "4827"}, headers=bearer(token))
    assert right.json()["error"]["code"] == 7213  # locked even for the right PIN

    app_token = await tenant.app_token(client)
    await client.post(
        "/rest/users/auth/otp", json={"username": owner["username"], "purpose": "pin_reset"}, headers=bearer(app_token)
    )
    outbox = await client.get("/rest/sandbox/outbox", params={"username": owner["username"]}, headers=bearer(app_token))
    code = re.search(r"\b(\d{6})\b", outbox.json()["data"]["items"][0]["body"]).group(1)
    reset = await client.post(f"{path}/reset", json={"code": code, "newPin": "6182"}, headers=bearer(token))
    assert reset.status_code == 200
    assert (await client.post(f"{path}/verify", json={"pin": "6182"}, headers=bearer(token))).status_code == 200


async def test_cvv_is_two_steps_single_use_and_bound_to_the_user(client, frozen_clock):
    tenant, cards, _, card, token = await _owned_card(client)
    path = f"/rest/cards/{card['cardId']}/cvv"
    app_token = await tenant.app_token(client)
    assert (await client.post(f"{path}/view-token", headers=bearer(app_token))).json()["error"]["code"] == 7012

    issued = await client.post(f"{path}/view-token", headers=bearer(token))
    assert issued.status_code == 200 and issued.json()["data"]["expiresIn"] == 60
    view_token = issued.json()["data"]["viewToken"]
    shown = await client.get(path, headers={**bearer(token), "x-view-token": view_token})
    assert shown.status_code == 200
    cvv = shown.json()["data"]["cvv"]
    assert re.fullmatch(r"\d{3}", cvv)
    assert cvv == credentials.derive_cvv(CardNumber(cards.numbers[0]), card["expiryMonth"], card["expiryYear"]).reveal()
    again = await client.get(path, headers={**bearer(token), "x-view-token": view_token})
    assert again.status_code == 403 and again.json()["error"]["code"] == 7215

    late = (await client.post(f"{path}/view-token", headers=bearer(token))).json()["data"]["viewToken"]
    frozen_clock.advance(seconds=61)  # the cardholder's own token (15 minutes) is still valid
    expired = await client.get(path, headers={**bearer(token), "x-view-token": late})
    assert expired.json()["error"]["code"] == 7215


async def test_another_users_view_token_does_not_work(client):
    tenant, _, _, card, owner_token = await _owned_card(client)
    helper = await create_cardholder(client, tenant, firstName="Hugo")
    await client.post(
        f"/rest/cards/{card['cardId']}/users",
        json={"userId": helper["userId"], "permissions": ["view", "transact"]},
        headers=bearer(owner_token),
    )
    helper_token = await login(client, tenant, helper["username"])
    owners = (await client.post(f"/rest/cards/{card['cardId']}/cvv/view-token", headers=bearer(owner_token))).json()[
        "data"
    ]["viewToken"]
    stolen = await client.get(
        f"/rest/cards/{card['cardId']}/cvv", headers={**bearer(helper_token), "x-view-token": owners}
    )
    assert stolen.status_code == 403 and stolen.json()["error"]["code"] == 7215


async def test_no_cvv_column_exists():
    query = text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE column_name ILIKE '%cvv%' OR column_name ILIKE '%cvc%'"
    )
    async with database.transaction() as session:
        columns = (await session.execute(query)).all()
    assert columns == []
