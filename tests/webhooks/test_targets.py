"""Where deliveries may go (SSRF): the URL rules at registration, in production and in the sandbox, through
both surfaces and the CLI; the addresses the connection itself is allowed to reach; and an endpoint whose
address turns internal, disabled at its next attempt instead of retried for seven days."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys

import pytest
from sqlalchemy import update

from migo.platform.db import database
from migo.platform.settings import Settings
from migo.webhooks import dispatcher, targets
from migo.webhooks.models import WebhookEndpoint
from tests.factories import bearer, configure_payment_client, create_tenant, merchant
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain, paid_link, register

# Internal in every environment, the sandbox included. 169.254.169.254 (the cloud metadata service) is
# a9fe:a9fe in hexadecimal, 10.0.0.1 is a00:1.
INTERNAL = [
    # IPv6 forms that embed an internal IPv4 address
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64, well-known prefix
    "http://[64:ff9b:1::a00:1]/",  # NAT64, local-use prefix
    "http://[2002:a9fe:a9fe::1]/",  # 6to4
    "http://[2001:0:a9fe:a9fe::1]/",  # Teredo (server field)
    "http://[::a9fe:a9fe]/",  # IPv4-compatible
    "http://[::ffff:169.254.169.254]/",  # IPv4-mapped
    "http://[::ffff:192.168.0.1]/",
    "http://[::ffff:0:a00:1]/",  # IPv4-translated
    # other IPv6 that is not global unicast
    "http://[fec0::1]/",  # deprecated site-local
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://[ff02::1]/",
    "http://[::]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[5f00::1]/",
    # IPv4 written as the C library's inet_aton reads it, as getaddrinfo does
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://0251.0376.0251.0376/",
    "http://169.254.43518/",
    "http://127.1/",
    "http://0x7f000001:8080/",
    "http://127.0.0.1./",
    # internal IPv4 blocks
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://224.0.0.1/",
    "http://127.0.0.2/",
    # names that stay on this machine or its network
    "http://localhost./",
    "http://LOCALHOST/",
    "http://LocalHost:3000/",
    "http://localhost.localdomain/",
    "http://api.localhost/",
    "http://API.LOCALHOST./",
    "http://printer.local/",
    "http://metadata.internal/x",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://router.home.arpa/",
    "http://metadata/",
    "http://vm/",
    "http://hooks.123/",
]
# Decided: an IPv6 form that embeds an IPv4 address is refused even when that address is public. Where
# the packet lands depends on relays and translators of the network, and the address itself can be written.
EMBEDDING_A_PUBLIC_ADDRESS = ["http://[64:ff9b::808:808]/", "http://[2002:808:808::1]/", "http://[::ffff:8.8.8.8]/"]
SANDBOX_LOOPBACK = ["http://127.0.0.1:9000/x", "http://localhost:3000/x", "http://[::1]:8080/x"]
PUBLIC = [
    "https://shop.example/hooks",
    "https://shop.example./hooks",
    "http://hooks.shop.example:8443/migo?x=1#top",
    "https://HOOKS.Shop.Example/x",
    "https://8.8.8.8/x",
    "https://[2606:4700:4700::1111]/x",
    "https://xn--bcher-kva.example/x",
]
# Read one way here and another way by a browser, aiohttp or the C library: never interpreted.
MALFORMED = [
    "https://shop.example/a b",
    "https://shop.example/a\r\nX-Injected: yes",
    "https://shop.example/\ttab",
    " https://shop.example/",
    "https://shop.example/\u00a0",
    "https://shop.example/\x00",
    "https://shop.example\\@evil.example/",
    "https://user:pw@shop.example/",
    "https://@shop.example/",
    "https://token@shop.example/",
    "https://%73hop.example/",
    "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",  # full-width digits: IDNA makes them 127.0.0.1
    "https://b\u00fccher.example/",
    "http://[v1.x]/",
    "http://[::1]x/",
    "http://[2606:4700::1%25eth0]/",
    "https://shop..example/",
    "https://.shop.example/",
    "https://shop.example:99999/",
    "https://shop.example:/x",
    "ftp://shop.example/",
    "https:///x",
]


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(environment="production", secret_key="x" * 40)
    monkeypatch.setattr(targets, "get_settings", lambda: settings)


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Names this test's resolver answers itself (the machine has no DNS); every other name as usual."""
    records: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):  # type: ignore[no-untyped-def]
        if host not in records:
            return real(host, port, family, type, proto, flags)
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", (a, port, 0, 0))
            if ":" in a
            else (socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
            for a in records[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return records


@pytest.mark.parametrize("url", INTERNAL + EMBEDDING_A_PUBLIC_ADDRESS + SANDBOX_LOOPBACK + MALFORMED)
def test_production_refuses_at_registration(production, url):
    with pytest.raises(targets.TargetRefused):
        targets.check_url(url)


@pytest.mark.parametrize("url", INTERNAL + EMBEDDING_A_PUBLIC_ADDRESS + MALFORMED)
def test_the_sandbox_refuses_them_too(url):
    with pytest.raises(targets.TargetRefused):
        targets.check_url(url)


@pytest.mark.parametrize("url", PUBLIC)
def test_public_addresses_are_accepted_everywhere(production, url):
    assert targets.check_url(url) == url


@pytest.mark.parametrize("url", PUBLIC + SANDBOX_LOOPBACK)
def test_the_sandbox_accepts_loopback_in_its_plain_forms(url):
    assert targets.check_url(url) == url


@pytest.mark.parametrize("url", SANDBOX_LOOPBACK)
def test_a_public_sandbox_can_refuse_loopback(monkeypatch, url):
    """MIGO_SANDBOX_LOOPBACK_WEBHOOKS=false: a sandbox hosted for everyone must not POST to its own host."""
    settings = Settings(environment="sandbox", sandbox_loopback_webhooks=False)
    monkeypatch.setattr(targets, "get_settings", lambda: settings)
    with pytest.raises(targets.TargetRefused, match=r"not a public address|internal"):
        targets.check_url(url)


def test_refusals_say_why(production):
    reasons = {}
    for url in ("http://0xa9.0xfe.0xa9.0xfe/", "http://[64:ff9b::a9fe:a9fe]/", "http://x.example/\r\n", "http://vm/"):
        with pytest.raises(targets.TargetRefused) as refused:
            targets.check_url(url)
        reasons[url] = str(refused.value)
    assert "169.254.169.254" in reasons["http://0xa9.0xfe.0xa9.0xfe/"]
    assert "IPv4" in reasons["http://[64:ff9b::a9fe:a9fe]/"]
    assert "control character" in reasons["http://x.example/\r\n"]
    assert "public" in reasons["http://vm/"]


# Each surface answers a refused URL in its own error shape, on creation and on change alike.
REFUSED_OVER_HTTP = [
    "https://shop.example/a\r\nX-Injected: yes",
    "https://shop.example/a b",
    "https://shop.example\\@evil.example/",
    "https://@shop.example/",
    "http://2852039166/",
    "http://127.1:8080/",
    "http://localhost.:3000/",
    "http://[64:ff9b::a9fe:a9fe]/",
]


@pytest.mark.parametrize("url", REFUSED_OVER_HTTP)
async def test_the_middleware_refuses_them_on_create_and_update(client, url):
    tenant = await create_tenant()
    endpoint = await register(client, tenant, "https://shop.example/hooks")
    created = await client.post(
        "/v1/webhook-endpoints", json={"url": url, "eventTypes": ["*"]}, headers=merchant(tenant)
    )
    path = f"/v1/webhook-endpoints/{endpoint['id']}"
    changed = await client.patch(path, json={"url": url}, headers=merchant(tenant))
    for response in (created, changed):
        assert response.status_code == 409, response.text
        assert response.json()["ownCode"] == 5000 and response.json()["detail"].startswith("url: ")
    assert (await client.get(path, headers=merchant(tenant))).json()["url"] == "https://shop.example/hooks"


@pytest.mark.parametrize("url", REFUSED_OVER_HTTP)
async def test_the_gateway_refuses_them_on_create_and_update(client, url):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    registered = await client.post(
        "/rest/webhook-endpoints",
        json={"url": "https://shop.example/hooks", "eventTypes": ["*"]},
        headers=bearer(token),
    )
    path = f"/rest/webhook-endpoints/{registered.json()['data']['id']}"
    created = await client.post(
        "/rest/webhook-endpoints", json={"url": url, "eventTypes": ["*"]}, headers=bearer(token)
    )
    changed = await client.patch(path, json={"url": url}, headers=bearer(token))
    for response in (created, changed):
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        assert error["code"] == 7000 and error["detail"].startswith("url: ")
    assert (await client.get(path, headers=bearer(token))).json()["data"]["url"] == "https://shop.example/hooks"


@pytest.mark.parametrize("url", ["https://shop.example/a\nb", "http://127.1:9/x"])
async def test_the_cli_refuses_them(url):
    tenant = await create_tenant()
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "migo", "webhooks", "add", "--client", tenant.client_slug, "--url", url],
        capture_output=True,
        text=True,
        env=os.environ,
    )
    assert result.returncode == 2, result.stdout
    assert "url: " in result.stderr


