"""Third-party card linking: the number goes into the vault, only brand and last four come out."""

from __future__ import annotations

from tests.factories import bearer, create_cardholder, create_tenant, login


async def test_link_list_and_unlink(client):
    tenant = await create_tenant()
    holder = await create_cardholder(client, tenant)
    token = await login(client, tenant, holder["username"])
    path = f"/rest/users/{holder['userId']}/external-cards"
    body = {"cardNumber": "5555 5555 5555 4444", "expiryMonth": 12, "expiryYear": 2031, "holderName": "Ana Pérez"}
    linked = await client.post(path, json=body, headers=bearer(token))
    assert linked.status_code == 201
    card = linked.json()["data"]
    assert card["brand"] == "mastercard" and card["last4"] == "4444"
    assert "5555555555554444" not in linked.text and "cardNumber" not in card
    duplicate = await client.post(path, json=body, headers=bearer(token))
    assert duplicate.status_code == 409 and duplicate.json()["error"]["code"] == 7219
    visa = await client.post(path, json={**body, "cardNumber": "4242424242424242"}, headers=bearer(token))
    assert visa.json()["data"]["brand"] == "visa"
    listed = await client.get(path, headers=bearer(token))
    assert [c["last4"] for c in listed.json()["data"]] == ["4444", "4242"]
    removed = await client.delete(f"{path}/{card['externalCardId']}", headers=bearer(token))
    assert removed.status_code == 200
    assert [c["last4"] for c in (await client.get(path, headers=bearer(token))).json()["data"]] == ["4242"]


async def test_bad_cards_and_other_people(client):
    tenant = await create_tenant()
    holder = await create_cardholder(client, tenant)
    other = await create_cardholder(client, tenant, firstName="Otto")
    token = await login(client, tenant, holder["username"])
    path = f"/rest/users/{holder['userId']}/external-cards"
    base = {"cardNumber": "4242424242424242", "expiryMonth": 12, "expiryYear": 2031, "holderName": "Ana"}
    bad = await client.post(path, json={**base, "cardNumber": "4242424242424241"}, headers=bearer(token))
    assert bad.json()["error"]["code"] == 7205
    expired = await client.post(path, json={**base, "expiryYear": 2020}, headers=bearer(token))
    assert expired.json()["error"]["code"] == 7220
    theirs = await client.get(f"/rest/users/{other['userId']}/external-cards", headers=bearer(token))
    assert theirs.status_code == 404
    app_token = await tenant.app_token(client)
    assert (
        await client.get(f"/rest/users/{other['userId']}/external-cards", headers=bearer(app_token))
    ).status_code == 200
