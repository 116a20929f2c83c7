"""The CVV answer is camelCase like every other answer (issue 13 §2: it said `card_id`), and never cached."""

from __future__ import annotations

from tests.factories import activate_card, bearer, create_cardholder, create_tenant, login, provision_cards


async def test_the_cvv_answer_has_exactly_the_documented_keys(client, app):
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    owner = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, owner["userId"])
    token = await login(client, tenant, owner["username"])
    path = f"/rest/cards/{card['cardId']}/cvv"
    view_token = (await client.post(f"{path}/view-token", headers=bearer(token))).json()["data"]["viewToken"]

    shown = await client.get(path, headers={**bearer(token), "x-view-token": view_token})
    assert shown.status_code == 200
    assert shown.headers["cache-control"] == "no-store"
    body = shown.json()
    assert set(body) == {"statusCode", "message", "data"}
    assert set(body["data"]) == {"cardId", "cvv"} and body["data"]["cardId"] == card["cardId"]
    gateway = next(route.app for route in app.routes if getattr(route, "path", None) == "/rest")
    documented = gateway.openapi()["components"]["schemas"]["CvvOut"]["properties"]
    assert set(documented) == set(body["data"])
