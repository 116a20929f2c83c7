"""POST /rest/auth/token and /cms/rest/auth/token run Argon2id on every try, so tries are limited like logins
(issue 13 §2): wrong secrets per clientId and address, and tries per address. A clientId is not a secret: wrong
secrets from strangers never lock its own backend out.

Limits count in fixed windows: each test runs on a frozen clock so that its tries all fall in one window."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest

from tests.factories import create_tenant
from tests.traced import untraced

pytestmark = pytest.mark.usefixtures("frozen_clock")


@asynccontextmanager
async def from_address(app, address: str | None = None) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    address = address or f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def _try(app, path: str, client_id: str, client_secret: str, address: str | None = None) -> httpx.Response:  # type: ignore[no-untyped-def]
    async with from_address(app, address) as http:
        return await http.post(path, json={"clientId": client_id, "clientSecret": client_secret})


async def test_ten_wrong_secrets_lock_the_client_id_from_that_address_only(app):
    tenant, bystander = await create_tenant(), await create_tenant()
    for prefix, client_id, secret in (
        ("/rest", tenant.gateway_client_id, tenant.gateway_client_secret),
        ("/cms/rest", tenant.cms_client_id, tenant.cms_client_secret),
    ):
        guesser = f"10.252.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"
        for _ in range(10):
            wrong = await _try(app, f"{prefix}/auth/token", client_id, "not-the-secret", guesser)
            assert wrong.status_code == 401 and wrong.json()["error"]["code"] == 7003
        for attempt in (secrets.token_urlsafe(8), secret):  # from the guesser's address, even the right secret
            refused = await _try(app, f"{prefix}/auth/token", client_id, attempt, guesser)
            assert refused.status_code == 429
            assert untraced(refused.json()["error"]) == {
                "code": 7009,
                "name": "RATE_LIMITED",
                "detail": "Too many attempts; try again later.",
            }
            assert 0 < int(refused.headers["Retry-After"]) <= 900
        # The backend itself, from its own address, still gets its token.
        assert (await _try(app, f"{prefix}/auth/token", client_id, secret)).status_code == 200
    other = await _try(app, "/rest/auth/token", bystander.gateway_client_id, bystander.gateway_client_secret)
    assert other.status_code == 200


async def test_a_right_secret_gives_its_place_back(app):
    tenant = await create_tenant()
    address = "10.253.0.9"
    for _ in range(9):
        await _try(app, "/rest/auth/token", tenant.gateway_client_id, "not-the-secret", address)
    for _ in range(3):  # successes do not fill the window the failures left room in
        right = await _try(app, "/rest/auth/token", tenant.gateway_client_id, tenant.gateway_client_secret, address)
        assert right.status_code == 200
    assert (await _try(app, "/rest/auth/token", tenant.gateway_client_id, "nope", address)).status_code == 401
    assert (await _try(app, "/rest/auth/token", tenant.gateway_client_id, "nope", address)).status_code == 429


async def test_ipv6_addresses_of_one_64_block_count_as_one(app):
    """A subscriber's /64 is theirs to rotate through: its addresses share one per-address limit."""
    tenant = await create_tenant()
    block = f"2001:db8:{secrets.randbelow(9000) + 1000:x}:1"
    for attempt in range(10):
        address = f"{block}::{attempt + 1:x}"
        wrong = await _try(app, "/rest/auth/token", tenant.gateway_client_id, "nope", address)
        assert wrong.status_code == 401
    refused = await _try(app, "/rest/auth/token", tenant.gateway_client_id, "nope", f"{block}:ffff::1")
    assert refused.status_code == 429
    assert (await _try(app, "/rest/auth/token", tenant.gateway_client_id, "nope", "2001:db8:1::1")).status_code == 401


async def test_one_address_gets_sixty_tries_in_five_minutes_across_both_surfaces(app):
    tenant = await create_tenant()
    address = "10.251.0.7"
    for attempt in range(60):  # unknown client ids, so no per-client limit is reached
        prefix = "/rest" if attempt % 2 else "/cms/rest"
        answered = await _try(app, f"{prefix}/auth/token", f"guess-{attempt}", "nope", address)
        assert answered.status_code == 401
    refused = await _try(app, "/rest/auth/token", tenant.gateway_client_id, tenant.gateway_client_secret, address)
    assert refused.status_code == 429 and refused.json()["error"]["code"] == 7009
    assert int(refused.headers["Retry-After"]) <= 300
    elsewhere = await _try(app, "/rest/auth/token", tenant.gateway_client_id, tenant.gateway_client_secret)
    assert elsewhere.status_code == 200
