"""Merchant tokens listed, issued, rotated and revoked: by the merchant (`/v1/merchant-tokens`) and by the back
office on the client's page (issue 18). Only digests are kept; a revoked token is exactly Unauthorized."""

from __future__ import annotations

import uuid

from tests.factories import configure_payment_client, create_tenant, merchant
from tests.leakscan import known_secret

UNAUTHORIZED = {"message": "Unauthorized"}
TOKEN_FIELDS = {"id", "applicationId", "last4", "status", "createdAt", "revokedAt"}


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": token}


async def _me(client, token: str) -> int:
    return (await client.get("/v1/me", headers=_auth(token))).status_code


async def test_a_merchant_lists_issues_rotates_and_revokes_its_tokens(client):
    tenant = await create_tenant()
    listed = await client.get("/v1/merchant-tokens", headers=merchant(tenant))
    assert listed.status_code == 200, listed.text
    [own] = listed.json()["items"]
    assert set(own) == TOKEN_FIELDS
    assert own["last4"] == tenant.merchant_token[-4:] and own["status"] == "active" and own["revokedAt"] is None
    assert tenant.merchant_token not in listed.text  # only its hint

    issued = await client.post("/v1/merchant-tokens", headers={**merchant(tenant), "Idempotency-Key": "issue-1"})
    assert issued.status_code == 201, issued.text
    new = issued.json()
    known_secret("merchant token", new["token"])
    assert set(new) == TOKEN_FIELDS | {"token"} and new["last4"] == new["token"][-4:]
    assert new["applicationId"] == own["applicationId"]
    replayed = await client.post("/v1/merchant-tokens", headers={**merchant(tenant), "Idempotency-Key": "issue-1"})
    assert replayed.json() == new and replayed.headers["Idempotent-Replayed"] == "true"
    assert await _me(client, new["token"]) == 200 and await _me(client, tenant.merchant_token) == 200

    rotated = await client.post(f"/v1/merchant-tokens/{new['id']}/rotate", headers=merchant(tenant))
    assert rotated.status_code == 201, rotated.text
    replacement = rotated.json()
    known_secret("merchant token", replacement["token"])
    assert replacement["id"] != new["id"] and replacement["token"] != new["token"]
    assert await _me(client, replacement["token"]) == 200
    assert (await client.get("/v1/me", headers=_auth(new["token"]))).json() == UNAUTHORIZED
    again = await client.post(f"/v1/merchant-tokens/{new['id']}/rotate", headers=merchant(tenant))
    assert again.status_code == 409 and again.json()["ownCode"] == 5008

    # A merchant may revoke the very token it calls with: from then on it is Unauthorized.
    revoked = await client.delete(f"/v1/merchant-tokens/{own['id']}", headers=_auth(replacement["token"]))
    assert revoked.status_code == 200, revoked.text
    assert revoked.json()["status"] == "revoked" and revoked.json()["revokedAt"] is not None
    for header in (tenant.merchant_token, f"Bearer {tenant.merchant_token}"):
        refused = await client.get("/v1/me", headers=_auth(header))
        assert refused.status_code == 401 and refused.json() == UNAUTHORIZED
    twice = await client.delete(f"/v1/merchant-tokens/{own['id']}", headers=_auth(replacement["token"]))
    assert twice.status_code == 200 and twice.json()["revokedAt"] == revoked.json()["revokedAt"]

    statuses = {
        item["id"]: item["status"]
        for item in (await client.get("/v1/merchant-tokens", headers=_auth(replacement["token"]))).json()["items"]
    }
    assert statuses == {own["id"]: "revoked", new["id"]: "revoked", replacement["id"]: "active"}


async def test_the_access_token_manages_merchant_tokens_too(client):
    tenant = await create_tenant()
    access = (await tenant.middleware_tokens(client))["accessToken"]
    issued = await client.post("/v1/merchant-tokens", headers={"Authorization": f"Bearer {access}"})
    assert issued.status_code == 201, issued.text
    known_secret("merchant token", issued.json()["token"])
    assert await _me(client, issued.json()["token"]) == 200


