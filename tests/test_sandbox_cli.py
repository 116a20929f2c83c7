"""`migo sandbox --json`: one JSON object of working sandbox credentials, stable across runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from migo.identity import signing
from tests.factories import bearer


def _sandbox_json() -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "migo", "sandbox", "--json"], capture_output=True, text=True, env=os.environ, check=True
    )
    return json.loads(result.stdout)  # exactly one JSON object on stdout


@pytest.fixture(scope="module")
def sheet() -> dict:
    first = _sandbox_json()
    assert _sandbox_json() == first  # a second run prints the same credentials
    return first


def test_the_cheat_sheet_has_every_documented_key(sheet):
    assert sheet["environment"] == "sandbox"
    assert sheet["baseUrl"] == os.environ["MIGO_PUBLIC_URL"]
    assert set(sheet["gateway"]) >= {"clientId", "clientSecret", "companyId", "signingKeyId", "signingSecret"}
    assert set(sheet["cms"]) >= {"clientId", "clientSecret", "partnerId", "operator"}
    assert set(sheet["cms"]["operator"]) == {"username", "password"}
    assert set(sheet["middleware"]) >= {"client", "merchantToken", "publicKey", "privateKey"}
    numbers = {card["number"]: card["outcome"] for card in sheet["testCards"]}
    assert numbers["4242424242424242"] == "approved"
    assert numbers["4000000000009995"] == "insufficient_funds"


async def test_the_printed_credentials_work(client, sheet):
    gateway = sheet["gateway"]
    token = await client.post(
        "/rest/auth/token", json={"clientId": gateway["clientId"], "clientSecret": gateway["clientSecret"]}
    )
    assert token.status_code == 200
    app_token = token.json()["data"]["accessToken"]

    body = b'{"hello": "sandbox"}'
    stamp = int(time.time())
    signed = await client.post(
        "/rest/auth/signature/verify",
        content=body,
        headers={
            **bearer(app_token),
            "content-type": "application/json",
            "x-key-id": gateway["signingKeyId"],
            "x-timestamp": str(stamp),
            "x-signature": signing.sign(gateway["signingSecret"], stamp, body),
        },
    )
    assert signed.status_code == 200

    cardholder = await client.post("/rest/users/auth/login", json=gateway["cardholder"], headers=bearer(app_token))
    assert cardholder.status_code == 200

    cms = sheet["cms"]
    cms_token = await client.post(
        "/cms/rest/auth/token", json={"clientId": cms["clientId"], "clientSecret": cms["clientSecret"]}
    )
    operator = await client.post(
        "/cms/rest/auth/login", json=cms["operator"], headers=bearer(cms_token.json()["data"]["accessToken"])
    )
    assert operator.status_code == 200

    merchant = await client.get("/v1/me", headers={"Authorization": sheet["middleware"]["merchantToken"]})
    assert merchant.status_code == 200 and merchant.json()["client"] == sheet["middleware"]["client"]


def test_production_has_no_sandbox():
    result = subprocess.run(
        [sys.executable, "-m", "migo", "sandbox", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "MIGO_ENVIRONMENT": "production"},
    )
    assert result.returncode == 2
    assert "production" in result.stdout
