"""An operator blocks a cardholder on the CMS: its sign-in stops at once (access token, refresh token, a new
sign-in) and every ACTIVE card it owns is blocked with the reason; unblocking restores the sign-in and exactly the
cards the block blocked, never one blocked for another reason. Both are idempotent, audited with before and
after, and heard of as events; another partner's cardholder does not exist."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.backoffice.test_audit import _trail
from tests.factories import (
    USER_PASSWORD,
    Tenant,
    activate_card,
    bearer,
    create_cardholder,
    create_tenant,
    provision_cards,
)
from tests.merchants.test_cms_review import _data, _error, _operator


def _base(tenant: Tenant) -> str:
    return f"/cms/rest/app/partners/{tenant.partner_id}"


async def _card_statuses(client: httpx.AsyncClient, tenant: Tenant, headers: dict[str, str]) -> dict[str, Any]:
    detail = _data(await client.get(f"{_base(tenant)}/cardholders/{tenant.user_id}", headers=headers))
    return {card["cardId"]: (card["status"], card["blockedWithHolder"]) for card in detail["cards"]}


async def _events(client: httpx.AsyncClient, tenant: Tenant, event_type: str, subject: Any) -> list[dict[str, Any]]:
    app = bearer(await tenant.app_token(client))
    params = {"type": event_type, "subjectId": str(subject)}
    return _data(await client.get("/rest/events", params=params, headers=app))["items"]  # type: ignore[no-any-return]


async def test_a_block_stops_sign_in_and_active_cards_at_once_and_unblock_restores_exactly_those(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=4)
    user = tenant.user_id
    active, lost, paused = [(await activate_card(client, cards, i, user))["cardId"] for i in range(3)]
    other = await create_cardholder(client, tenant)
    shared = (await activate_card(client, cards, 3, other["userId"]))["cardId"]  # another's card, shared with it
    app = bearer(await tenant.app_token(client))
    grant = {"userId": str(user), "permissions": ["view", "transact"]}
    assert (await client.post(f"/rest/cards/{shared}/users", json=grant, headers=app)).status_code == 200
    support = await _operator(client, tenant, "support")
    base = _base(tenant)
    # Blocked before, for other reasons: by an operator, and by the cardholder itself.
    _data(await client.post(f"{base}/cards/{lost}/block", json={"reason": "Reported lost"}, headers=support))
    signed_in = await tenant.user_tokens(client)
    holder = bearer(signed_in["accessToken"])
    assert (await client.post(f"/rest/cards/{paused}/block", headers=holder)).status_code == 200

    reason = {"reason": "Suspected account takeover"}
    blocked = _data(await client.post(f"{base}/cardholders/{user}/block", json=reason, headers=support))
    assert blocked["status"] == "disabled" and blocked["blockReason"] == "Suspected account takeover"
    assert blocked["cards"] == [{"cardId": active, "status": "BLOCKED", "previousStatus": "ACTIVE"}]

    # At once: the access token in hand, its refresh token and a new sign-in are all refused.
    _error(await client.get(f"/rest/cards/{active}", headers=holder), 401, 7001)
    refresh = {"refreshToken": signed_in["refreshToken"]}
    _error(await client.post("/rest/users/auth/refresh", json=refresh, headers=app), 401, 7011)
    login = {"username": tenant.username, "password": USER_PASSWORD}
    _error(await client.post("/rest/users/auth/login", json=login, headers=app), 403, 7102)
    assert await _card_statuses(client, tenant, support) == {
        active: ("BLOCKED", True),
        lost: ("BLOCKED", False),
        paused: ("BLOCKED", False),
        shared: ("ACTIVE", False),  # its owner's to block
    }
    detail = _data(await client.get(f"{base}/cardholders/{user}", headers=support))
    assert (detail["status"], detail["blockReason"]) == ("disabled", "Suspected account takeover")
    assert detail["blockedAt"] == blocked["blockedAt"]

    # Idempotent: the cardholder as it is, nothing changed.
    again = _data(await client.post(f"{base}/cardholders/{user}/block", json={"reason": "Again"}, headers=support))
    assert again == {**blocked, "cards": []}

    unblocked = _data(await client.post(f"{base}/cardholders/{user}/unblock", json=reason, headers=support))
    assert (unblocked["status"], unblocked["blockedAt"], unblocked["blockReason"]) == ("active", None, None)
    assert unblocked["cards"] == [{"cardId": active, "status": "ACTIVE", "previousStatus": "BLOCKED"}]
    assert await _card_statuses(client, tenant, support) == {
        active: ("ACTIVE", False),
        lost: ("BLOCKED", False),
        paused: ("BLOCKED", False),
        shared: ("ACTIVE", False),
    }
    assert (await client.post("/rest/users/auth/login", json=login, headers=app)).status_code == 200
    _error(await client.post("/rest/users/auth/refresh", json=refresh, headers=app), 401, 7011)  # stays ended
    repeat = _data(await client.post(f"{base}/cardholders/{user}/unblock", json=reason, headers=support))
    assert repeat == {**unblocked, "cards": []}

    # Heard of: the cardholder's own events, and the card's as any card block.
    assert [e["data"] for e in await _events(client, tenant, "cardholder.blocked", user)] == [
        {"userId": str(user), "status": "disabled", "reason": "Suspected account takeover"}
    ]
    assert len(await _events(client, tenant, "cardholder.unblocked", user)) == 1
    [card_blocked] = await _events(client, tenant, "card.blocked", active)
    assert card_blocked["data"]["reason"] == "Suspected account takeover"

    kept = await _trail(client, await tenant.operator_headers(client), resourceId=str(user), sortOrder="ASC")
    assert [(r["action"], r["status"], r["changes"]) for r in kept if r["action"] != "getPartnerCardholder"] == [
        (
            "blockPartnerCardholder",
            200,
            {"status": {"before": "active", "after": "disabled"}, "blockedCards": {"before": [], "after": [active]}},
        ),
        ("blockPartnerCardholder", 200, None),
        (
            "unblockPartnerCardholder",
            200,
            {"status": {"before": "disabled", "after": "active"}, "blockedCards": {"before": [active], "after": []}},
        ),
        ("unblockPartnerCardholder", 200, None),
    ]


async def test_a_card_moved_by_someone_else_during_the_block_is_no_longer_the_blocks(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    card = (await activate_card(client, cards, 0, tenant.user_id))["cardId"]
    support = await _operator(client, tenant, "support")
    base = _base(tenant)
    _data(await client.post(f"{base}/cardholders/{tenant.user_id}/block", json={"reason": "Fraud"}, headers=support))
    # Meanwhile the card is unblocked and blocked again, for a reason of its own.
    _data(await client.post(f"{base}/cards/{card}/unblock", json={"reason": "Checked"}, headers=support))
    _data(await client.post(f"{base}/cards/{card}/block", json={"reason": "Stolen"}, headers=support))
    lifted = _data(
        await client.post(f"{base}/cardholders/{tenant.user_id}/unblock", json={"reason": "Cleared"}, headers=support)
    )
    assert lifted["status"] == "active" and lifted["cards"] == []
    assert await _card_statuses(client, tenant, support) == {card: ("BLOCKED", False)}


async def test_a_blocked_cardholder_gets_no_new_card(client):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    support = await _operator(client, tenant, "support")
    _data(
        await client.post(
            f"{_base(tenant)}/cardholders/{tenant.user_id}/block", json={"reason": "Fraud"}, headers=support
        )
    )
    app = bearer(await tenant.app_token(client))
    body = {"userId": str(tenant.user_id), "cardNumber": cards.numbers[0], "cardholderName": cards.name}
    _error(await client.post("/rest/cards/activate", json=body, headers=app), 403, 7102)
    assert await _card_statuses(client, tenant, support) == {}


async def test_another_partners_cardholder_does_not_exist_and_stays_as_it_is(client):
    tenant, other = await create_tenant(), await create_tenant()
    cards = await provision_cards(tenant, count=1)
    card = (await activate_card(client, cards, 0, tenant.user_id))["cardId"]
    theirs = await other.operator_headers(client)
    body = {"reason": "Mallory was here"}
    for action in ("block", "unblock"):
        own = f"{_base(other)}/cardholders"
        _error(await client.post(f"{own}/{tenant.user_id}/{action}", json=body, headers=theirs), 404, 7100)
        _error(await client.post(f"{own}/{uuid.uuid4()}/{action}", json=body, headers=theirs), 404, 7100)
        mine = f"{_base(tenant)}/cardholders/{tenant.user_id}/{action}"
        _error(await client.post(mine, json=body, headers=theirs), 404, 7812)
    assert (await tenant.user_tokens(client))["accessToken"]  # still signs in
    assert await _card_statuses(client, tenant, await tenant.operator_headers(client)) == {card: ("ACTIVE", False)}
