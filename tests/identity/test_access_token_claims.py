"""An access token's `iat` and `aud` are held to what Migo issues (issue 13 §2): PyJWT, as configured, took a
token issued in the future and an audience list that merely contained ours. The tokens here are forged with
the server's own key, so only those claims are wrong."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import jwt
import pytest

from migo.platform import clock, security
from migo.platform.clock import FrozenClock, use_clock
from tests.factories import bearer, create_tenant
from tests.traced import untraced

REFUSED = {
    "statusCode": 401,
    "message": "A valid access token is required.",
    "error": {"code": 7001, "name": "UNAUTHORIZED", "detail": "The access token is not valid."},
}


def _forged(token: str, **changes: Any) -> str:
    claims = jwt.decode(token, options={"verify_signature": False})
    claims.update(changes)
    for name in [name for name, value in changes.items() if value is None]:
        del claims[name]
    return jwt.encode(claims, security.derive_key("jwt-hs256"), algorithm="HS256")


@pytest.fixture
async def gateway_token(client) -> str:
    return await (await create_tenant()).app_token(client)


async def test_a_token_issued_in_the_future_is_refused(client, gateway_token):
    now = int(clock.now().timestamp())
    ahead = await client.get("/rest/auth/keys", headers=bearer(_forged(gateway_token, iat=now + 3600)))
    assert ahead.status_code == 401 and untraced(ahead.json()) == REFUSED
    no_iat = await client.get("/rest/auth/keys", headers=bearer(_forged(gateway_token, iat=None)))
    assert no_iat.status_code == 401 and untraced(no_iat.json()) == REFUSED
    within_leeway = await client.get("/rest/auth/keys", headers=bearer(_forged(gateway_token, iat=now + 20)))
    assert within_leeway.status_code == 200  # clock skew between replicas


async def test_the_issue_time_is_checked_on_every_call_not_cached(client, gateway_token):
    start = clock.now()
    token = _forged(gateway_token, iat=int(start.timestamp()) + 60, exp=int(start.timestamp()) + 1800)
    with use_clock(FrozenClock(start)) as frozen:
        assert (await client.get("/rest/auth/keys", headers=bearer(token))).status_code == 401
        frozen.advance(seconds=60)
        assert (await client.get("/rest/auth/keys", headers=bearer(token))).status_code == 200
    # The same bytes, verified and cached a moment ago, against a clock back at the start.
    with use_clock(FrozenClock(start - timedelta(seconds=1))):
        assert untraced((await client.get("/rest/auth/keys", headers=bearer(token))).json()) == REFUSED


async def test_the_audience_must_be_the_one_string(client, gateway_token):
    for audience in (["gateway"], ["gateway", "cms"], "cms"):
        response = await client.get("/rest/auth/keys", headers=bearer(_forged(gateway_token, aud=audience)))
        assert response.status_code == 401 and untraced(response.json()) == REFUSED, audience
    assert (await client.get("/rest/auth/keys", headers=bearer(_forged(gateway_token)))).status_code == 200
