"""An operator's scope (issue 16): its partner's objects (`partner`), every partner's (`global`: an operator of
the platform's partner), or one Payment Link client's payments (`client`: a merchant's dashboard user). A scoped
operator never sees anything outside its scope: another partner, or a partner-wide object for an operator of one
client, answers as if it did not exist."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from migo.identity import applications, operators
from migo.platform.db import database
from migo.platform.secrets import Password
from tests.factories import (
    OPERATOR_PASSWORD,
    configure_payment_client,
    create_link,
    create_tenant,
    sandbox_pay,
    signed,
)
from tests.merchants.test_cms_review import _data, _error


async def _global_operator_account() -> tuple[str, str]:
    """A new admin of the platform's partner (made once per database: there is one platform): the partner's id
    (the dashboard's account) and the admin's username; its password is OPERATOR_PASSWORD."""
    async with database.transaction() as session:
        platform = await applications.platform_partner(session) or await applications.create_partner(
            session, "Platform", platform=True
        )
        username = f"global.{uuid.uuid4().hex[:6]}"
        await operators.create_operator(
            session,
            platform,
            username=username,
            password=Password(OPERATOR_PASSWORD),
            display_name="G",
            roles=["admin"],
        )
    return str(platform.id), username


async def _global_operator(http: httpx.AsyncClient) -> dict[str, str]:
    """CMS headers of a new admin of the platform's partner, signed in through a CMS application of its own."""
    platform_id, username = await _global_operator_account()
    async with database.transaction() as session:
        platform = await applications.platform_partner(session)
        assert platform is not None and str(platform.id) == platform_id
        cms = await applications.create_application(session, kind="cms", name="platform", partner=platform)
    credentials = {"clientId": cms.application.client_id, "clientSecret": cms.client_secret.reveal()}
    app_token = _data(await http.post("/cms/rest/auth/token", json=credentials))["accessToken"]
    app = {"Authorization": f"Bearer {app_token}"}
    login = await http.post(
        "/cms/rest/auth/login", json={"username": username, "password": OPERATOR_PASSWORD}, headers=app
    )
    return {**app, "x-user-token": _data(login)["accessToken"]}


async def test_a_global_operator_acts_on_every_partner_and_a_partner_operator_on_its_own(client):
    tenant, other = await create_tenant(), await create_tenant()
    platform = await _global_operator(client)
    me = _data(await client.get("/cms/rest/me", headers=platform))
    assert me["scope"] == "global" and me["clientSlug"] is None

    for partner in (tenant, other):
        found = _data(await client.get(f"/cms/rest/app/partners/{partner.partner_id}/cardholders", headers=platform))
        assert [item["userId"] for item in found["items"]] == [str(partner.user_id)]
        one = await client.get(
            f"/cms/rest/app/partners/{partner.partner_id}/cardholders/{partner.user_id}", headers=platform
        )
        assert _data(one)["companyId"] == str(partner.company_id)
    # A partner that does not exist does not exist for it either; nor another partner's cardholder under this one.
    _error(await client.get(f"/cms/rest/app/partners/{uuid.uuid4()}/cardholders", headers=platform), 404, 7812)
    mixed = f"/cms/rest/app/partners/{tenant.partner_id}/cardholders/{other.user_id}"
    _error(await client.get(mixed, headers=platform), 404, 7100)

    own = await tenant.operator_headers(client)
    assert _data(await client.get("/cms/rest/me", headers=own))["scope"] == "partner"
    _error(await client.get(f"/cms/rest/app/partners/{other.partner_id}/cardholders", headers=own), 404, 7812)
    # What the platform did with the partner's data is in the partner's own trail, and the global operator
    # reads it there; a partner's operator reads no other partner's trail.
    reads = {"action": "getPartnerCardholder", "resourceId": str(tenant.user_id)}
    kept = _data(await client.get("/cms/rest/audit", params=reads, headers=own))["items"]
    assert [record["operatorId"] for record in kept] == [me["operatorId"]]
    theirs = {**reads, "partnerId": str(tenant.partner_id)}
    assert _data(await client.get("/cms/rest/audit", params=theirs, headers=platform))["items"] == kept
    _error(await client.get("/cms/rest/audit", params={"partnerId": str(other.partner_id)}, headers=own), 404, 7812)
    listed = _data(await client.get("/cms/rest/operators", headers=own))["items"]
    assert {item["scope"] for item in listed} == {"partner"}


async def _payments_desk_role(http: httpx.AsyncClient, admin: dict[str, str]) -> str:
    role = {"name": f"desk.{uuid.uuid4().hex[:4]}", "description": "A merchant's payments", "permissions": []}
    role["permissions"] = ["transactions.read", "payments.refund"]
    return str(_data(await http.post("/cms/rest/roles", json=role, headers=admin), 201)["name"])


async def test_an_operator_of_one_client_sees_that_clients_payments_only(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    admin = await tenant.operator_headers(client)
    desk = await _payments_desk_role(client, admin)
    body: dict[str, Any] = {
        "username": f"store.{uuid.uuid4().hex[:6]}",
        "email": "store@example.test",
        "name": "Store manager",
        "roles": [desk],
        "password": OPERATOR_PASSWORD,
        "clientSlug": tenant.client_slug,
    }
    # Roles granting more than a client's scope holds, or another partner's client, are refused: nothing made.
    _error(await client.post("/cms/rest/operators", json={**body, "roles": ["finance"]}, headers=admin), 400, 7814)
    foreign = {**body, "clientSlug": other.client_slug}
    _error(await client.post("/cms/rest/operators", json=foreign, headers=admin), 404, 7813)
    made = _data(await client.post("/cms/rest/operators", json=body, headers=admin), 201)
    assert (made["scope"], made["clientSlug"]) == ("client", tenant.client_slug)
    # Its roles cannot be widened past the scope later either.
    widened = await client.patch(f"/cms/rest/operators/{made['id']}", json={"roles": ["admin"]}, headers=admin)
    _error(widened, 400, 7814)

    # Payments of every kind in the partner: this client's link, a card load of the partner's company, and a link
    # of the other partner's client.
    mine = await create_link(client, tenant)
    assert (await sandbox_pay(client, tenant, mine["uid"])).json()["outcome"] == "approved"
    theirs = await create_link(client, other)
    await sandbox_pay(client, other, theirs["uid"])
    await _card_load(client, tenant)

    store = await tenant.operator_headers(client, body["username"])
    me = _data(await client.get("/cms/rest/me", headers=store))
    assert (me["scope"], me["clientSlug"], me["permissions"]) == (
        "client",
        tenant.client_slug,
        ["payments.refund", "transactions.read"],
    )
    seen = _data(await client.get("/cms/rest/transactions", headers=store))
    assert [(item["kind"], item["uid"]) for item in seen["items"]] == [("link_payment", mine["uid"])]
    partner_wide = _data(await client.get("/cms/rest/transactions", headers=admin))
    assert {item["kind"] for item in partner_wide["items"]} == {"link_payment", "card_transaction"}
    for kind in ("card_transaction", "terminal_payment"):
        only = _data(await client.get("/cms/rest/transactions", params={"kind": kind}, headers=store))
        assert only["items"] == []
    card_load = next(item for item in partner_wide["items"] if item["kind"] == "card_transaction")
    _error(await client.get(f"/cms/rest/transactions/{card_load['uid']}", headers=store), 404, 7830)
    _error(await client.get(f"/cms/rest/transactions/{theirs['uid']}", headers=store), 404, 7830)
    assert _data(await client.get(f"/cms/rest/transactions/{mine['uid']}", headers=store))["uid"] == mine["uid"]
    # The partner itself is outside a client's scope.
    named = await client.get("/cms/rest/transactions", params={"partnerId": str(other.partner_id)}, headers=store)
    _error(named, 404, 7812)
    _error(await client.get(f"/cms/rest/app/partners/{tenant.partner_id}/cardholders", headers=store), 403, 7801)

    refunded = await client.post(
        f"/cms/rest/transactions/{mine['uid']}/refund",
        json={"reason": "Customer returned the goods"},
        headers={**store, "Idempotency-Key": "store-refund-1"},
    )
    assert refunded.status_code in (200, 201), refunded.text


async def _card_load(http: httpx.AsyncClient, tenant: Any) -> None:
    from tests.factories import activate_card, provision_cards

    cards = await provision_cards(tenant, count=1)
    card = await activate_card(http, cards, 0, tenant.user_id)
    loaded = await signed(http, tenant, "PUT", f"/rest/cards/{card['cardId']}/funds", {"type": "load", "amount": "5"})
    assert loaded.status_code == 200, loaded.text


async def test_a_global_operator_creates_a_partner_and_sees_every_partner(client):
    tenant = await create_tenant()
    platform = await _global_operator(client)
    body = {"name": f"Acme Wallets {uuid.uuid4().hex[:4]}", "userAccessTtlSeconds": 600}
    made = _data(await client.post("/cms/rest/app/partners", json=body, headers=platform), 201)
    assert (made["name"], made["userAccessTtlSeconds"]) == (body["name"], 600)
    listed = _data(await client.get("/cms/rest/app/partners", params={"limit": 100}, headers=platform))
    assert listed["meta"]["totalItems"] >= 3  # the platform's own, the tenant's and the new one at least
    for name in (body["name"], f"Partner {tenant.operator_username.split('.')[1]}"):
        found = await client.get("/cms/rest/app/partners", params={"searchText": name}, headers=platform)
        assert [item["name"] for item in _data(found)["items"]] == [name]
    detail = _data(await client.get(f"/cms/rest/app/partners/{made['id']}", headers=platform))
    assert detail["companies"] == [] and detail["applications"] == []
    # A partner's own admin sees its partner only, and never the new one.
    own = await tenant.operator_headers(client)
    assert [item["id"] for item in _data(await client.get("/cms/rest/app/partners", headers=own))["items"]] == [
        str(tenant.partner_id)
    ]
    _error(await client.get(f"/cms/rest/app/partners/{made['id']}", headers=own), 404, 7812)


async def test_an_operators_scope_changes_through_patch_within_the_same_rules(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    admin = await tenant.operator_headers(client)
    desk = await _payments_desk_role(client, admin)
    username = f"desk.{uuid.uuid4().hex[:6]}"
    body = {"username": username, "email": "desk@example.test", "name": "Desk", "roles": [desk]}
    created = await client.post("/cms/rest/operators", json={**body, "password": OPERATOR_PASSWORD}, headers=admin)
    made = _data(created, 201)
    path = f"/cms/rest/operators/{made['id']}"
    assert made["scope"] == "partner"
    desk_headers = await tenant.operator_headers(client, body["username"])

    _error(await client.patch(path, json={"clientSlug": other.client_slug}, headers=admin), 404, 7813)
    wider = {"clientSlug": tenant.client_slug, "roles": ["support"]}
    _error(await client.patch(path, json=wider, headers=admin), 400, 7814)
    assert _data(await client.get(path, headers=admin))["scope"] == "partner"  # nothing changed

    scoped = _data(await client.patch(path, json={"clientSlug": tenant.client_slug}, headers=admin))
    assert (scoped["scope"], scoped["clientSlug"]) == ("client", tenant.client_slug)
    me = _data(await client.get("/cms/rest/me", headers=desk_headers))  # at once, on the same session
    assert (me["scope"], me["clientSlug"]) == ("client", tenant.client_slug)
    _error(await client.patch(path, json={"roles": ["support"]}, headers=admin), 400, 7814)  # its roles stay within
    back = _data(await client.patch(path, json={"clientSlug": None}, headers=admin))
    assert (back["scope"], back["clientSlug"]) == ("partner", None)

    kept = await client.get("/cms/rest/audit", params={"resourceId": made["id"]}, headers=admin)
    changes = [record["changes"] for record in _data(kept)["items"] if record["status"] == 200]
    assert {"clientSlug": {"before": tenant.client_slug, "after": None}} in changes
