"""Per-address limits count the connecting address unless it is a configured proxy (issue 13 §2): uvicorn's
default trusted 127.0.0.1, so a client there rotated X-Forwarded-For and got a fresh limit for every try.

Against real `migo serve` processes, since the forwarded headers are the HTTP server's business. The limit
used is the one-time-code sender's, 20 per address in 10 minutes, with a new username each time so the
per-user limit stays out of the way."""

from __future__ import annotations

import secrets

import httpx
import pytest

from migo.platform.settings import Settings
from tests.factories import bearer, create_tenant
from tests.live import running_server

PER_ADDRESS = 20


def _send_otps(base: str, app_token: str, forwarded_for: list[str]) -> list[int]:
    """Ask for a code once per forwarded address given; the statuses, stopping at the first refusal."""
    statuses = []
    with httpx.Client(base_url=base, headers=bearer(app_token)) as http:
        for address in forwarded_for:
            response = http.post(
                "/rest/users/auth/otp",
                json={"username": f"nobody-{secrets.token_hex(6)}"},
                headers={"X-Forwarded-For": address},
            )
            statuses.append(response.status_code)
            if response.status_code == 429:
                break
    return statuses


def _rotating(count: int) -> list[str]:
    return [f"198.51.100.{n % 250 + 1}" if n < 250 else f"203.0.113.{n % 250 + 1}" for n in range(count)]


@pytest.fixture
async def app_token(client) -> str:
    return await (await create_tenant()).app_token(client)


def test_by_default_x_forwarded_for_is_ignored(app_token):
    with running_server() as base:
        # Fixed windows: twice the limit reaches a refusal even when a window boundary falls in between.
        statuses = _send_otps(base, app_token, _rotating(2 * PER_ADDRESS + 1))
    assert statuses[-1] == 429, statuses
    assert set(statuses[:-1]) == {200}


def test_a_configured_proxy_is_believed(app_token):
    with running_server({"MIGO_TRUSTED_PROXIES": "10.9.0.0/16, 127.0.0.1"}) as base:
        rotating = _send_otps(base, app_token, _rotating(2 * PER_ADDRESS + 1))
        assert set(rotating) == {200}  # each try counted against the address the proxy names
        one_client = _send_otps(base, app_token, ["192.0.2.44"] * (2 * PER_ADDRESS + 1))
    assert one_client[-1] == 429 and set(one_client[:-1]) == {200}


def test_trusted_proxies_are_addresses_or_networks():
    assert Settings(trusted_proxies="").trusted_proxies == []
    parsed = Settings(trusted_proxies=" 127.0.0.1, 10.9.0.0/16,::1 ").trusted_proxies
    assert [str(network) for network in parsed] == ["127.0.0.1/32", "10.9.0.0/16", "::1/128"]
    with pytest.raises(ValueError, match="trusted_proxies"):
        Settings(trusted_proxies="10.9.0.1/16")  # host bits set: a typo, not silently a different network
    with pytest.raises(ValueError, match="trusted_proxies"):
        Settings(trusted_proxies="proxy.internal")
