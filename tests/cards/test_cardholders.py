"""Cardholders: POST/GET/PATCH /rest/users and the paginated, searchable list (seed 004 step 2)."""

from __future__ import annotations

from tests.factories import bearer, create_cardholder, create_tenant, login
from tests.traced import untraced


async def test_self_registration_with_a_password(client):
    tenant = await create_tenant()
    user = await create_cardholder(
        client,
        tenant,
        username="ana.self",
        phone="+50224865444",
        documentType="DPI",
        documentNumber="1234567890101",
        birthDate="1990-05-17",
    )
    assert user["registrationMode"] == "SELF" and user["passwordSet"] is True
    assert user["username"] == "ana.self" and user["status"] == "active"
    assert user["birthDate"] == "1990-05-17" and user["documentType"] == "DPI"
    assert "password" not in user and "passwordHash" not in user
    assert await login(client, tenant, "ana.self")


async def test_company_registration_without_a_password_then_otp(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    response = await client.post(
        "/rest/users",
        json={"firstName": "Luis", "lastName": "Gómez", "phone": "+50255550000"},
        headers=bearer(token),
    )
    assert response.status_code == 201
    body = response.json()
    assert body["statusCode"] == 201 and body["message"] == "Created"
    user = body["data"]
    assert user["registrationMode"] == "COMPANY" and user["passwordSet"] is False
    assert user["username"] == "+50255550000"  # defaults to the phone when there is no email


async def test_registration_rules(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    unreachable = await client.post("/rest/users", json={"firstName": "A", "lastName": "B"}, headers=bearer(token))
    assert unreachable.status_code == 400 and unreachable.json()["error"]["code"] == 7000
    weak = await client.post(
        "/rest/users",
        json={"firstName": "A", "lastName": "B", "email": "a@b.co", "password": "short"},
        headers=bearer(token),
    )
    assert weak.status_code == 400 and weak.json()["error"]["code"] == 7105
    bad_email = await client.post(
        "/rest/users", json={"firstName": "A", "lastName": "B", "email": "nope"}, headers=bearer(token)
    )
    assert bad_email.status_code == 400
    await create_cardholder(client, tenant, username="taken.name")
    taken = await client.post(
        "/rest/users",
        json={"username": "TAKEN.NAME", "firstName": "A", "lastName": "B", "email": "x@y.co"},
        headers=bearer(token),
    )
    assert taken.status_code == 409 and taken.json()["error"]["code"] == 7101


async def test_get_patch_and_tenant_isolation(client):
    tenant, other = await create_tenant(), await create_tenant()
    user = await create_cardholder(client, tenant)
    token = await tenant.app_token(client)
    fetched = await client.get(f"/rest/users/{user['userId']}", headers=bearer(token))
    assert fetched.status_code == 200 and fetched.json()["data"]["email"] == user["email"]

    patched = await client.patch(
        f"/rest/users/{user['userId']}",
        json={"lastName": "Pérez López", "phone": "+50211112222"},
        headers=bearer(token),
    )
    assert patched.status_code == 200
    assert patched.json()["data"]["lastName"] == "Pérez López" and patched.json()["data"]["firstName"] == "Ana"
    cleared = await client.patch(f"/rest/users/{user['userId']}", json={"firstName": None}, headers=bearer(token))
    assert cleared.status_code == 400

    foreign = await client.get(f"/rest/users/{user['userId']}", headers=bearer(await other.app_token(client)))
    assert foreign.status_code == 404 and foreign.json()["error"]["code"] == 7100


async def test_a_cardholder_reads_only_themselves(client):
    tenant = await create_tenant()
    ana = await create_cardholder(client, tenant)
    luis = await create_cardholder(client, tenant, firstName="Luis")
    ana_token = await login(client, tenant, ana["username"])
    assert (await client.get(f"/rest/users/{ana['userId']}", headers=bearer(ana_token))).status_code == 200
    assert (await client.get(f"/rest/users/{luis['userId']}", headers=bearer(ana_token))).status_code == 404
    # listing and creating are the company's
    assert (await client.get("/rest/users", headers=bearer(ana_token))).status_code == 401


async def test_list_is_paginated_sorted_and_searchable(client):
    tenant = await create_tenant()
    for last in ("Alvarez", "Zamora", "Mendez"):
        await create_cardholder(client, tenant, lastName=last)
    token = await tenant.app_token(client)
    listed = await client.get("/rest/users", params={"sortBy": "lastName", "sortOrder": "ASC"}, headers=bearer(token))
    names = [u["lastName"] for u in listed.json()["data"]["items"]]
    assert names == sorted(names)
    assert listed.json()["data"]["meta"]["totalItems"] == 4  # and the factory's cardholder
    searched = await client.get("/rest/users", params={"searchText": "zamo"}, headers=bearer(token))
    assert [u["lastName"] for u in searched.json()["data"]["items"]] == ["Zamora"]
    paged = await client.get("/rest/users", params={"limit": 1, "page": 3}, headers=bearer(token))
    assert paged.json()["data"]["meta"] == {"page": 3, "limit": 1, "totalItems": 4, "totalPages": 4}


async def test_creation_honours_idempotency_key(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    body = {"firstName": "Eva", "lastName": "Ruiz", "email": "eva@example.test"}
    headers = {**bearer(token), "Idempotency-Key": "create-eva"}
    first = await client.post("/rest/users", json=body, headers=headers)
    again = await client.post("/rest/users", json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert untraced(again.json()) == untraced(first.json()) and again.headers["idempotent-replayed"] == "true"


async def test_a_disabled_cardholder_is_stopped_at_once(client):
    tenant = await create_tenant()
    user = await create_cardholder(client, tenant)
    user_token = await login(client, tenant, user["username"])
    app_token = await tenant.app_token(client)
    disabled = await client.patch(
        f"/rest/users/{user['userId']}", json={"status": "disabled"}, headers=bearer(app_token)
    )
    assert disabled.json()["data"]["status"] == "disabled"
    refused = await client.get(f"/rest/users/{user['userId']}", headers=bearer(user_token))
    assert refused.status_code == 403 and refused.json()["error"]["code"] == 7102
    relogin = await client.post(
        "/rest/users/auth/login",
        json={"username": user["username"], "password": "Cardh0lder-pass"},
        headers=bearer(app_token),
    )
    assert relogin.status_code == 403 and relogin.json()["error"]["code"] == 7102
