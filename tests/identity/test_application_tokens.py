"""Application credentials: POST /rest/auth/token and /rest/auth/refresh (CONTRACT §3)."""

from __future__ import annotations

import jwt

from migo.platform import clock
from tests.factories import bearer, create_tenant
from tests.traced import untraced


async def test_client_credentials_issue_a_token_pair(client):
    tenant = await create_tenant()
    response = await client.post(
        "/rest/auth/token", json={"clientId": tenant.gateway_client_id, "clientSecret": tenant.gateway_client_secret}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["statusCode"] == 200 and body["message"] == "OK"
    data = body["data"]
    assert set(data) == {"accessToken", "refreshToken", "tokenType", "expiresIn", "refreshExpiresIn"}
    assert data["tokenType"] == "Bearer"
    assert data["expiresIn"] == 1800  # seed 003: 30 minutes
    assert data["refreshExpiresIn"] == 7 * 24 * 3600  # seed 003: 7 days
    claims = jwt.decode(data["accessToken"], options={"verify_signature": False})
    assert claims["aud"] == "gateway" and claims["typ"] == "app"
    assert claims["exp"] - claims["iat"] == 1800


async def test_wrong_secret_is_invalid_credentials(client):
    tenant = await create_tenant()
    response = await client.post(
        "/rest/auth/token", json={"clientId": tenant.gateway_client_id, "clientSecret": "not-the-secret"}
    )
    assert response.status_code == 401
    assert untraced(response.json()) == {
        "statusCode": 401,
        "message": "The credentials are not valid.",
        "error": {
            "code": 7003,
            "name": "INVALID_CREDENTIALS",
            "detail": "clientId and clientSecret do not match an active application.",
        },
    }


async def test_unknown_client_and_cross_surface_credentials_are_refused(client):
    tenant = await create_tenant()
    unknown = await client.post("/rest/auth/token", json={"clientId": "nope", "clientSecret": "nope"})
    assert unknown.json()["error"]["code"] == 7003
    # A CMS application cannot take Gateway tokens, nor the reverse.
    crossed = await client.post(
        "/rest/auth/token", json={"clientId": tenant.cms_client_id, "clientSecret": tenant.cms_client_secret}
    )
    assert crossed.status_code == 401
    gateway_token = await tenant.app_token(client)
    refused = await client.get("/cms/rest/me", headers=bearer(gateway_token))
    assert refused.status_code == 401 and refused.json()["error"]["code"] == 7001


async def test_access_token_expires_after_thirty_minutes(client, frozen_clock):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    assert (await client.get("/rest/auth/keys", headers=bearer(token))).status_code == 200
    frozen_clock.advance(minutes=29, seconds=59)
    assert (await client.get("/rest/auth/keys", headers=bearer(token))).status_code == 200
    frozen_clock.advance(seconds=1)
    expired = await client.get("/rest/auth/keys", headers=bearer(token))
    assert expired.status_code == 401
    assert untraced(expired.json()["error"]) == {
        "code": 7002,
        "name": "TOKEN_EXPIRED",
        "detail": "The access token has expired; refresh it.",
    }


async def test_refresh_rotates_both_tokens_and_is_single_use(client):
    tenant = await create_tenant()
    first = await tenant.app_tokens(client)
    rotated = await client.post("/rest/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert rotated.status_code == 200
    second = rotated.json()["data"]
    assert second["refreshToken"] != first["refreshToken"]
    assert second["accessToken"] != first["accessToken"]
    assert (await client.get("/rest/auth/keys", headers=bearer(second["accessToken"]))).status_code == 200


async def test_reusing_a_spent_refresh_token_revokes_the_family(client):
    tenant = await create_tenant()
    first = await tenant.app_tokens(client)
    second = (await client.post("/rest/auth/refresh", json={"refreshToken": first["refreshToken"]})).json()["data"]

    replay = await client.post("/rest/auth/refresh", json={"refreshToken": first["refreshToken"]})
    assert replay.status_code == 401
    assert replay.json()["error"]["code"] == 7010
    assert replay.json()["error"]["name"] == "REFRESH_TOKEN_REUSED"

    # The legitimate holder's newer refresh token died with the family.
    after = await client.post("/rest/auth/refresh", json={"refreshToken": second["refreshToken"]})
    assert after.status_code == 401
    assert after.json()["error"]["code"] == 7010

    # A fresh login starts a new, working family.
    fresh = await tenant.app_tokens(client)
    ok = await client.post("/rest/auth/refresh", json={"refreshToken": fresh["refreshToken"]})
    assert ok.status_code == 200


async def test_refresh_token_expires_after_seven_days(client, frozen_clock):
    tenant = await create_tenant()
    tokens = await tenant.app_tokens(client)
    frozen_clock.advance(days=7, seconds=1)
    response = await client.post("/rest/auth/refresh", json={"refreshToken": tokens["refreshToken"]})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == 7011


async def test_garbage_tokens_are_unauthorized(client):
    for header in ({}, {"Authorization": "Bearer"}, {"Authorization": "Bearer x.y.z"}, {"Authorization": "Basic abc"}):
        response = await client.get("/rest/auth/keys", headers=header)
        assert response.status_code == 401, header
        assert response.json()["error"]["code"] == 7001
    forged = jwt.encode({"sub": "x", "aud": "gateway", "exp": clock.now().timestamp() + 60}, "wrong-key-" * 4, "HS256")
    response = await client.get("/rest/auth/keys", headers=bearer(forged))
    assert response.status_code == 401


async def test_unknown_refresh_token(client):
    response = await client.post("/rest/auth/refresh", json={"refreshToken": "rt_unknown"})
    assert response.status_code == 401
    assert response.json()["error"]["name"] == "INVALID_REFRESH_TOKEN"
