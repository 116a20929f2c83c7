"""CMS: application Bearer + operator x-user-token, RBAC (CONTRACT §3, §6)."""

from __future__ import annotations

from sqlalchemy import select

from migo.identity import operators
from migo.identity.models import Operator, OperatorRole, Permission, Role, RolePermission
from migo.platform.db import database
from migo.platform.ids import new_id
from tests.factories import OPERATOR_PASSWORD, bearer, create_tenant
from tests.traced import untraced


async def test_operator_login_and_profile(client):
    tenant = await create_tenant()
    headers = await tenant.operator_headers(client)
    me = await client.get("/cms/rest/me", headers=headers)
    assert me.status_code == 200
    profile = me.json()["data"]
    assert profile["username"] == tenant.operator_username
    assert profile["partnerId"] == str(tenant.partner_id)
    assert profile["roles"] == ["admin"]
    assert {"roles.manage", "operators.manage", "cardholders.batch"} <= set(profile["permissions"])


async def test_every_cms_call_needs_both_tokens(client):
    tenant = await create_tenant()
    headers = await tenant.operator_headers(client)
    only_app = await client.get("/cms/rest/me", headers={"Authorization": headers["Authorization"]})
    assert only_app.status_code == 401
    assert untraced(only_app.json()["error"]) == {
        "code": 7800,
        "name": "OPERATOR_TOKEN_REQUIRED",
        "detail": "An operator token is required in x-user-token.",
    }
    only_operator = await client.get("/cms/rest/me", headers=bearer(headers["x-user-token"]))
    assert only_operator.status_code == 401 and only_operator.json()["error"]["code"] == 7001


async def test_operator_token_of_another_partner_is_refused(client):
    one, two = await create_tenant(), await create_tenant()
    mine = await one.operator_headers(client)
    theirs_app = await two.cms_token(client)
    response = await client.get("/cms/rest/me", headers={**bearer(theirs_app), "x-user-token": mine["x-user-token"]})
    assert response.status_code == 401


async def test_permissions_decide(client):
    tenant = await create_tenant(operator_roles=())
    headers = await tenant.operator_headers(client)
    me = await client.get("/cms/rest/me", headers=headers)
    assert me.json()["data"]["permissions"] == []
    denied = await client.get("/cms/rest/roles", headers=headers)
    assert denied.status_code == 403
    assert untraced(denied.json()["error"]) == {
        "code": 7801,
        "name": "PERMISSION_DENIED",
        "detail": "This action needs the `rbac.read` permission.",
    }


async def test_viewer_reads_roles_with_pagination_sorting_and_search(client):
    tenant = await create_tenant(operator_roles=("viewer",))
    headers = await tenant.operator_headers(client)
    listed = await client.get("/cms/rest/roles", params={"sortBy": "name", "sortOrder": "asc"}, headers=headers)
    assert listed.status_code == 200
    data = listed.json()["data"]
    assert [role["name"] for role in data["items"]] == ["admin", "compliance", "finance", "support", "viewer"]
    assert data["meta"] == {"page": 1, "limit": 20, "totalItems": 5, "totalPages": 1}
    viewer = next(role for role in data["items"] if role["name"] == "viewer")
    assert viewer["system"] is True and all(p.endswith(".read") for p in viewer["permissions"])

    searched = await client.get("/cms/rest/roles", params={"searchText": "read-only"}, headers=headers)
    assert [role["name"] for role in searched.json()["data"]["items"]] == ["viewer"]
    paged = await client.get("/cms/rest/roles", params={"limit": 2, "page": 2, "sortBy": "name"}, headers=headers)
    assert paged.json()["data"]["meta"] == {"page": 2, "limit": 2, "totalItems": 5, "totalPages": 3}
    assert [role["name"] for role in paged.json()["data"]["items"]] == ["finance", "compliance"]  # name, DESC

    permissions = await client.get("/cms/rest/permissions", headers=headers)
    assert {"code": "rbac.read", "description": "See roles and the permission catalog"} in permissions.json()["data"]


