"""Hook key pairs scoped to an amount range (seed 002: "scope each publicKey / privateKey pair to the specific
client and amount range you need so that exposure is bounded")."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from migo.payments.service import scope_key_pair
from migo.platform.db import database
from migo.platform.errors import ApiError
from tests.factories import configure_payment_client, create_tenant, merchant
from tests.leakscan import known_secret


def body(tenant, amount, **keys):
    return {"amount": amount, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug, **keys}


async def _scope(public_key: str, low: int | None, high: int | None):
    async with database.transaction() as session:
        return await scope_key_pair(
            session, public_key, None if low is None else Decimal(low), None if high is None else Decimal(high)
        )


async def test_a_scoped_pair_creates_links_only_inside_its_range(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)  # the client takes 1..100000
    keys = {"publicKey": tenant.public_key, "privateKey": tenant.private_key}
    pair = await _scope(tenant.public_key, 10, 500)
    assert (pair.min_amount, pair.max_amount, pair.client_slug) == (Decimal(10), Decimal(500), tenant.client_slug)

    for amount in (10, 500):
        inside = await client.post("/transactions-hook", json=body(tenant, amount, **keys))
        assert inside.status_code == 200, inside.text
    for amount in (9, 501):
        outside = await client.post("/mw-default/transactions-hook", json=body(tenant, amount, **keys))
        assert outside.status_code == 409
        assert outside.json()["ownCode"] == 2003 and outside.json()["statusCode"] == 409
        assert outside.json()["detail"] == "amount: must be between 10 and 500 for this key pair."
    # The merchant token is not the key pair: its links keep the client's whole range.
    by_token = await client.post("/transactions", json=body(tenant, 5000), headers=merchant(tenant))
    assert by_token.status_code == 200

    await _scope(tenant.public_key, None, 20)  # one bound: the other is the client's
    assert (await client.post("/transactions-hook", json=body(tenant, 1, **keys))).status_code == 200
    above = await client.post("/transactions-hook", json=body(tenant, 21, **keys))
    assert above.json()["detail"] == "amount: must be between 1 and 20 for this key pair."
    await _scope(tenant.public_key, None, None)  # unscoped again
    assert (await client.post("/transactions-hook", json=body(tenant, 100000, **keys))).status_code == 200


@pytest.mark.parametrize(
    ("low", "high"),
    [(0, 10), (1, 100001), (50, 40), (None, 200000), (150000, None)],
    ids=["below-client", "above-client", "upside-down", "max-above", "min-above"],
)
async def test_a_range_outside_the_clients_is_refused_and_changes_nothing(low, high):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    await _scope(tenant.public_key, 5, 50)
    with pytest.raises(ApiError) as refused:
        await _scope(tenant.public_key, low, high)
    assert refused.value.error.code == 2003
    assert "inside its client's 1..100000" in refused.value.detail
    async with database.transaction() as session:
        pair = await scope_key_pair(session, tenant.public_key, Decimal(5), Decimal(50))  # as it was
    assert (pair.min_amount, pair.max_amount) == (Decimal(5), Decimal(50))


async def test_an_unknown_public_key_cannot_be_scoped():
    with pytest.raises(ApiError) as refused:
        await _scope("pk_nobody", 1, 2)
    assert refused.value.error.code == 2007


def _migo(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "migo", *command], capture_output=True, text=True, env=os.environ)


async def test_the_command_issues_and_rescopes_key_pairs(client):
    """`migo clients key-pair` issues another pair of a client, scoped; `migo clients key-range` rescopes one and
    refuses a range outside the client's with the reason."""
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    issued = await asyncio.to_thread(
        _migo, "clients", "key-pair", "--client", tenant.client_slug, "--name", "shop", "--max-amount", "300"
    )
    assert issued.returncode == 0, issued.stderr
    pair = json.loads(issued.stdout)
    known_secret("private key", pair["privateKey"])
    known_secret("client secret", pair["application"]["clientSecret"])
    assert (pair["client"], pair["minAmount"], pair["maxAmount"]) == (tenant.client_slug, None, 300)
    # The pair's application takes the JWT flow too, with the credentials printed this once.
    issued_tokens = await client.post("/auth/token", json=pair["application"])
    assert issued_tokens.status_code == 200, issued_tokens.text
    known_secret("access token", issued_tokens.json()["accessToken"])
    known_secret("refresh token", issued_tokens.json()["refreshToken"])
    keys = {"publicKey": pair["publicKey"], "privateKey": pair["privateKey"]}
    assert (await client.post("/transactions-hook", json=body(tenant, 300, **keys))).status_code == 200
    assert (await client.post("/transactions-hook", json=body(tenant, 301, **keys))).json()["ownCode"] == 2003

    refused = await asyncio.to_thread(_migo, "clients", "key-range", pair["publicKey"], "--max-amount", "100001")
    assert refused.returncode == 2 and "inside its client's 1..100000" in refused.stderr
    widened = await asyncio.to_thread(_migo, "clients", "key-range", pair["publicKey"], "--min-amount", "2")
    assert widened.returncode == 0, widened.stderr
    assert json.loads(widened.stdout) == {
        "publicKey": pair["publicKey"],
        "client": tenant.client_slug,
        "minAmount": 2,
        "maxAmount": None,
    }
    assert (await client.post("/transactions-hook", json=body(tenant, 5000, **keys))).status_code == 200
    assert (await client.post("/transactions-hook", json=body(tenant, 1, **keys))).json()["ownCode"] == 2003