async def test_the_connection_itself_refuses_a_name_that_resolves_inside(production, dns):
    """The addresses checked are the ones connected to: a DNS answer that changes after a check (rebinding)
    cannot slip through."""
    with webhook_receiver() as receiver:
        dns["rebound.shop.example"] = ["127.0.0.1"]
        dns["mixed.shop.example"] = ["8.8.8.8", "fd00::1"]
        port = receiver.url.split(":")[2].split("/")[0]
        async with dispatcher.http_client() as http:
            for host in ("rebound.shop.example", "mixed.shop.example", "localhost"):
                with pytest.raises(targets.TargetRefused, match="internal address"):
                    await http.post(f"http://{host}:{port}/hooks", data=b"{}")
    assert receiver.requests == []


async def test_the_sandbox_connects_to_loopback_only_by_its_plain_names(client, dns):
    with webhook_receiver() as receiver:
        dns["rebound.shop.example"] = ["127.0.0.1"]
        port = receiver.url.split(":")[2].split("/")[0]
        async with dispatcher.http_client() as http:
            async with http.post(f"http://localhost:{port}/hooks", data=b"{}") as answer:
                assert answer.status == 200
            with pytest.raises(targets.TargetRefused):
                await http.post(f"http://rebound.shop.example:{port}/hooks", data=b"{}")
    assert len(receiver.requests) == 1


