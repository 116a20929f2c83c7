"""`migo sandbox --json`: one JSON object of working sandbox credentials, stable across runs."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import pytest

from migo.identity import signing
from migo.platform.secrets import Secret
from tests.factories import bearer
from tests.leakscan import known_secret


def _sandbox_json() -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "migo", "sandbox", "--json"], capture_output=True, text=True, env=os.environ, check=True
    )
    return json.loads(result.stdout)  # exactly one JSON object on stdout


def _signed(gateway: dict, app_token: str, body: bytes, method: str, path: str) -> dict[str, str]:
    """Headers of a call signed with the cheat sheet's key, as an integrator would send them."""
    stamp = int(time.time())
    request = signing.SignedRequest(method, path, None, body)
    return {
        **bearer(app_token),
        "content-type": "application/json",
        "x-key-id": gateway["signingKeyId"],
        "x-timestamp": str(stamp),
        "x-signature": signing.sign(Secret(gateway["signingSecret"]), stamp, request),
    }


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
    assert set(sheet["cms"]["platform"]) == {"clientId", "clientSecret", "partnerId", "operator"}
    assert set(sheet["middleware"]) >= {
        "client",
        "merchantToken",
        "clientId",
        "clientSecret",
        "publicKey",
        "privateKey",
    }
    assert len(sheet["cardStock"]) == 3
    assert all(set(card) >= {"number", "name"} and len(card["number"]) == 16 for card in sheet["cardStock"])
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
    signed = await client.post(
        "/rest/auth/signature/verify",
        content=body,
        headers=_signed(gateway, app_token, body, "POST", "/rest/auth/signature/verify"),
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

    # The global operator signs in through the platform's CMS application and reads the sandbox partner's objects.
    platform = cms["platform"]
    platform_token = await client.post(
        "/cms/rest/auth/token", json={"clientId": platform["clientId"], "clientSecret": platform["clientSecret"]}
    )
    platform_app = bearer(platform_token.json()["data"]["accessToken"])
    global_operator = await client.post("/cms/rest/auth/login", json=platform["operator"], headers=platform_app)
    as_global = {**platform_app, "x-user-token": global_operator.json()["data"]["accessToken"]}
    assert (await client.get("/cms/rest/me", headers=as_global)).json()["data"]["scope"] == "global"
    holders = await client.get(f"/cms/rest/app/partners/{cms['partnerId']}/cardholders", headers=as_global)
    assert holders.status_code == 200 and holders.json()["data"]["meta"]["totalItems"] >= 1

    users = await client.get(
        "/rest/users", params={"searchText": gateway["cardholder"]["username"]}, headers=bearer(app_token)
    )
    cardholder_id = users.json()["data"]["items"][0]["userId"]
    stock = sheet["cardStock"][0]
    activated = await client.post(
        "/rest/cards/activate",
        json={"userId": cardholder_id, "cardNumber": stock["number"], "cardholderName": stock["name"]},
        headers=bearer(app_token),
    )
    assert activated.status_code == 200, activated.text
    loaded_body = b'{"type": "load", "amount": "250.00"}'
    funds = f"/rest/cards/{activated.json()['data']['cardId']}/funds"
    loaded_headers = _signed(gateway, app_token, loaded_body, "PUT", funds)
    loaded = await client.put(funds, content=loaded_body, headers=loaded_headers)
    assert loaded.status_code == 200 and loaded.json()["data"]["balance"] == "250.0000"
    refilled = _sandbox_json()["cardStock"]  # the seed keeps three cards waiting
    assert len(refilled) == 3 and stock["number"] not in [card["number"] for card in refilled]

    merchant = await client.get("/v1/me", headers={"Authorization": sheet["middleware"]["merchantToken"]})
    assert merchant.status_code == 200 and merchant.json()["client"] == sheet["middleware"]["client"]
    credentials = {key: sheet["middleware"][key] for key in ("clientId", "clientSecret")}
    issued = await client.post("/auth/token", json=credentials)
    assert issued.status_code == 200, issued.text
    by_jwt = await client.get("/v1/me", headers={"Authorization": f"Bearer {issued.json()['accessToken']}"})
    assert by_jwt.status_code == 200 and by_jwt.json()["client"] == sheet["middleware"]["client"]


def test_production_has_no_sandbox():
    result = subprocess.run(
        [sys.executable, "-m", "migo", "sandbox", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "MIGO_ENVIRONMENT": "production"},
    )
    assert result.returncode == 2
    assert "production" in result.stdout


def test_cards_print_writes_the_embossing_file():
    company = _sandbox_json()["gateway"]["companyId"]
    command = [
        sys.executable,
        "-m",
        "migo",
        "cards",
        "print",
        "--company",
        company,
        "--count",
        "2",
        "--name",
        "Eva Ruiz",
    ]
    printed = json.loads(subprocess.run([*command, "--json"], capture_output=True, text=True, check=True).stdout)
    assert len(printed) == 2
    assert all(card["number"].startswith("489551") and card["name"] == "EVA RUIZ" for card in printed)
    assert all(len(card["expiry"]) == 5 and card["expiry"][2] == "/" for card in printed)
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    csv = run.stdout.splitlines()
    assert csv[0] == "cardId,number,expiry,name" and len(csv) == 3
    assert "printing 2 cards [" in run.stderr and "] 2/2" in run.stderr  # its progress bar
    unknown = subprocess.run(
        [
            sys.executable,
            "-m",
            "migo",
            "cards",
            "print",
            "--company",
            "00000000-0000-7000-8000-000000000000",
            "--count",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    assert unknown.returncode == 2 and "CARD_PROGRAM_NOT_FOUND" in unknown.stderr


async def test_the_printed_signing_key_works_again_after_an_integrator_revoked_it(client):
    gateway = _sandbox_json()["gateway"]
    token = await client.post(
        "/rest/auth/token", json={"clientId": gateway["clientId"], "clientSecret": gateway["clientSecret"]}
    )
    app_token = token.json()["data"]["accessToken"]
    revoked = await client.delete(f"/rest/auth/keys/{gateway['signingKeyId']}", headers=bearer(app_token))
    assert revoked.json()["data"]["status"] == "revoked"
    _sandbox_json()
    body = b'{"again": true}'
    signed = await client.post(
        "/rest/auth/signature/verify",
        content=body,
        headers=_signed(gateway, app_token, body, "POST", "/rest/auth/signature/verify"),
    )
    assert signed.status_code == 200


async def test_the_printed_merchant_token_works_again_after_an_integrator_revoked_it(client):
    middleware = _sandbox_json()["middleware"]
    printed = {"Authorization": middleware["merchantToken"]}
    listed = (await client.get("/v1/merchant-tokens", headers=printed)).json()["items"]
    [token] = [t for t in listed if t["last4"] == middleware["merchantToken"][-4:] and t["status"] == "active"]
    assert (await client.delete(f"/v1/merchant-tokens/{token['id']}", headers=printed)).status_code == 200
    assert (await client.get("/v1/me", headers=printed)).status_code == 401
    assert _sandbox_json()["middleware"]["merchantToken"] == middleware["merchantToken"]
    assert (await client.get("/v1/me", headers=printed)).status_code == 200


def _platform_init(username: str) -> subprocess.CompletedProcess[str]:
    command = ["platform", "init", "--username", username, "--email", "ops@example.test"]
    return subprocess.run([sys.executable, "-m", "migo", *command], capture_output=True, text=True, env=os.environ)


async def test_platform_init_makes_a_global_operator_that_signs_in(client, sheet):
    """An installation's first back-office user: `migo platform init` prints a CMS application of the platform
    and a global admin, once; they work at once, and a second operator by the same name is refused."""
    made = json.loads((await asyncio.to_thread(_platform_init, "root.ops")).stdout)
    assert made["platformPartnerId"] == sheet["cms"]["platform"]["partnerId"]  # the one platform partner
    known_secret("client secret", made["clientSecret"])
    known_secret("password", made["operator"]["password"])
    credentials = {"clientId": made["clientId"], "clientSecret": made["clientSecret"]}
    app = bearer((await client.post("/cms/rest/auth/token", json=credentials)).json()["data"]["accessToken"])
    signed_in = await client.post(
        "/cms/rest/auth/login", json={"username": "root.ops", "password": made["operator"]["password"]}, headers=app
    )
    as_root = {**app, "x-user-token": signed_in.json()["data"]["accessToken"]}
    me = (await client.get("/cms/rest/me", headers=as_root)).json()["data"]
    assert (me["scope"], me["username"]) == ("global", "root.ops")
    again = await asyncio.to_thread(_platform_init, "root.ops")
    assert again.returncode == 1 and "root.ops" in again.stderr