async def test_a_disabled_operator_is_stopped_at_once(client):
    tenant = await create_tenant()
    headers = await tenant.operator_headers(client)
    async with database.transaction() as session:
        from sqlalchemy import update

        await session.execute(
            update(Operator).where(Operator.username == tenant.operator_username).values(status="disabled")
        )
    response = await client.get("/cms/rest/me", headers=headers)
    assert response.status_code == 403 and response.json()["error"]["code"] == 7802
    app_token = await tenant.cms_token(client)
    login = await client.post(
        "/cms/rest/auth/login",
        json={"username": tenant.operator_username, "password": OPERATOR_PASSWORD},
        headers=bearer(app_token),
    )
    assert login.status_code == 403 and login.json()["error"]["code"] == 7802


async def test_operator_refresh_and_wrong_password(client):
    tenant = await create_tenant()
    app_token = await tenant.cms_token(client)
    wrong = await client.post(
        "/cms/rest/auth/login",
        json={"username": tenant.operator_username, "password": "nope-nope-1"},
        headers=bearer(app_token),
    )
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == 7003
    login = await client.post(
        "/cms/rest/auth/login",
        json={"username": tenant.operator_username, "password": OPERATOR_PASSWORD},
        headers=bearer(app_token),
    )
    refresh = login.json()["data"]["refreshToken"]
    rotated = await client.post(
        "/cms/rest/auth/login/refresh", json={"refreshToken": refresh}, headers=bearer(app_token)
    )
    assert rotated.status_code == 200
    headers = {**bearer(app_token), "x-user-token": rotated.json()["data"]["accessToken"]}
    assert (await client.get("/cms/rest/me", headers=headers)).status_code == 200
    # CMS application tokens refresh the same way as the Gateway's
    app_tokens = await client.post(
        "/cms/rest/auth/token", json={"clientId": tenant.cms_client_id, "clientSecret": tenant.cms_client_secret}
    )
    again = await client.post(
        "/cms/rest/auth/refresh", json={"refreshToken": app_tokens.json()["data"]["refreshToken"]}
    )
    assert again.status_code == 200


async def test_the_retired_operator_role_and_rbac_manage_are_handed_over_on_upgrade(client):
    """A database from before: a system `operator` role held by an operator, and `rbac.manage` held by a role of
    the partner. After sync_catalog (run on every upgrade) the operator holds its partner's own `operator` role
    with the same permissions, and the role holds `roles.manage` and `operators.manage` instead."""
    tenant = await create_tenant(operator_roles=("viewer",))
    granted = sorted({*operators.READ_ONLY, "cardholders.write", "cards.manage"})
    async with database.transaction() as session:
        session.add(Permission(code="rbac.manage", description="Create roles and assign them to operators"))
        legacy = Role(id=new_id(), partner_id=None, name="operator", description="Day-to-day operations")
        own = Role(id=new_id(), partner_id=tenant.partner_id, name="managers", description="Managers")
        session.add_all([legacy, own])
        await session.flush()
        session.add_all(RolePermission(role_id=legacy.id, permission=code) for code in granted)
        session.add(RolePermission(role_id=own.id, permission="rbac.manage"))
        operator = await session.scalar(select(Operator).where(Operator.username == tenant.operator_username))
        assert operator is not None
        session.add_all([OperatorRole(operator_id=operator.id, role_id=legacy.id)])
    async with database.transaction() as session:
        await operators.sync_catalog(session)
    async with database.transaction() as session:  # idempotent
        await operators.sync_catalog(session)

    headers = await tenant.operator_headers(client)
    me = (await client.get("/cms/rest/me", headers=headers)).json()["data"]
    assert me["roles"] == ["operator", "viewer"]
    assert set(me["permissions"]) == set(granted)
    async with database.transaction() as session:
        assert await session.get(Permission, "rbac.manage") is None
        assert await session.scalar(select(Role).where(Role.partner_id.is_(None), Role.name == "operator")) is None
        kept = await session.scalars(select(RolePermission.permission).where(RolePermission.role_id == own.id))
        assert sorted(kept) == ["operators.manage", "roles.manage"]
        handed = await session.scalar(select(Role).where(Role.partner_id == tenant.partner_id, Role.name == "operator"))
        assert handed is not None and handed.description == "Day-to-day operations"
