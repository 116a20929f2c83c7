"""The CMS back office's operators and roles (issue 16, "Operators and roles"): invitations through the outbox,
roles and status, the grant rule, and partner scoping, against the real database."""

from __future__ import annotations

import re
import secrets
from typing import Any

import httpx

from migo.identity import operators
from tests.factories import Tenant, bearer, create_tenant
from tests.traced import untraced

NEW_PASSWORD = "N3w-operator-pass"
SUPPORT_LEAD = ["operators.read", "operators.manage", "roles.manage", "rbac.read", "cardholders.read", "cards.read"]


def _data(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


def _error(response: httpx.Response, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code, error
    return error  # type: ignore[no-any-return]


def _new(**fields: Any) -> dict[str, Any]:
    tag = secrets.token_hex(4)
    return {"username": f"ops.{tag}", "email": f"ops.{tag}@example.test", "name": "Lucía Morales", **fields}


async def _login(http: httpx.AsyncClient, tenant: Tenant, username: str, password: str) -> httpx.Response:
    app = bearer(await tenant.cms_token(http))
    return await http.post("/cms/rest/auth/login", json={"username": username, "password": password}, headers=app)


async def _headers(http: httpx.AsyncClient, tenant: Tenant, username: str, password: str) -> dict[str, str]:
    signed_in = _data(await _login(http, tenant, username, password))
    return {"Authorization": f"Bearer {await tenant.cms_token(http)}", "x-user-token": signed_in["accessToken"]}


async def _create(http: httpx.AsyncClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    return _data(await http.post("/cms/rest/operators", json=_new(**fields), headers=headers), 201)  # type: ignore[no-any-return]


async def _outbox(http: httpx.AsyncClient, tenant: Tenant, username: str) -> list[dict[str, Any]]:
    app = bearer(await tenant.cms_token(http))
    found = await http.get("/cms/rest/sandbox/outbox", params={"username": username}, headers=app)
    return _data(found)["items"]  # type: ignore[no-any-return]


async def _code(http: httpx.AsyncClient, tenant: Tenant, username: str) -> str:
    newest = (await _outbox(http, tenant, username))[0]
    return re.search(r"\b(\d{6})\b", newest["body"]).group(1)  # type: ignore[union-attr]


async def _reset(http: httpx.AsyncClient, tenant: Tenant, username: str, code: str, password: str) -> httpx.Response:
    app = bearer(await tenant.cms_token(http))
    body = {"username": username, "code": code, "newPassword": password}
    return await http.post("/cms/rest/auth/password/reset", json=body, headers=app)


async def _role(http: httpx.AsyncClient, headers: dict[str, str], permissions: list[str]) -> dict[str, Any]:
    body = {"name": f"role-{secrets.token_hex(3)}", "description": "A role of the partner", "permissions": permissions}
    return _data(await http.post("/cms/rest/roles", json=body, headers=headers), 201)  # type: ignore[no-any-return]


async def _usernames(http: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    listed = _data(await http.get("/cms/rest/operators", params={"limit": 100}, headers=headers))
    return [operator["username"] for operator in listed["items"]]


async def _role_names(http: httpx.AsyncClient, headers: dict[str, str]) -> list[str]:
    listed = _data(await http.get("/cms/rest/roles", params={"limit": 100}, headers=headers))
    return [role["name"] for role in listed["items"]]


# ---- creating and signing in ----------------------------------------------------------------------------


async def test_an_operator_created_with_a_password_signs_in_at_once(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["support"], password=NEW_PASSWORD)
    assert made["status"] == "active" and made["roles"] == ["support"] and made["name"] == "Lucía Morales"
    assert not {"password", "passwordHash", "hash"} & set(made)
    assert NEW_PASSWORD not in str(made)
    assert await _outbox(client, tenant, made["username"]) == []  # nothing to invite

    headers = await _headers(client, tenant, made["username"], NEW_PASSWORD)
    me = _data(await client.get("/cms/rest/me", headers=headers))
    assert me["roles"] == ["support"] and me["operatorId"] == made["id"]
    assert set(me["permissions"]) == set(operators.SYSTEM_ROLES["support"][1])
    assert _data(await client.get(f"/cms/rest/operators/{made['id']}", headers=admin)) == made


async def test_an_invited_operator_sets_its_password_with_the_code_from_the_outbox(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["finance"])
    assert made["status"] == "invited"
    _error(await _login(client, tenant, made["username"], NEW_PASSWORD), 401, 7003)  # no password yet

    [invitation] = await _outbox(client, tenant, made["username"])
    assert invitation["recipient"] == made["email"] and invitation["channel"] == "email"
    assert "invited" in invitation["body"] and "24 hours" in invitation["body"]
    code = await _code(client, tenant, made["username"])
    wrong = "000000" if code != "000000" else "111111"
    _error(await _reset(client, tenant, made["username"], wrong, NEW_PASSWORD), 400, 7103)
    _error(await _reset(client, tenant, made["username"], code, "short"), 400, 7105)
    done = _data(await _reset(client, tenant, made["username"].upper(), code, NEW_PASSWORD))
    assert done == {"operatorId": made["id"], "passwordSet": True}

    assert _data(await client.get(f"/cms/rest/operators/{made['id']}", headers=admin))["status"] == "active"
    headers = await _headers(client, tenant, made["username"], NEW_PASSWORD)
    assert _data(await client.get("/cms/rest/me", headers=headers))["roles"] == ["finance"]
    # The code worked once.
    _error(await _reset(client, tenant, made["username"], code, "An0ther-pass"), 400, 7103)


async def test_a_reset_sends_a_code_and_ends_the_operators_sessions(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["viewer"], password=NEW_PASSWORD)
    before = await _headers(client, tenant, made["username"], NEW_PASSWORD)

    sent = _data(await client.post(f"/cms/rest/operators/{made['id']}/reset-password", headers=admin))
    assert sent == {"sent": True, "expiresIn": 600}
    [message] = await _outbox(client, tenant, made["username"])
    assert "10 minutes" in message["body"]
    # The password works until the code is spent.
    assert (await client.get("/cms/rest/me", headers=before)).status_code == 200
    _data(await _reset(client, tenant, made["username"], await _code(client, tenant, made["username"]), "Fresh-pass-9"))
    _error(await client.get("/cms/rest/me", headers=before), 401, 7001)  # its session ended
    _error(await _login(client, tenant, made["username"], NEW_PASSWORD), 401, 7003)
    await _headers(client, tenant, made["username"], "Fresh-pass-9")


async def test_codes_are_replaced_expire_and_are_rate_limited(client, frozen_clock):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    invited = await _create(client, admin, roles=["viewer"])
    invitation = await _code(client, tenant, invited["username"])
    frozen_clock.advance(hours=24, seconds=1)
    _error(await _reset(client, tenant, invited["username"], invitation, NEW_PASSWORD), 400, 7103)

    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["viewer"], password=NEW_PASSWORD)
    url = f"/cms/rest/operators/{made['id']}/reset-password"
    _data(await client.post(url, headers=admin))
    older = await _code(client, tenant, made["username"])
    _data(await client.post(url, headers=admin))
    newest = await _code(client, tenant, made["username"])
    if older != newest:  # a newer code replaces the older one
        _error(await _reset(client, tenant, made["username"], older, "Older-pass-9"), 400, 7103)
    _data(await client.post(url, headers=admin))
    _error(await client.post(url, headers=admin), 429, 7009)  # three in 10 minutes per operator
    frozen_clock.advance(minutes=10, seconds=1)
    _error(
        await _reset(client, tenant, made["username"], await _code(client, tenant, made["username"]), "Late-pass-9"),
        400,
        7103,
    )
    _data(await client.post(url, headers=admin))  # a new window
    _data(await _reset(client, tenant, made["username"], await _code(client, tenant, made["username"]), "Fresh-pass-9"))


async def test_an_invitation_honours_its_idempotency_key(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    body, key = _new(roles=["viewer"]), {"Idempotency-Key": secrets.token_hex(12)}
    first = await client.post("/cms/rest/operators", json=body, headers={**admin, **key})
    again = await client.post("/cms/rest/operators", json=body, headers={**admin, **key})
    assert _data(again, 201) == _data(first, 201) and again.headers["Idempotent-Replayed"] == "true"
    assert len(await _outbox(client, tenant, body["username"])) == 1  # one invitation
    other = await client.post("/cms/rest/operators", json={**body, "name": "Other"}, headers={**admin, **key})
    _error(other, 409, 7007)
    # Another operator's key of the same name is its own: nothing of the first answer is replayed to it.
    viewer = await _create(client, admin, roles=["viewer"], password=NEW_PASSWORD)
    headers = await _headers(client, tenant, viewer["username"], NEW_PASSWORD)
    _error(await client.post("/cms/rest/operators", json=body, headers={**headers, **key}), 403, 7801)


async def test_an_unknown_username_and_a_wrong_code_answer_alike(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["viewer"])
    code = await _code(client, tenant, made["username"])
    wrong = "000000" if code != "000000" else "111111"
    ghost = await _reset(client, tenant, "ghost.operator", wrong, NEW_PASSWORD)
    known = await _reset(client, tenant, made["username"], wrong, NEW_PASSWORD)
    assert ghost.status_code == known.status_code == 400
    assert untraced(ghost.json()) == untraced(known.json())
    _data(await _reset(client, tenant, made["username"], code, NEW_PASSWORD))


# ---- listing ---------------------------------------------------------------------------------------------


async def test_operators_are_listed_searched_and_filtered(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    tag = secrets.token_hex(3)
    ana = await _create(client, admin, roles=["support"], name=f"Ana {tag}", password=NEW_PASSWORD)
    bruno = await _create(client, admin, roles=["finance"], name="Bruno Díaz", email=f"bruno.{tag}@example.test")
    carla = await _create(client, admin, roles=["viewer"], name="Carla Ruiz", password=NEW_PASSWORD)
    _data(await client.patch(f"/cms/rest/operators/{carla['id']}", json={"status": "disabled"}, headers=admin))

    everyone = _data(
        await client.get("/cms/rest/operators", params={"sortBy": "name", "sortOrder": "ASC"}, headers=admin)
    )
    assert everyone["meta"] == {"page": 1, "limit": 20, "totalItems": 4, "totalPages": 1}
    assert [o["name"] for o in everyone["items"]] == [f"Ana {tag}", "Bruno Díaz", "Carla Ruiz", "Test operator"]
    assert everyone["items"][3]["roles"] == ["admin"]

    async def search(**params: str) -> list[str]:
        found = _data(await client.get("/cms/rest/operators", params=params, headers=admin))
        return sorted(o["id"] for o in found["items"])

    assert await search(searchText=tag) == sorted([ana["id"], bruno["id"]])  # name and email
    assert await search(searchText=carla["username"].upper()) == [carla["id"]]  # username, any case
    assert await search(status="invited") == [bruno["id"]]
    assert await search(status="disabled") == [carla["id"]]
    assert await search(status="active", searchText=tag) == [ana["id"]]
    paged = _data(await client.get("/cms/rest/operators", params={"limit": 3, "page": 2}, headers=admin))
    assert paged["meta"]["totalPages"] == 2 and len(paged["items"]) == 1
    _error(await client.get("/cms/rest/operators", params={"status": "gone"}, headers=admin), 400, 7000)
    _error(await client.get("/cms/rest/operators", params={"sortBy": "passwordHash"}, headers=admin), 400, 7000)


async def test_reading_operators_takes_operators_read(client):
    tenant = await create_tenant(operator_roles=("support",))
    support = await tenant.operator_headers(client)
    denied = _error(await client.get("/cms/rest/operators", headers=support), 403, 7801)
    assert denied["detail"] == "This action needs the `operators.read` permission."
    viewer = await create_tenant(operator_roles=("viewer",))
    headers = await viewer.operator_headers(client)
    assert [o["roles"] for o in _data(await client.get("/cms/rest/operators", headers=headers))["items"]] == [
        ["viewer"]
    ]
    _error(await client.post("/cms/rest/operators", json=_new(roles=[]), headers=headers), 403, 7801)


# ---- changing operators ---------------------------------------------------------------------------------


async def test_roles_and_status_change_and_a_disabled_operator_is_stopped_at_once(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["support"], password=NEW_PASSWORD)
    headers = await _headers(client, tenant, made["username"], NEW_PASSWORD)

    changed = _data(
        await client.patch(
            f"/cms/rest/operators/{made['id']}",
            json={"roles": ["finance", "viewer"], "name": "Lucía M.", "email": "lucia@example.test"},
            headers=admin,
        )
    )
    assert changed["roles"] == ["finance", "viewer"] and changed["name"] == "Lucía M."
    assert changed["email"] == "lucia@example.test" and changed["updatedAt"] is not None
    me = _data(await client.get("/cms/rest/me", headers=headers))  # the same token, the new roles at once
    assert me["roles"] == ["finance", "viewer"] and "payments.refund" in me["permissions"]

    disabled = _data(
        await client.patch(f"/cms/rest/operators/{made['id']}", json={"status": "disabled"}, headers=admin)
    )
    assert disabled["status"] == "disabled"
    _error(await client.get("/cms/rest/me", headers=headers), 403, 7802)
    _error(await _login(client, tenant, made["username"], NEW_PASSWORD), 403, 7802)
    _error(await client.post(f"/cms/rest/operators/{made['id']}/reset-password", headers=admin), 409, 7811)

    enabled = _data(await client.patch(f"/cms/rest/operators/{made['id']}", json={"status": "active"}, headers=admin))
    assert enabled["status"] == "active"
    _error(await client.get("/cms/rest/me", headers=headers), 401, 7001)  # its old sessions stay ended
    await _headers(client, tenant, made["username"], NEW_PASSWORD)

    invited = await _create(client, admin, roles=["viewer"])
    _data(await client.patch(f"/cms/rest/operators/{invited['id']}", json={"status": "disabled"}, headers=admin))
    again = _data(await client.patch(f"/cms/rest/operators/{invited['id']}", json={"status": "active"}, headers=admin))
    assert again["status"] == "invited"  # it still has no password


async def test_a_new_email_voids_the_codes_sent_to_the_old_one(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    made = await _create(client, admin, roles=["viewer"])
    code = await _code(client, tenant, made["username"])
    _data(await client.patch(f"/cms/rest/operators/{made['id']}", json={"email": "new@example.test"}, headers=admin))
    _error(await _reset(client, tenant, made["username"], code, NEW_PASSWORD), 400, 7103)
    _data(await client.post(f"/cms/rest/operators/{made['id']}/reset-password", headers=admin))
    assert (await _outbox(client, tenant, made["username"]))[0]["recipient"] == "new@example.test"


async def test_an_operator_cannot_lock_itself_out(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    me = _data(await client.get("/cms/rest/me", headers=admin))["operatorId"]
    _error(await client.patch(f"/cms/rest/operators/{me}", json={"status": "disabled"}, headers=admin), 409, 7810)
    _error(await client.patch(f"/cms/rest/operators/{me}", json={"roles": ["support"]}, headers=admin), 409, 7810)
    _error(await client.patch(f"/cms/rest/operators/{me}", json={"roles": []}, headers=admin), 409, 7810)
    kept = _data(await client.patch(f"/cms/rest/operators/{me}", json={"roles": ["admin", "support"]}, headers=admin))
    assert kept["roles"] == ["admin", "support"] and kept["status"] == "active"
    assert _data(await client.get("/cms/rest/me", headers=admin))["roles"] == ["admin", "support"]


# ---- the grant rule --------------------------------------------------------------------------------------


async def test_no_operator_grants_what_it_does_not_hold(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    lead_role = await _role(client, admin, SUPPORT_LEAD)
    lead = await _create(client, admin, roles=["support", lead_role["name"]], password=NEW_PASSWORD)
    headers = await _headers(client, tenant, lead["username"], NEW_PASSWORD)
    other = await _create(client, admin, roles=["support"], password=NEW_PASSWORD)
    chief = await _create(client, admin, roles=["admin"], password=NEW_PASSWORD)
    operators_before, roles_before = await _usernames(client, admin), await _role_names(client, admin)

    # A role with a permission the caller lacks, or an admin's, is refused, and nothing is written.
    body = {"name": "refunds", "description": "Refunds", "permissions": ["cards.read", "payments.refund"]}
    refused = _error(await client.post("/cms/rest/roles", json=body, headers=headers), 403, 7803)
    assert "payments.refund" in refused["detail"] and "cards.read" not in refused["detail"]
    all_of_them = {**body, "name": "everything", "permissions": sorted(operators.PERMISSIONS)}
    _error(await client.post("/cms/rest/roles", json=all_of_them, headers=headers), 403, 7803)
    # Nor makes anyone admin, nor gives a role with more than it holds.
    _error(await client.post("/cms/rest/operators", json=_new(roles=["admin"]), headers=headers), 403, 7803)
    _error(await client.post("/cms/rest/operators", json=_new(roles=["finance"]), headers=headers), 403, 7803)
    patch = {"roles": ["support", "admin"]}
    _error(await client.patch(f"/cms/rest/operators/{other['id']}", json=patch, headers=headers), 403, 7803)
    _error(await client.patch(f"/cms/rest/operators/{lead['id']}", json=patch, headers=headers), 403, 7803)
    # Nor changes an operator who can do more than it can (an admin's email, then its password: a takeover).
    chief_url = f"/cms/rest/operators/{chief['id']}"
    _error(await client.patch(chief_url, json={"email": "me@evil.example"}, headers=headers), 403, 7804)
    _error(await client.patch(chief_url, json={"status": "disabled"}, headers=headers), 403, 7804)
    _error(await client.post(f"{chief_url}/reset-password", headers=headers), 403, 7804)
    # Nor widens or narrows a role by a permission it lacks (its own included).
    refunds = await _role(client, admin, ["cards.read", "payments.refund"])
    url = f"/cms/rest/roles/{refunds['id']}"
    _error(await client.patch(url, json={"permissions": ["cards.read"]}, headers=headers), 403, 7803)
    _error(
        await client.patch(
            f"/cms/rest/roles/{lead_role['id']}", json={"permissions": [*SUPPORT_LEAD, "audit.read"]}, headers=headers
        ),
        403,
        7803,
    )
    assert await _usernames(client, admin) == operators_before
    assert sorted(await _role_names(client, admin)) == sorted([*roles_before, refunds["name"]])
    assert _data(await client.get(chief_url, headers=admin))["email"] == chief["email"]

    # Within what it holds, it may.
    mine = await _role(client, headers, ["cardholders.read", "cards.read"])
    assert mine["system"] is False and mine["permissions"] == ["cardholders.read", "cards.read"]
    helper = await _create(client, headers, roles=["support"])
    _data(await client.patch(f"/cms/rest/operators/{helper['id']}", json={"roles": [mine["name"]]}, headers=headers))
    _data(await client.patch(f"/cms/rest/operators/{other['id']}", json={"name": "Renamed"}, headers=headers))
    _data(
        await client.patch(
            url,
            json={"description": "Money back", "permissions": ["cards.read", "payments.refund", "cardholders.read"]},
            headers=headers,
        )
    )

    # A plain support operator manages no roles and no operators at all.
    support = await _headers(client, tenant, other["username"], NEW_PASSWORD)
    _error(await client.post("/cms/rest/roles", json=all_of_them, headers=support), 403, 7801)
    _error(await client.post("/cms/rest/operators", json=_new(roles=["admin"]), headers=support), 403, 7801)


async def test_system_roles_cannot_be_changed_and_role_names_are_unique(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    system = {r["name"]: r for r in _data(await client.get("/cms/rest/roles", headers=admin))["items"]}
    assert set(system) == {"admin", "support", "finance", "compliance", "viewer"}
    assert system["finance"]["permissions"] == sorted(
        {
            "companies.read",
            "conciliation.upload",
            "payment_links.create",
            "payments.capture",
            "payments.refund",
            "settlements.read",
            "subscriptions.read",
            "transactions.read",
        }
    )
    assert {"merchants.review", "audit.read", "operators.read"} <= set(system["compliance"]["permissions"])
    # Webhook endpoints: support reads them (a merchant's missing callback), only admin manages them.
    assert "webhooks.read" in system["support"]["permissions"] and "webhooks.read" in system["viewer"]["permissions"]
    assert [name for name in system if "webhooks.manage" in system[name]["permissions"]] == ["admin"]
    # Subscriptions: every built-in role but admin only reads them; only admin cancels.
    assert [name for name in system if "subscriptions.read" not in system[name]["permissions"]] == []
    assert [name for name in system if "subscriptions.manage" in system[name]["permissions"]] == ["admin"]
    assert not {"operators.manage", "roles.manage"} & set(system["compliance"]["permissions"])
    for name in system:
        url = f"/cms/rest/roles/{system[name]['id']}"
        _error(await client.patch(url, json={"description": "Mine now"}, headers=admin), 409, 7807)
        assert _data(await client.get(url, headers=admin)) == system[name]
    taken = {"name": "admin", "description": "Another admin", "permissions": []}
    _error(await client.post("/cms/rest/roles", json=taken, headers=admin), 409, 7808)
    mine = await _role(client, admin, ["audit.read"])
    _error(await client.post("/cms/rest/roles", json={**taken, "name": mine["name"]}, headers=admin), 409, 7808)
    other = await _role(client, admin, ["audit.read"])
    rename = await client.patch(f"/cms/rest/roles/{other['id']}", json={"name": mine["name"]}, headers=admin)
    _error(rename, 409, 7808)
    _error(await client.patch(f"/cms/rest/roles/{other['id']}", json={"name": "viewer"}, headers=admin), 409, 7808)
    renamed = _data(await client.patch(f"/cms/rest/roles/{other['id']}", json={"name": "auditors"}, headers=admin))
    assert renamed["name"] == "auditors" and renamed["permissions"] == ["audit.read"]
    made = await _create(client, admin, roles=["auditors"])
    assert made["roles"] == ["auditors"]


# ---- tenants --------------------------------------------------------------------------------------------


async def test_another_partners_operators_and_roles_are_not_found(client):
    a, b = await create_tenant(), await create_tenant()
    a_admin, b_admin = await a.operator_headers(client), await b.operator_headers(client)
    theirs = await _create(client, a_admin, roles=["viewer"])
    their_role = await _role(client, a_admin, ["audit.read"])
    operator_url, role_url = f"/cms/rest/operators/{theirs['id']}", f"/cms/rest/roles/{their_role['id']}"
    _error(await client.get(operator_url, headers=b_admin), 404, 7805)
    _error(await client.patch(operator_url, json={"status": "disabled"}, headers=b_admin), 404, 7805)
    _error(await client.post(f"{operator_url}/reset-password", headers=b_admin), 404, 7805)
    _error(await client.get(role_url, headers=b_admin), 404, 7806)
    _error(await client.patch(role_url, json={"permissions": []}, headers=b_admin), 404, 7806)
    assert their_role["name"] not in await _role_names(client, b_admin)
    assert theirs["username"] not in await _usernames(client, b_admin)
    # Their role is nobody's to hand out here.
    unknown = _error(
        await client.post("/cms/rest/operators", json=_new(roles=[their_role["name"]]), headers=b_admin), 400, 7000
    )
    assert their_role["name"] in unknown["detail"]
    # Untouched.
    assert _data(await client.get(operator_url, headers=a_admin)) == theirs
    assert _data(await client.get(role_url, headers=a_admin)) == their_role
    assert len(await _outbox(client, a, theirs["username"])) == 1


async def test_another_partners_username_is_free_here(client):
    a, b = await create_tenant(), await create_tenant()
    a_admin, b_admin = await a.operator_headers(client), await b.operator_headers(client)
    theirs = await _create(client, a_admin, roles=["viewer"], password=NEW_PASSWORD)
    mine = _data(
        await client.post(
            "/cms/rest/operators", json=_new(username=theirs["username"], roles=["viewer"]), headers=b_admin
        ),
        201,
    )
    assert mine["id"] != theirs["id"]
    _error(
        await client.post(
            "/cms/rest/operators", json=_new(username=theirs["username"].upper(), roles=[]), headers=b_admin
        ),
        409,
        7809,
    )
    # A's operator still signs in under A only, with its own password.
    await _headers(client, a, theirs["username"], NEW_PASSWORD)
    _error(await _login(client, b, theirs["username"], NEW_PASSWORD), 401, 7003)
    assert await _outbox(client, a, theirs["username"]) == []


async def test_no_code_is_taken_for_another_partners_operator(client):
    a, b = await create_tenant(), await create_tenant()
    theirs = await _create(client, await a.operator_headers(client), roles=["viewer"])
    code = await _code(client, a, theirs["username"])
    at_b = await _reset(client, b, theirs["username"], code, NEW_PASSWORD)
    nowhere = await _reset(client, b, f"ghost.{secrets.token_hex(3)}", code, NEW_PASSWORD)
    assert at_b.status_code == 400 and untraced(at_b.json()) == untraced(nowhere.json())
    _data(await _reset(client, a, theirs["username"], code, NEW_PASSWORD))  # still A's, unspent
    await _headers(client, a, theirs["username"], NEW_PASSWORD)


async def test_the_operator_outbox_is_scoped_to_the_partner(client):
    a, b = await create_tenant(), await create_tenant()
    theirs = await _create(client, await a.operator_headers(client), roles=["viewer"])
    assert await _outbox(client, b, theirs["username"]) == []
    assert len(await _outbox(client, a, theirs["username"])) == 1
    # Cardholders' messages are the Gateway's outbox's, not this one's.
    assert await _outbox(client, a, a.username) == []


# ---- bad bodies -----------------------------------------------------------------------------------------


async def test_bad_bodies_are_400s_naming_the_fault_and_write_nothing(client):
    tenant = await create_tenant()
    admin = await tenant.operator_headers(client)
    operators_before, roles_before = await _usernames(client, admin), await _role_names(client, admin)
    role = {"name": "night-shift", "description": "Nights"}

    unknown = await client.post(
        "/cms/rest/roles", json={**role, "permissions": ["cards.read", "cards.fly", "root"]}, headers=admin
    )
    assert _error(unknown, 400, 7000)["detail"] == "body.permissions: unknown permission codes: cards.fly, root"
    for bad in (
        {**role, "name": "Night Shift", "permissions": []},
        {**role, "permissions": "cards.read"},
        {"name": "night-shift", "permissions": []},
        {**role, "permissions": [], "partnerId": "not-a-partner-id"},
    ):
        _error(await client.post("/cms/rest/roles", json=bad, headers=admin), 400, 7000)

    roles = await client.post("/cms/rest/operators", json=_new(roles=["support", "janitor", "wizard"]), headers=admin)
    assert _error(roles, 400, 7000)["detail"] == "body.roles: unknown roles: janitor, wizard"
    for bad in (
        {k: v for k, v in _new(roles=["viewer"]).items() if k != "email"},
        _new(roles=["viewer"], email="not-an-email"),
        _new(roles=["viewer"], username="no spaces"),
        _new(roles=["viewer"], status="active"),
    ):
        _error(await client.post("/cms/rest/operators", json=bad, headers=admin), 400, 7000)
    weak = await client.post("/cms/rest/operators", json=_new(roles=["viewer"], password="weak"), headers=admin)
    _error(weak, 400, 7105)

    made = await _create(client, admin, roles=["viewer"], password=NEW_PASSWORD)
    url = f"/cms/rest/operators/{made['id']}"
    for bad in (
        {"roles": None},
        {"name": None},
        {"status": "invited"},
        {"roles": ["viewer", "wizard"]},
        {"passwordHash": "x"},
    ):
        _error(await client.patch(url, json=bad, headers=admin), 400, 7000)
    assert _data(await client.get(url, headers=admin)) == made
    mine = await _role(client, admin, ["audit.read"])
    for bad in ({"permissions": None}, {"permissions": ["audit.read", "nope"]}, {"name": "UPPER"}):
        _error(await client.patch(f"/cms/rest/roles/{mine['id']}", json=bad, headers=admin), 400, 7000)
    assert _data(await client.get(f"/cms/rest/roles/{mine['id']}", headers=admin)) == mine
    assert await _usernames(client, admin) == [made["username"], *operators_before]
    assert sorted(await _role_names(client, admin)) == sorted([*roles_before, mine["name"]])
