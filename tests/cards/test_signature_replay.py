"""A captured signature moves money once (CONTRACT §3, revised 2026-11-30).

The attacker of these tests holds what a network observer of one signed call holds: the application's Bearer
token and the request's headers and body. Each test captures a legitimate signed call and sends it again,
changed the way the attack run of issue 13 did.
"""

from __future__ import annotations

import asyncio
import secrets
from decimal import Decimal

from tests.books import assert_books_sound
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, provision_cards, signed
from tests.traced import untraced


async def _cards(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=2)
    holder = await create_cardholder(client, tenant)
    first = await activate_card(client, cards, 0, holder["userId"])
    second = await activate_card(client, cards, 1, holder["userId"])
    return tenant, first["cardId"], second["cardId"]


async def _balance(client, tenant, card_id) -> Decimal:
    response = await client.get(f"/rest/cards/{card_id}", headers=bearer(await tenant.app_token(client)))
    return Decimal(response.json()["data"]["balance"])


async def test_a_signature_resent_under_fresh_idempotency_keys_moves_money_once(client):
    tenant, card, _ = await _cards(client)
    first = await signed(client, tenant, "PUT", f"/rest/cards/{card}/funds", {"type": "load", "amount": "5"})
    assert first.status_code == 200, first.text
    captured = first.request
    for _ in range(2):
        headers = {**captured.headers, "idempotency-key": secrets.token_hex(8)}  # httpx keeps names lower case
        again = await client.put(captured.url.path, content=captured.content, headers=headers)
        assert again.status_code == 401 and again.json()["error"]["code"] == 7604, again.text
    assert await _balance(client, tenant, card) == Decimal(5)
    await assert_books_sound()


async def test_a_signature_re_aimed_at_another_card_is_refused(client):
    tenant, card0, card1 = await _cards(client)
    loaded = await signed(client, tenant, "PUT", f"/rest/cards/{card1}/funds", {"type": "load", "amount": "5"})
    assert loaded.status_code == 200, loaded.text
    captured = loaded.request
    # A fresh key, so not even the idempotency lookup could be what refuses it.
    headers = {**captured.headers, "idempotency-key": secrets.token_hex(8)}
    re_aimed = await client.put(f"/rest/cards/{card0}/funds", content=captured.content, headers=headers)
    assert re_aimed.status_code == 401 and re_aimed.json()["error"]["code"] == 7604
    assert await _balance(client, tenant, card0) == 0
    assert await _balance(client, tenant, card1) == Decimal(5)


async def test_the_same_signature_and_key_replay_the_first_answer(client):
    tenant, card, _ = await _cards(client)
    first = await signed(client, tenant, "PUT", f"/rest/cards/{card}/funds", {"type": "load", "amount": "7"})
    captured = first.request
    retries = await asyncio.gather(
        *(client.put(captured.url.path, content=captured.content, headers=captured.headers) for _ in range(4))
    )
    for retry in retries:
        assert retry.status_code == 200 and retry.headers["idempotent-replayed"] == "true"
        assert untraced(retry.json()) == untraced(first.json())
    assert await _balance(client, tenant, card) == Decimal(7)


async def test_concurrent_copies_of_one_signed_call_move_money_once(client):
    tenant, card, _ = await _cards(client)
    token = await tenant.app_token(client)
    path = f"/rest/cards/{card}/funds"
    body = b'{"type": "load", "amount": "3"}'
    headers = {**bearer(token), **tenant.signed_headers(body, method="PUT", path=path, idempotency_key="once")}
    answers = await asyncio.gather(*(client.put(path, content=body, headers=headers) for _ in range(8)))
    assert {answer.status_code for answer in answers} <= {200, 409}
    fresh = [answer for answer in answers if answer.status_code == 200 and "idempotent-replayed" not in answer.headers]
    assert len(fresh) == 1
    assert await _balance(client, tenant, card) == Decimal(3)
    unkeyed = {**bearer(token), **tenant.signed_headers(b'{"type": "load", "amount": "2"}', method="PUT", path=path)}
    answers = await asyncio.gather(
        *(client.put(path, content=b'{"type": "load", "amount": "2"}', headers=unkeyed) for _ in range(8))
    )
    assert sorted(answer.status_code for answer in answers) == [200] + [401] * 7
    assert await _balance(client, tenant, card) == Decimal(5)
    await assert_books_sound()


async def test_a_signature_refused_for_a_business_reason_cannot_be_played_later(client):
    """A cardholder's transfer was refused (no `transact` permission yet) and rolled back: its signature is
    spent all the same, so whoever captured it cannot make it move money once the permission is granted."""
    from tests.factories import login

    tenant, card, other = await _cards(client)
    loaded = await signed(client, tenant, "PUT", f"/rest/cards/{card}/funds", {"type": "load", "amount": "9"})
    assert loaded.status_code == 200
    viewer = await create_cardholder(client, tenant, firstName="Sam")
    token = await tenant.app_token(client)
    granted = await client.post(
        f"/rest/cards/{card}/users", json={"userId": viewer["userId"], "permissions": ["view"]}, headers=bearer(token)
    )
    assert granted.status_code == 200
    viewer_token = await login(client, tenant, viewer["username"])
    body = {"sourceCardId": card, "targetCardId": other, "amount": "4"}
    refused = await signed(
        client,
        tenant,
        "POST",
        "/rest/cards/transfer",
        body,
        idempotency_key=None,
        headers={"x-user-token": viewer_token},
    )
    assert refused.status_code == 403 and refused.json()["error"]["code"] == 7209
    regranted = await client.post(
        f"/rest/cards/{card}/users",
        json={"userId": viewer["userId"], "permissions": ["view", "transact"]},
        headers=bearer(token),
    )
    assert regranted.status_code == 200
    captured = refused.request
    replayed = await client.post(captured.url.path, content=captured.content, headers=captured.headers)
    assert replayed.status_code == 401 and replayed.json()["error"]["code"] == 7604
    assert await _balance(client, tenant, card) == Decimal(9)


async def test_a_malformed_key_id_is_a_bad_signature_not_a_server_error(client):
    tenant, card, _ = await _cards(client)
    for key_id in ("k" * 65, "key with spaces", "key;1=1", "../key"):
        sent = await signed(
            client,
            tenant,
            "PUT",
            f"/rest/cards/{card}/funds",
            {"type": "load", "amount": "1"},
            headers={"x-key-id": key_id},
        )
        assert sent.status_code == 401 and sent.json()["error"]["code"] == 7604, (key_id, sent.text)
    assert await _balance(client, tenant, card) == Decimal(0)
