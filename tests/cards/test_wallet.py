"""A cardholder's wallet in one call (seeds 000 and 001, issue 18): `GET /rest/wallet` with the cardholder's token,
`GET /rest/users/{userId}/wallet` with the application's: cards owned and shared with their balances and the
holder's permissions, the latest movements over them, and the linked cards of other issuers."""

from __future__ import annotations

import re

from migo.cards import wallet
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, login, provision_cards, signed
from tests.traced import untraced
from tests.webhooks.test_inbound_and_gateway import notice

EXTERNAL_NUMBER = "5555555555554444"


async def _load(client, tenant, card_id: str, amount: str) -> None:
    loaded = await signed(client, tenant, "PUT", f"/rest/cards/{card_id}/funds", {"type": "load", "amount": amount})
    assert loaded.status_code == 200, loaded.text


async def _grant(client, token: str, card_id: str, user_id: str, permissions: list[str]) -> None:
    body = {"userId": user_id, "permissions": permissions}
    granted = await client.post(f"/rest/cards/{card_id}/users", json=body, headers=bearer(token))
    assert granted.status_code == 200, granted.text


async def _wallet_world(client):
    """Ana owns two cards; Bruno owns two more and shares one with her to `view` and `transact`, the other to
    `transact` only. Every card is loaded, then Ana moves 20 between her cards, and she links a Mastercard."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=4)
    ana = await create_cardholder(client, tenant, firstName="Ana")
    bruno = await create_cardholder(client, tenant, firstName="Bruno")
    ids = [
        (await activate_card(client, cards, index, holder["userId"]))["cardId"]
        for index, holder in enumerate((ana, ana, bruno, bruno))
    ]
    bruno_token = await login(client, tenant, bruno["username"])
    await _grant(client, bruno_token, ids[2], ana["userId"], ["view", "transact"])
    await _grant(client, bruno_token, ids[3], ana["userId"], ["transact"])
    for card_id, amount in zip(ids, ("100", "50", "30", "40"), strict=True):
        await _load(client, tenant, card_id, amount)
    body = {"sourceCardId": ids[0], "targetCardId": ids[1], "amount": "20"}
    moved = await signed(client, tenant, "POST", "/rest/cards/transfer", body)
    assert moved.status_code == 200, moved.text
    ana_token = await login(client, tenant, ana["username"])
    external = {"cardNumber": EXTERNAL_NUMBER, "expiryMonth": 12, "expiryYear": 2031, "holderName": "ANA PEREZ"}
    linked = await client.post(f"/rest/users/{ana['userId']}/external-cards", json=external, headers=bearer(ana_token))
    assert linked.status_code == 201, linked.text
    return tenant, cards, ids, ana, bruno, ana_token


async def test_the_wallet_shows_owned_and_shared_cards_movements_and_linked_cards(client):
    _, cards, ids, ana, _, ana_token = await _wallet_world(client)
    response = await client.get("/rest/wallet", headers=bearer(ana_token))
    assert response.status_code == 200, response.text
    envelope = response.json()
    assert envelope["statusCode"] == 200 and envelope["message"] == "OK"
    found = envelope["data"]
    assert found["userId"] == ana["userId"]

    shown = {card["cardId"]: card for card in found["cards"]}
    assert list(shown) == ids  # owned and shared, oldest first
    mine, other_mine, shared, transact_only = (shown[card_id] for card_id in ids)
    assert (mine["balance"], mine["availableBalance"], mine["currency"]) == ("80.0000", "80.0000", "GTQ")
    assert other_mine["balance"] == "70.0000"
    assert mine["isOwner"] is True and mine["permissions"] == ["view", "transact", "manage"]
    assert mine["maskedPan"] == f"489551******{cards.numbers[0][-4:]}" and mine["last4"] == cards.numbers[0][-4:]
    assert mine["status"] == "ACTIVE" and mine["ownerUserId"] == ana["userId"]
    assert shared["isOwner"] is False and shared["permissions"] == ["view", "transact"]
    assert shared["balance"] == "30.0000" and shared["ownerUserId"] != ana["userId"]
    # Shared without `view`: listed (she may transact with it), with no money shown, as GET /cards/{id} refuses it.
    assert transact_only["permissions"] == ["transact"] and transact_only["isOwner"] is False
    assert transact_only["balance"] is None and transact_only["availableBalance"] is None
    refused = await client.get(f"/rest/cards/{ids[3]}", headers=bearer(ana_token))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == 7209
    # Her list of cards says the same: the shared card's balance is not hers to see.
    listed = await client.get(f"/rest/users/{ana['userId']}/cards", headers=bearer(ana_token))
    money = {card["cardId"]: (card["balance"], card["availableBalance"]) for card in listed.json()["data"]}
    assert money[ids[3]] == (None, None) and money[ids[2]] == ("30.0000", "30.0000")

    # Newest first, over the cards she may view: the transfer's two legs, then the loads in reverse order; the
    # card shared for `transact` only contributes none.
    movements = found["recentMovements"]
    assert {(m["cardId"], m["amount"]) for m in movements[:2]} == {(ids[0], "-20.0000"), (ids[1], "20.0000")}
    assert [(m["cardId"], m["amount"]) for m in movements[2:]] == [
        (ids[2], "30.0000"),
        (ids[1], "50.0000"),
        (ids[0], "100.0000"),
    ]
    assert [int(m["movementId"]) for m in movements] == sorted((int(m["movementId"]) for m in movements), reverse=True)
    by_card = {card["cardId"]: card for card in found["cards"]}
    for movement in movements:
        assert movement["maskedPan"] == by_card[movement["cardId"]]["maskedPan"]
        assert movement["last4"] == by_card[movement["cardId"]]["last4"]
    # Each one is the card's own movement as GET /cards/{cardId}/movements shows it, plus the card it names.
    latest = (await client.get(f"/rest/cards/{ids[0]}/movements", headers=bearer(ana_token))).json()["data"]["items"]
    first = next(m for m in movements if m["cardId"] == ids[0])
    assert {k: v for k, v in first.items() if k not in {"cardId", "maskedPan", "last4"}} == latest[0]

    assert [(c["brand"], c["last4"]) for c in found["externalCards"]] == [("mastercard", "4444")]


async def test_the_application_reads_the_same_wallet_and_holds_count_in_the_available_balance(client):
    tenant, _, ids, ana, _, ana_token = await _wallet_world(client)
    await notice(client, type="authorization", cardId=ids[0], authorizationId="auth-1", amount="15", currency="GTQ")
    app = bearer(await tenant.app_token(client))
    as_app = await client.get(f"/rest/users/{ana['userId']}/wallet", headers=app)
    assert as_app.status_code == 200, as_app.text
    as_holder = await client.get("/rest/wallet", headers=bearer(ana_token))
    assert untraced(as_app.json()) == untraced(as_holder.json())  # the cardholder's view, whoever reads it
    card = as_app.json()["data"]["cards"][0]
    assert (card["balance"], card["availableBalance"]) == ("80.0000", "65.0000")
    # The same route with the cardholder's own token: her wallet too.
    own = await client.get(f"/rest/users/{ana['userId']}/wallet", headers=bearer(ana_token))
    assert own.status_code == 200 and untraced(own.json()) == untraced(as_holder.json())


async def test_only_the_latest_movements_are_shown(client, monkeypatch):
    monkeypatch.setattr(wallet, "RECENT_MOVEMENTS", 3)
    _, _, ids, _, _, ana_token = await _wallet_world(client)
    movements = (await client.get("/rest/wallet", headers=bearer(ana_token))).json()["data"]["recentMovements"]
    assert len(movements) == 3 and movements[2]["cardId"] == ids[2]


async def test_a_cardholder_without_cards_has_an_empty_wallet(client):
    tenant = await create_tenant()
    token = await tenant.user_tokens(client)
    found = await client.get("/rest/wallet", headers=bearer(token["accessToken"]))
    assert found.status_code == 200
    assert found.json()["data"] == {
        "userId": str(tenant.user_id),
        "cards": [],
        "recentMovements": [],
        "externalCards": [],
    }


async def test_who_may_read_which_wallet(client):
    tenant, _, _, ana, bruno, ana_token = await _wallet_world(client)
    app = bearer(await tenant.app_token(client))
    # The signed-in wallet is a cardholder's: the application's token alone names no one.
    alone = await client.get("/rest/wallet", headers=app)
    assert alone.status_code == 403 and alone.json()["error"]["code"] == 7012
    # The application's token plus the cardholder's x-user-token acts for her.
    on_behalf = await client.get("/rest/wallet", headers={**app, "x-user-token": ana_token})
    assert on_behalf.status_code == 200 and on_behalf.json()["data"]["userId"] == ana["userId"]
    # A cardholder reads no one else's wallet, as no one else's /users/{userId} (404/7100).
    others = await client.get(f"/rest/users/{bruno['userId']}/wallet", headers=bearer(ana_token))
    assert others.status_code == 404 and others.json()["error"]["code"] == 7100
    profile = await client.get(f"/rest/users/{bruno['userId']}", headers=bearer(ana_token))
    assert profile.json()["error"]["code"] == 7100
    # No token at all: 401 on both routes.
    for path in ("/rest/wallet", f"/rest/users/{ana['userId']}/wallet"):
        anonymous = await client.get(path)
        assert anonymous.status_code == 401 and anonymous.json()["statusCode"] == 401


async def test_another_companys_cardholder_is_not_found(client):
    _, _, _, ana, _, _ = await _wallet_world(client)
    other = await create_tenant()
    other_app = bearer(await other.app_token(client))
    theirs = await client.get(f"/rest/users/{ana['userId']}/wallet", headers=other_app)
    assert theirs.status_code == 404 and theirs.json()["error"]["code"] == 7100
    profile = await client.get(f"/rest/users/{ana['userId']}", headers=other_app)
    assert (profile.status_code, profile.json()["error"]["code"]) == (404, 7100)
    other_holder = bearer((await other.user_tokens(client))["accessToken"])
    also = await client.get(f"/rest/users/{ana['userId']}/wallet", headers=other_holder)
    assert also.status_code == 404 and also.json()["error"]["code"] == 7100


async def test_no_card_number_leaves_in_the_wallet(client):
    tenant, cards, _, ana, _, ana_token = await _wallet_world(client)
    app = bearer(await tenant.app_token(client))
    for response in (
        await client.get("/rest/wallet", headers=bearer(ana_token)),
        await client.get(f"/rest/users/{ana['userId']}/wallet", headers=app),
    ):
        assert response.status_code == 200
        assert not [number for number in [*cards.numbers, EXTERNAL_NUMBER] if number in response.text]
        assert "cvv" not in response.text.lower() and "ciphertext" not in response.text.lower()
        found = response.json()["data"]
        for card in found["cards"]:
            assert re.fullmatch(r"489551\*{6}[0-9]{4}", card["maskedPan"])
            assert set(card) & {"pan", "cardNumber", "number", "cvv"} == set()
        for movement in found["recentMovements"]:
            assert re.fullmatch(r"489551\*{6}[0-9]{4}", movement["maskedPan"])
