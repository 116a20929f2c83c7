"""Card lifecycle and per-user permissions: INACTIVE → ACTIVE ⇄ BLOCKED → CANCELLED, every step audited."""

from __future__ import annotations

from sqlalchemy import select

from migo.cards.models import CardEvent
from migo.platform.db import database
from tests.factories import activate_card, bearer, create_cardholder, create_tenant, login, provision_cards


async def _setup(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=2)
    owner = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, owner["userId"])
    return tenant, cards, owner, card


async def test_block_unblock_cancel_with_audit(client):
    tenant, _, _, card = await _setup(client)
    token = await tenant.app_token(client)
    path = f"/rest/cards/{card['cardId']}"
    blocked = await client.post(f"{path}/block", json={"reason": "lost in a taxi"}, headers=bearer(token))
    assert blocked.status_code == 200 and blocked.json()["data"]["status"] == "BLOCKED"
    twice = await client.post(f"{path}/block", headers=bearer(token))
    assert twice.status_code == 409 and twice.json()["error"]["code"] == 7208
    unblocked = await client.post(f"{path}/unblock", headers=bearer(token))
    assert unblocked.json()["data"]["status"] == "ACTIVE"
    cancelled = await client.post(f"{path}/cancel", json={"reason": "stolen"}, headers=bearer(token))
    assert cancelled.json()["data"]["status"] == "CANCELLED"
    final = await client.post(f"{path}/unblock", headers=bearer(token))
    assert final.status_code == 409 and final.json()["error"]["code"] == 7203
    async with database.transaction() as session:
        trail = (
            await session.scalars(
                select(CardEvent)
                .where(CardEvent.card_id == card["cardId"])
                .order_by(CardEvent.created_at, CardEvent.id)
            )
        ).all()
    assert [(e.action, e.from_status, e.to_status, e.reason) for e in trail] == [
        ("activate", "INACTIVE", "ACTIVE", None),
        ("block", "ACTIVE", "BLOCKED", "lost in a taxi"),
        ("unblock", "BLOCKED", "ACTIVE", None),
        ("cancel", "ACTIVE", "CANCELLED", "stolen"),
    ]
    assert all(e.actor_kind == "application" and e.channel == "api" for e in trail[1:])


async def test_inactive_cards_cannot_be_blocked_but_can_be_cancelled(client):
    tenant, cards, _, _ = await _setup(client)
    token = await tenant.app_token(client)
    path = f"/rest/cards/{cards.card_ids[1]}"
    assert (await client.post(f"{path}/block", headers=bearer(token))).json()["error"]["code"] == 7201
    assert (await client.post(f"{path}/cancel", headers=bearer(token))).json()["data"]["status"] == "CANCELLED"


async def test_alias_and_details(client):
    tenant, _, owner, card = await _setup(client)
    user_token = await login(client, tenant, owner["username"])
    renamed = await client.patch(
        f"/rest/cards/{card['cardId']}", json={"alias": "Groceries"}, headers=bearer(user_token)
    )
    assert renamed.status_code == 200
    details = (await client.get(f"/rest/cards/{card['cardId']}", headers=bearer(user_token))).json()["data"]
    assert details["alias"] == "Groceries" and details["permissions"] == ["view", "transact", "manage"]
    assert set(details) >= {"maskedPan", "last4", "status", "alias", "balance", "currency", "expiryMonth", "expiryYear"}


async def test_per_user_permissions(client):
    tenant, _, owner, card = await _setup(client)
    viewer = await create_cardholder(client, tenant, firstName="Vera")
    stranger = await create_cardholder(client, tenant, firstName="Sam")
    owner_token = await login(client, tenant, owner["username"])
    viewer_token = await login(client, tenant, viewer["username"])
    stranger_token = await login(client, tenant, stranger["username"])
    path = f"/rest/cards/{card['cardId']}"

    assert (await client.get(path, headers=bearer(stranger_token))).status_code == 404
    granted = await client.post(
        f"{path}/users", json={"userId": viewer["userId"], "permissions": ["view"]}, headers=bearer(owner_token)
    )
    assert granted.status_code == 200 and granted.json()["data"]["permissions"] == ["view"]
    seen = await client.get(path, headers=bearer(viewer_token))
    assert seen.status_code == 200 and seen.json()["data"]["permissions"] == ["view"]
    denied = await client.post(f"{path}/block", headers=bearer(viewer_token))
    assert denied.status_code == 403 and denied.json()["error"]["code"] == 7209
    # only the owner grants
    regrant = await client.post(
        f"{path}/users", json={"userId": stranger["userId"], "permissions": ["view"]}, headers=bearer(viewer_token)
    )
    assert regrant.status_code == 403
    users = (await client.get(f"{path}/users", headers=bearer(owner_token))).json()["data"]
    assert {(u["userId"], u["isOwner"]) for u in users} == {(owner["userId"], True), (viewer["userId"], False)}
    listed = await client.get(f"/rest/users/{viewer['userId']}/cards", headers=bearer(viewer_token))
    assert [c["cardId"] for c in listed.json()["data"]] == [card["cardId"]]

    revoked = await client.delete(f"{path}/users/{viewer['userId']}", headers=bearer(owner_token))
    assert revoked.status_code == 200 and revoked.json()["data"] == {"id": viewer["userId"], "deleted": True}
    assert (await client.get(path, headers=bearer(viewer_token))).status_code == 404
    owner_out = await client.delete(f"{path}/users/{owner['userId']}", headers=bearer(owner_token))
    assert owner_out.status_code == 409


async def test_other_companies_see_nothing(client):
    _, _, owner, card = await _setup(client)
    other = await create_tenant()
    token = await other.app_token(client)
    assert (await client.get(f"/rest/cards/{card['cardId']}", headers=bearer(token))).status_code == 404
    assert (await client.post(f"/rest/cards/{card['cardId']}/block", headers=bearer(token))).status_code == 404
    assert (await client.get(f"/rest/users/{owner['userId']}/cards", headers=bearer(token))).status_code == 404
