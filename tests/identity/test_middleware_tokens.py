"""The Middleware's JWT flow (seed 000: "the JWT flow shared across all three APIs"): POST /auth/token and
/auth/refresh with the Gateway's rules, the access token accepted wherever the merchant token is (issue 18)."""

from __future__ import annotations

import jwt
import pytest

from tests.factories import bearer, create_tenant, merchant
from tests.traced import untraced

UNAUTHORIZED = {"message": "Unauthorized"}


async def test_client_credentials_issue_a_token_pair_answered_bare(client):
    tenant = await create_tenant()
    response = await client.post(
        "/auth/token",
        json={"clientId": tenant.middleware_client_id, "clientSecret": tenant.middleware_client_secret},
    )
    assert response.status_code == 200, response.text
    pair = response.json()
    assert set(pair) == {"accessToken", "refreshToken", "tokenType", "expiresIn", "refreshExpiresIn"}
    assert pair["tokenType"] == "Bearer"
    assert pair["expiresIn"] == 1800 and pair["refreshExpiresIn"] == 7 * 24 * 3600
    claims = jwt.decode(pair["accessToken"], options={"verify_signature": False})
    assert claims["aud"] == "middleware" and claims["typ"] == "app"
    assert claims["exp"] - claims["iat"] == 1800


async def test_the_access_token_acts_for_the_merchant_raw_or_after_bearer(client):
    tenant = await create_tenant()
    token = (await tenant.middleware_tokens(client))["accessToken"]
    by_merchant_token = (await client.get("/v1/me", headers=merchant(tenant))).json()
    for header in (token, f"Bearer {token}"):
        response = await client.get("/v1/me", headers={"Authorization": header})
        assert response.status_code == 200, header
        assert response.json() == by_merchant_token  # the same application and client
    listed = await client.get("/v1/webhook-endpoints", headers=bearer(token))
    assert listed.status_code == 200


async def test_bad_credentials_are_an_error_response_dto(client):
    tenant = await create_tenant()
    for body in (
        {"clientId": tenant.middleware_client_id, "clientSecret": "not-the-secret"},
        {"clientId": "nope", "clientSecret": "nope"},
        # A Gateway application's credentials are not a Middleware application's.
        {"clientId": tenant.gateway_client_id, "clientSecret": tenant.gateway_client_secret},
    ):
        response = await client.post("/auth/token", json=body)
        assert response.status_code == 401
        assert untraced(response.json()) == {
            "statusCode": 401,
            "ownCode": 2008,
            "message": "clientId and clientSecret do not match an active application.",
            "detail": "clientId and clientSecret do not match an active application.",
        }
    invalid = await client.post("/auth/token", json={"clientId": tenant.middleware_client_id})
    assert invalid.status_code == 409 and invalid.json()["ownCode"] == 5000


async def test_refresh_rotates_both_tokens_and_reuse_revokes_the_family(client):
    tenant = await create_tenant()
    first = await tenant.middleware_tokens(client)
    rotated = await client.post("/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()
    assert second["refreshToken"] != first["refreshToken"] and second["accessToken"] != first["accessToken"]
    assert (await client.get("/v1/me", headers=bearer(second["accessToken"]))).status_code == 200

    reused = await client.post("/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert reused.status_code == 401 and reused.json() == UNAUTHORIZED
    # The reuse revoked the family: the live refresh token of the rotation is dead too.
    after = await client.post("/auth/refresh", json={"refreshToken": second["refreshToken"]})
    assert after.status_code == 401 and after.json() == UNAUTHORIZED
    # A new sign-in starts a new family.
    assert (await tenant.middleware_tokens(client))["accessToken"]


@pytest.mark.parametrize("refresh_token", ["rt_nope", "nope"])
async def test_a_bad_refresh_token_is_exactly_unauthorized(client, refresh_token):
    response = await client.post("/auth/refresh", json={"refreshToken": refresh_token})
    assert response.status_code == 401 and response.json() == UNAUTHORIZED


async def test_an_expired_access_token_is_exactly_unauthorized(client, frozen_clock):
    tenant = await create_tenant()
    token = (await tenant.middleware_tokens(client))["accessToken"]
    frozen_clock.advance(minutes=29, seconds=59)
    assert (await client.get("/v1/me", headers={"Authorization": token})).status_code == 200
    frozen_clock.advance(seconds=1)
    for header in (token, f"Bearer {token}"):
        expired = await client.get("/v1/me", headers={"Authorization": header})
        assert expired.status_code == 401 and expired.json() == UNAUTHORIZED


async def test_a_forged_or_tampered_access_token_is_exactly_unauthorized(client):
    tenant = await create_tenant()
    token = (await tenant.middleware_tokens(client))["accessToken"]
    header, payload, signature = token.split(".")
    forged = jwt.encode(
        jwt.decode(token, options={"verify_signature": False}), "not-the-key-" + "x" * 24, algorithm="HS256"
    )
    for bad in (f"{header}.{payload}.{signature[::-1]}", forged, "a.b.c"):
        response = await client.get("/v1/me", headers={"Authorization": bad})
        assert response.status_code == 401 and response.json() == UNAUTHORIZED


async def test_tokens_are_bound_to_their_surface(client):
    tenant = await create_tenant()
    gateway = await tenant.app_tokens(client)
    middleware = await tenant.middleware_tokens(client)
    # A Gateway application's tokens do not open the Middleware...
    refused = await client.get("/v1/me", headers=bearer(gateway["accessToken"]))
    assert refused.status_code == 401 and refused.json() == UNAUTHORIZED
    crossed = await client.post("/auth/refresh", json={"refreshToken": gateway["refreshToken"]})
    assert crossed.status_code == 401 and crossed.json() == UNAUTHORIZED
    # ...and a Middleware application's do not open the Gateway, nor the CMS.
    gateway_refused = await client.get("/rest/auth/keys", headers=bearer(middleware["accessToken"]))
    assert gateway_refused.status_code == 401 and gateway_refused.json()["error"]["code"] == 7001
    cms_refused = await client.get("/cms/rest/me", headers=bearer(middleware["accessToken"]))
    assert cms_refused.status_code == 401 and cms_refused.json()["error"]["code"] == 7001
    refresh_refused = await client.post("/rest/auth/refresh", json={"refreshToken": middleware["refreshToken"]})
    assert refresh_refused.status_code == 401 and refresh_refused.json()["error"]["code"] == 7011
    # Both refresh tokens still work where they belong: the refusals spent nothing.
    assert (await client.post("/rest/auth/refresh", json={"refreshToken": gateway["refreshToken"]})).status_code == 200
    assert (await client.post("/auth/refresh", json={"refreshToken": middleware["refreshToken"]})).status_code == 200