async def test_another_merchants_token_does_not_exist_for_it(client):
    tenant, other = await create_tenant(), await create_tenant()
    [theirs] = (await client.get("/v1/merchant-tokens", headers=merchant(other))).json()["items"]
    for method, path in (
        ("DELETE", f"/v1/merchant-tokens/{theirs['id']}"),
        ("POST", f"/v1/merchant-tokens/{theirs['id']}/rotate"),
        ("DELETE", f"/v1/merchant-tokens/{uuid.uuid4()}"),
    ):
        response = await client.request(method, path, headers=merchant(tenant))
        assert response.status_code == 404, (method, path, response.text)
        assert response.json()["ownCode"] == 5001
    assert await _me(client, other.merchant_token) == 200  # untouched
    [mine] = (await client.get("/v1/merchant-tokens", headers=merchant(tenant))).json()["items"]
    assert mine["id"] != theirs["id"]


async def test_the_back_office_manages_its_clients_merchant_tokens(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    operator = await tenant.operator_headers(client)
    base = f"/cms/rest/app/partners/{tenant.partner_id}/clients/{tenant.client_slug}/merchant-tokens"

    listed = await client.get(base, headers=operator)
    assert listed.status_code == 200, listed.text
    [own] = listed.json()["data"]["items"]
    assert own["last4"] == tenant.merchant_token[-4:] and own["status"] == "active"

    issued = await client.post(base, headers={**operator, "Idempotency-Key": "cms-issue-1"})
    assert issued.status_code == 201, issued.text
    new = issued.json()["data"]
    known_secret("merchant token", new["token"])
    assert new["applicationId"] == own["applicationId"]
    assert (await client.get("/v1/me", headers=_auth(new["token"]))).json()["client"] == tenant.client_slug

    rotated = await client.post(f"{base}/{new['id']}/rotate", headers=operator)
    assert rotated.status_code == 201, rotated.text
    known_secret("merchant token", rotated.json()["data"]["token"])
    assert await _me(client, new["token"]) == 401
    assert await _me(client, rotated.json()["data"]["token"]) == 200

    revoked = await client.delete(f"{base}/{own['id']}", headers=operator)
    assert revoked.status_code == 200 and revoked.json()["data"]["status"] == "revoked"
    refused = await client.get("/v1/me", headers=merchant(tenant))
    assert refused.status_code == 401 and refused.json() == UNAUTHORIZED

    trail = await client.get("/cms/rest/audit", headers=operator)
    assert trail.status_code == 200, trail.text
    assert new["id"] in trail.text and new["token"] not in trail.text  # the issuance is kept, never the token


async def test_the_back_office_reaches_no_other_clients_tokens(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    operator = await tenant.operator_headers(client)
    own_base = f"/cms/rest/app/partners/{tenant.partner_id}/clients/{tenant.client_slug}/merchant-tokens"
    [theirs] = (await client.get("/v1/merchant-tokens", headers=merchant(other))).json()["items"]
    # Another client's token named under the operator's own client: it does not exist here.
    for method, path in (("DELETE", f"{own_base}/{theirs['id']}"), ("POST", f"{own_base}/{theirs['id']}/rotate")):
        response = await client.request(method, path, headers=operator)
        assert response.status_code == 404, response.text
        assert response.json()["error"]["code"] == 7005
    # Another partner's client: 404/7841, listing included.
    foreign = f"/cms/rest/app/partners/{tenant.partner_id}/clients/{other.client_slug}/merchant-tokens"
    for method, path in (("GET", foreign), ("POST", foreign), ("DELETE", f"{foreign}/{theirs['id']}")):
        response = await client.request(method, path, headers=operator)
        assert response.status_code == 404 and response.json()["error"]["code"] == 7841, (method, response.text)
    assert await _me(client, other.merchant_token) == 200


async def test_managing_tokens_needs_the_client_permissions(client):
    tenant = await create_tenant(operator_roles=("viewer",))
    await configure_payment_client(tenant)
    operator = await tenant.operator_headers(client)
    base = f"/cms/rest/app/partners/{tenant.partner_id}/clients/{tenant.client_slug}/merchant-tokens"
    assert (await client.get(base, headers=operator)).status_code == 200  # a viewer reads clients
    [own] = (await client.get(base, headers=operator)).json()["data"]["items"]
    for method, path in (("POST", base), ("POST", f"{base}/{own['id']}/rotate"), ("DELETE", f"{base}/{own['id']}")):
        refused = await client.request(method, path, headers=operator)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == 7801
    assert await _me(client, tenant.merchant_token) == 200