@pytest.mark.parametrize("environment", ["sandbox", "production"])
async def test_an_endpoint_whose_name_turns_internal_is_disabled_not_retried(
    client, frozen_clock, dns, monkeypatch, environment
):
    if environment == "production":
        settings = Settings(environment="production", secret_key="x" * 40)
        monkeypatch.setattr(targets, "get_settings", lambda: settings)
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        port = receiver.url.split(":")[2].split("/")[0]
        endpoint = await register(client, tenant, f"http://hooks.shop.example:{port}/hooks")
        dns["hooks.shop.example"] = ["127.0.0.1"]  # the integrator's DNS now points inside
        await paid_link(client, tenant)
        await drain()
        path = f"/v1/webhook-endpoints/{endpoint['id']}"
        shown = (await client.get(path, headers=merchant(tenant))).json()
        assert shown["status"] == "disabled", shown
        assert "hooks.shop.example resolves to an internal address" in shown["disabledReason"]
        frozen_clock.advance(hours=1)
        await drain()
    assert receiver.requests == []
    log = (await client.get(f"{path}/deliveries", headers=merchant(tenant))).json()
    delivery = log["items"][0]
    assert delivery["status"] == "pending" and delivery["attempts"] == 1  # kept for when it is enabled again
    assert "internal address" in delivery["attemptLog"][0]["error"]


async def test_an_endpoint_stored_before_these_rules_is_disabled_at_its_next_attempt(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(client, tenant, receiver.url)
        legacy = receiver.url.replace("127.0.0.1", "127.1")  # inet_aton's 127.0.0.1: the receiver itself
        async with database.transaction() as session:
            await session.execute(
                update(WebhookEndpoint).where(WebhookEndpoint.id == endpoint["id"]).values(url=legacy)
            )
        await paid_link(client, tenant)
        await drain()
    assert receiver.requests == []
    shown = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=merchant(tenant))).json()
    assert shown["status"] == "disabled" and "127.0.0.1" in shown["disabledReason"]
