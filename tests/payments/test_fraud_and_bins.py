"""Fraud suspensions (ownCodes 2004-2006, by hand and by the velocity rule), BINs and client configuration."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from migo.platform import clock
from migo.platform.wire import format_timestamp
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay


def link_body(tenant, user_id="50224865444"):
    return {"amount": 100, "userId": user_id, "channel": "wa", "client": tenant.client_slug}


@pytest.mark.parametrize(("kind", "own_code"), [("blocked", 2004), ("suspended", 2005), ("excluded", 2006)])
async def test_a_suspended_customer_cannot_create_nor_pay_links(client, kind, own_code):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    waiting = await create_link(client, tenant, userId="+50211112222")
    created = await client.post(
        "/v1/suspensions",
        json={"client": tenant.client_slug, "userId": "+50211112222", "type": kind, "reason": "chargebacks"},
        headers=merchant(tenant),
    )
    assert created.status_code == 201, created.text
    assert created.json()["active"] is True and created.json()["source"] == "manual"

    refused = await client.post("/transactions", json=link_body(tenant, "+50211112222"), headers=merchant(tenant))
    assert refused.status_code == 400 and refused.json()["ownCode"] == own_code
    paid = await sandbox_pay(client, tenant, waiting["uid"])
    assert paid.status_code == 400 and paid.json()["ownCode"] == own_code
    other_user = await client.post("/transactions", json=link_body(tenant, "+50233334444"), headers=merchant(tenant))
    assert other_user.status_code == 200

    lifted = await client.post(
        f"/v1/suspensions/{created.json()['id']}/lift", json={"reason": "resolved"}, headers=merchant(tenant)
    )
    assert lifted.status_code == 200 and lifted.json()["active"] is False
    allowed = await client.post("/transactions", json=link_body(tenant, "+50211112222"), headers=merchant(tenant))
    assert allowed.status_code == 200


async def test_a_suspension_with_an_end_ends_by_itself(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    until = format_timestamp(clock.now() + timedelta(hours=2))
    suspension = {"client": tenant.client_slug, "userId": "50255550101", "type": "suspended", "reason": "r"}
    suspension["until"] = until
    assert (await client.post("/v1/suspensions", json=suspension, headers=merchant(tenant))).status_code == 201
    refused = await client.post("/transactions", json=link_body(tenant, "50255550101"), headers=merchant(tenant))
    assert refused.json()["ownCode"] == 2005
    frozen_clock.advance(hours=2, seconds=1)
    assert (
        await client.post("/transactions", json=link_body(tenant, "50255550101"), headers=merchant(tenant))
    ).status_code == 200


async def test_suspensions_are_the_merchants_own(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    body = {"client": other.client_slug, "userId": "u1", "type": "blocked", "reason": "r"}
    refused = await client.post("/v1/suspensions", json=body, headers=merchant(tenant))
    assert refused.status_code == 409 and refused.json()["ownCode"] == 5004
    mine = await client.post("/v1/suspensions", json={**body, "client": tenant.client_slug}, headers=merchant(tenant))
    foreign_lift = await client.post(f"/v1/suspensions/{mine.json()['id']}/lift", headers=merchant(other))
    assert foreign_lift.status_code == 404
    listed = (await client.get("/v1/suspensions", params={"userId": "u1"}, headers=merchant(tenant))).json()
    assert [s["id"] for s in listed["items"]] == [mine.json()["id"]]
    assert (await client.get("/v1/suspensions", headers=merchant(other))).json()["meta"]["totalItems"] == 0


async def test_past_until_and_bad_types_are_refused(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    base = {"client": tenant.client_slug, "userId": "u1", "reason": "r"}
    past = format_timestamp(clock.now() - timedelta(minutes=1))
    naive = "2030-01-01T00:00:00"  # no time zone: ambiguous, refused
    for body in (
        {**base, "type": "suspended", "until": past},
        {**base, "type": "banned"},
        {**base, "type": "suspended", "until": naive},
    ):
        response = await client.post("/v1/suspensions", json=body, headers=merchant(tenant))
        assert response.status_code == 409 and response.json()["ownCode"] == 5000


async def test_the_velocity_rule_suspends_after_too_many_declines(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, velocity=(3, 60, 30), max_attempts=5)
    link = await create_link(client, tenant, userId="50255550666")
    for _ in range(3):
        answer = await sandbox_pay(client, tenant, link["uid"], "4000000000000002")
        assert answer.status_code == 200
    blocked = await sandbox_pay(client, tenant, link["uid"])
    assert blocked.status_code == 400 and blocked.json()["ownCode"] == 2005
    listed = (await client.get("/v1/suspensions", params={"active": "true"}, headers=merchant(tenant))).json()
    assert listed["items"][0]["source"] == "velocity" and listed["items"][0]["userId"] == "50255550666"
    refused = await client.post("/transactions", json=link_body(tenant, "50255550666"), headers=merchant(tenant))
    assert refused.json()["ownCode"] == 2005


async def test_bin_lookup_from_the_table_and_from_iin_ranges(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    known = (await client.get("/v1/bins/424242", headers=merchant(tenant))).json()
    assert known == {"bin": "424242", "brand": "visa", "type": "credit", "issuer": "Migo Sandbox Bank", "country": "US"}
    unknown = (await client.get("/v1/bins/51234567", headers=merchant(tenant))).json()
    assert unknown["brand"] == "mastercard" and unknown["type"] == "unknown" and unknown["country"] is None
    bad = await client.get("/v1/bins/12ab", headers=merchant(tenant))
    assert bad.status_code == 409 and bad.json()["ownCode"] == 5000
    assert (await client.get("/v1/bins/424242")).status_code == 401


async def test_bin_verify_applies_the_clients_rules(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_card_types=("credit",), allowed_countries=("US",))

    async def verify(bin_digits: str) -> dict:
        body = {"client": tenant.client_slug, "bin": bin_digits}
        return (await client.post("/v1/bins/verify", json=body, headers=merchant(tenant))).json()

    credit = await verify("424242")
    assert credit["allowed"] is True and credit["installments"] == [1, 3, 6, 12]
    debit = await verify("520082")
    assert debit["allowed"] is False and debit["reasons"] == ["card type debit is not accepted"]
    assert debit["installments"] == [1]
    local = await verify("489551")
    assert local["allowed"] is False and "issuer country GT is not accepted" in local["reasons"]


def _migo(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "migo", *args], capture_output=True, text=True, env=os.environ)


async def test_bins_load_from_a_csv(client, tmp_path):
    tenant = await create_tenant()
    csv_file = tmp_path / "bins.csv"
    csv_file.write_text("bin,brand,type,issuer,country\n45717360,visa,debit,Banco Ejemplo,GT\n")
    loaded = await asyncio.to_thread(_migo, "bins", "load", str(csv_file))
    assert loaded.returncode == 0 and json.loads(loaded.stdout) == {"loaded": 1}
    info = (await client.get("/v1/bins/45717360", headers=merchant(tenant))).json()
    assert (info["bin"], info["type"], info["issuer"], info["country"]) == ("45717360", "debit", "Banco Ejemplo", "GT")
    bad = tmp_path / "bad.csv"
    bad.write_text("bin,brand,type,issuer,country\n12,visa,credit,,\n")
    refused = await asyncio.to_thread(_migo, "bins", "load", str(bad))
    assert refused.returncode == 2 and "bin must be 6 or 8 digits" in refused.stderr
    headless = tmp_path / "headless.csv"
    headless.write_text("45717361,visa,debit,Banco Ejemplo,GT\n")  # a row where the header should be
    refused = await asyncio.to_thread(_migo, "bins", "load", str(headless))
    assert refused.returncode == 2 and "the first line must be the header" in refused.stderr


async def test_client_config_is_discoverable_for_the_own_slug_only(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    config = (await client.get(f"/v1/clients/{tenant.client_slug}/config", headers=merchant(tenant))).json()
    assert config["currencies"] == ["GTQ", "USD"] and config["defaultCurrency"] == "GTQ"
    assert config["channels"] == ["wa", "sms", "email", "web", "app"]
    assert (config["minAmount"], config["maxAmount"]) == (1, 100000)
    assert config["processors"] == [{"name": "sandbox", "brands": [], "installments": [1, 3, 6, 12]}]
    foreign = await client.get(f"/v1/clients/{other.client_slug}/config", headers=merchant(tenant))
    assert foreign.status_code == 409 and foreign.json()["ownCode"] == 5004
