"""The Python SDK (clients/python, issue 19): its generated packages match the server's documents, and its own layer
works against real servers: the Gateway verifies its signatures, a retry keeps its Idempotency-Key, Retry-After
is honoured, tokens are renewed before they expire, webhook deliveries Migo really sent verify, and the example
script runs."""

from __future__ import annotations

import asyncio
import filecmp
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from unittest.mock import patch

import httpx
import pytest
from migo_client import (
    AsyncMigoTransport,
    ClientCredentials,
    MigoTransport,
    Retries,
    SigningKey,
    WebhookVerificationError,
    gateway_client,
    verify_static_header,
    verify_webhook,
)
from migo_client.auth import TokenPair
from migo_client.gateway.api.cardholders import create_cardholder
from migo_client.gateway.api.cards import activate_card, get_card, request_card_statement
from migo_client.gateway.api.funds_and_transfers import list_card_movements, move_card_funds, transfer_between_cards
from migo_client.gateway.models import (
    ActivateCardRequest,
    CardholderCreate,
    ErrorEnvelope,
    FundsRequest,
    FundsRequestType,
    StatementRequest,
    TransferRequest,
)

from migo.identity import signing
from migo.platform.secrets import Secret
from tests.factories import USER_PASSWORD, configure_payment_client, create_tenant, merchant, provision_cards
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain, paid_link, register

ROOT = Path(__file__).resolve().parent.parent
SDK = ROOT / "clients" / "python"
GENERATED = ("gateway", "middleware", "cms")
FAST = Retries(attempts=3, base=0.01, cap=2.0)


def _differences(left: Path, right: Path) -> list[str]:
    """Files that differ, or exist on one side only, between two trees (caches aside)."""
    compared = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])
    found = [str(left / name) for name in (*compared.left_only, *compared.right_only, *compared.diff_files)]
    for name in compared.common_dirs:
        found += _differences(left / name, right / name)
    found += [str(left / name) for name in compared.common_files if not filecmp.cmp(left / name, right / name, False)]
    return sorted(set(found))


def test_the_generated_packages_match_the_server(tmp_path):
    run = subprocess.run(
        [sys.executable, ROOT / "scripts" / "generate_clients.py", "--output", tmp_path],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    checked_in = SDK / "src" / "migo_client"
    stale = [path for surface in GENERATED for path in _differences(checked_in / surface, tmp_path / surface)]
    assert stale == [], f"The SDK's generated code does not match the server's documents: run make clients ({stale})"


async def test_seed_004_through_the_sdk_signed_and_verified_by_the_gateway(live_server):
    """Token, cardholder, activation, load, transfer, movements, statement: the money calls signed by the SDK
    (the Gateway refuses them unsigned with 7604), each with an Idempotency-Key of its own."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant)
    wallet = gateway_client(
        f"{live_server}/rest",
        client_id=tenant.gateway_client_id,
        client_secret=tenant.gateway_client_secret,
        signing_key_id=tenant.signing_key_id,
        signing_secret=tenant.signing_secret,
    )
    people = []
    for index, name in enumerate(("Ana", "Luis")):
        email = f"{name.lower()}.{tenant.client_slug}@example.test"
        cardholder = await create_cardholder.asyncio(
            client=wallet,
            body=CardholderCreate(first_name=name, last_name="Pérez", email=email, password=USER_PASSWORD),
        )
        assert not isinstance(cardholder, ErrorEnvelope) and cardholder is not None, cardholder
        request = ActivateCardRequest(
            user_id=cardholder.data.user_id, card_number=cards.numbers[index], cardholder_name=cards.name
        )
        card = await activate_card.asyncio(client=wallet, body=request)
        assert not isinstance(card, ErrorEnvelope) and card is not None, card
        people.append(card.data.card_id)
    source, target = people

    load = FundsRequest(type_=FundsRequestType.LOAD, amount="150.25")
    loaded = await move_card_funds.asyncio(source, client=wallet, body=load)
    assert not isinstance(loaded, ErrorEnvelope) and loaded is not None, loaded
    assert (loaded.data.status, loaded.data.balance) == ("approved", "150.2500")
    sent = await transfer_between_cards.asyncio(
        client=wallet, body=TransferRequest(source_card_id=source, target_card_id=target, amount="40.5")
    )
    assert not isinstance(sent, ErrorEnvelope) and sent is not None, sent
    assert (sent.data.status, sent.data.balance) == ("approved", "109.7500")
    movements = await list_card_movements.asyncio(source, client=wallet)
    assert not isinstance(movements, ErrorEnvelope) and movements is not None, movements
    assert movements.data.meta.total_items == 2
    now = datetime.now(UTC)
    statement = await request_card_statement.asyncio_detailed(
        source, client=wallet, body=StatementRequest(month=now.month, year=now.year)
    )
    assert statement.status_code == 201, statement.content

    forged = gateway_client(
        f"{live_server}/rest",
        client_id=tenant.gateway_client_id,
        client_secret=tenant.gateway_client_secret,
        signing_key_id=tenant.signing_key_id,
        signing_secret="not-the-secret",
    )
    refused = await move_card_funds.asyncio(source, client=forged, body=load)
    assert isinstance(refused, ErrorEnvelope) and refused.error.code == 7604, refused
    balance = await get_card.asyncio(source, client=wallet)
    assert balance is not None and not isinstance(balance, ErrorEnvelope) and balance.data.balance == "109.7500"


def test_a_retry_keeps_its_idempotency_key_and_is_signed_anew():
    """A 503, then a 200: the same Idempotency-Key twice, each attempt's signature good for the bytes received
    (checked with the server's own signing code)."""
    key = SigningKey("key_test", "s3cret")
    with webhook_receiver() as receiver:
        receiver.script = [(503, {})]
        with httpx.Client(transport=MigoTransport(retries=FAST, signing_key=key)) as http:
            answer = http.post(receiver.url + "?card=1", json={"type": "load", "amount": "10"})
    assert answer.status_code == 200
    first, second = receiver.requests
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"] != ""
    assert first.body == second.body == b'{"type":"load","amount":"10"}'
    for received in (first, second):
        request = signing.SignedRequest("POST", received.path, received.headers["idempotency-key"], received.body)
        expected = signing.sign(Secret("s3cret"), int(received.headers["x-timestamp"]), request)
        assert received.headers["x-signature"] == expected and received.headers["x-key-id"] == "key_test"


def test_a_key_of_the_callers_own_is_kept():
    with webhook_receiver() as receiver, httpx.Client(transport=MigoTransport(retries=FAST)) as http:
        http.post(receiver.url, json={}, headers={"Idempotency-Key": "order-17"})
        read = http.get(receiver.url)  # a read carries none (the receiver answers 501 to a GET)
    assert [r.headers.get("idempotency-key") for r in receiver.requests] == ["order-17"]
    assert "idempotency-key" not in read.request.headers


async def test_retry_after_is_honoured():
    with webhook_receiver() as receiver:
        receiver.script = [(429, {"Retry-After": "1"}), (503, {"Retry-After": "30"})]
        async with httpx.AsyncClient(transport=AsyncMigoTransport(retries=FAST)) as http:
            started = time.monotonic()
            # 1 s asked for and waited; then 30 s asked for, above the policy's cap: answered, not waited out.
            answered = await http.post(receiver.url, json={})
            elapsed = time.monotonic() - started
    assert answered.status_code == 503 and answered.headers["Retry-After"] == "30"
    assert 1.0 <= elapsed < 2.0
    assert len(receiver.requests) == 2


class CountingTransport(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.tries = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.tries += 1
        return super().handle_request(request)


def test_connection_errors_are_retried_then_raised():
    from tests.live import free_port

    counting = CountingTransport()
    with (
        httpx.Client(transport=MigoTransport(retries=FAST, transport=counting)) as http,
        pytest.raises(httpx.ConnectError),
    ):
        http.post(f"http://127.0.0.1:{free_port()}/rest/cards/transfer", json={})
    assert counting.tries == FAST.attempts


async def test_tokens_are_refreshed_before_they_expire_and_renewed_when_the_refresh_fails(live_server):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    now = [1000.0]
    auth = ClientCredentials(
        f"{live_server}/rest", tenant.gateway_client_id, tenant.gateway_client_secret, clock=lambda: now[0]
    )
    wallet = gateway_client(f"{live_server}/rest", auth=auth)

    async def read() -> None:
        card = await get_card.asyncio(cards.card_ids[0], client=wallet)
        assert card is not None and not isinstance(card, ErrorEnvelope), card

    await read()
    first = auth.tokens
    assert first is not None and first.expires_at == 1000.0 + 1800
    now[0] += 1700  # 100 s left: kept
    await read()
    assert auth.tokens == first
    now[0] += 41  # 59 s left: refreshed, both tokens rotated
    await read()
    second = auth.tokens
    assert second is not None and second.access_token != first.access_token
    assert second.refresh_token != first.refresh_token and second.expires_at == now[0] + 1800

    async with httpx.AsyncClient(base_url=live_server) as http:  # another process spends the refresh token
        spent = await http.post("/rest/auth/refresh", json={"refreshToken": second.refresh_token})
        assert spent.status_code == 200
    now[0] += 1790
    await read()  # the refresh is refused (and revokes that family): the client credentials again
    third = auth.tokens
    assert third is not None and third.refresh_token not in {first.refresh_token, second.refresh_token}

    now[0] += 1750  # the same through the sync client
    card = await asyncio.to_thread(get_card.sync, cards.card_ids[0], client=wallet)
    assert card is not None and not isinstance(card, ErrorEnvelope), card
    assert auth.tokens is not None and auth.tokens.refresh_token != third.refresh_token

    # An access token the server refuses before its time (revoked): the client credentials again, and the call.
    auth.tokens = TokenPair("revoked", None, now[0] + 1800)
    await read()
    assert auth.tokens.access_token != "revoked"


async def test_concurrent_calls_refresh_once(live_server):
    """Calls at once when the token is about to expire: one refresh among them. Two would present the same
    refresh token twice, and Migo would revoke the whole token family."""
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    now = [0.0]
    auth = ClientCredentials(
        f"{live_server}/rest", tenant.gateway_client_id, tenant.gateway_client_secret, clock=lambda: now[0]
    )
    wallet = gateway_client(f"{live_server}/rest", auth=auth)
    assert await get_card.asyncio(cards.card_ids[0], client=wallet) is not None
    first = auth.tokens
    now[0] += 1750
    with patch.object(auth, "_keep", wraps=auth._keep) as kept:  # each token pair the server issued
        answers = await asyncio.gather(*(get_card.asyncio(cards.card_ids[0], client=wallet) for _ in range(6)))
    assert kept.call_count == 1
    assert all(answer is not None and not isinstance(answer, ErrorEnvelope) for answer in answers), answers
    assert auth.tokens is not None and first is not None and auth.tokens.refresh_token != first.refresh_token
    async with httpx.AsyncClient(base_url=live_server) as http:  # the family lives: its refresh token works
        renewed = await http.post("/rest/auth/refresh", json={"refreshToken": auth.tokens.refresh_token})
    assert renewed.status_code == 200, renewed.text


async def test_verify_webhook_accepts_real_deliveries_and_refuses_tampering(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(
            client,
            tenant,
            receiver.url,
            generateSigningSecret=True,
            authHeaderName="x-api-key",
            authHeaderValue="static-key-1234",
        )
        secret = endpoint["signingSecret"]
        link = await paid_link(client, tenant)
        await drain()
        rotated = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret", headers=merchant(tenant))
        new_secret = rotated.json()["signingSecret"]
        await paid_link(client, tenant)
        await drain()
    delivered, during_rotation = receiver.requests

    payload = verify_webhook(delivered.headers, delivered.body, secret)
    assert payload["uid"] == link["uid"] and payload["eventId"] == delivered.headers["webhook-id"]
    assert len(during_rotation.headers["webhook-signature"].split(" ")) == 2  # both secrets sign
    for either in (secret, new_secret):
        verify_webhook(during_rotation.headers, during_rotation.body, either)
    assert verify_static_header(delivered.headers, delivered.body, name="X-Api-Key", value="static-key-1234")

    sent_at = int(delivered.headers["webhook-timestamp"])
    refusals = {
        "tampered body": lambda: verify_webhook(delivered.headers, delivered.body.replace(b"4242", b"4343"), secret),
        "old timestamp": lambda: verify_webhook(delivered.headers, delivered.body, secret, now=sent_at + 301),
        "other secret": lambda: verify_webhook(delivered.headers, delivered.body, new_secret),
        "no signature": lambda: verify_webhook({}, delivered.body, secret),
        "wrong header": lambda: verify_static_header(
            delivered.headers, delivered.body, name="x-api-key", value="static-key-1235"
        ),
    }
    for refusal, attempt in refusals.items():
        with pytest.raises(WebhookVerificationError):
            attempt()
            pytest.fail(refusal)
    assert verify_webhook(delivered.headers, delivered.body, secret, now=sent_at + 299) == payload


async def test_the_seed_002_example_runs_against_a_live_server(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SDK / "src"), os.environ.get("PYTHONPATH", "")]),
        "MIGO_URL": live_server,
        "MIGO_MERCHANT_TOKEN": tenant.merchant_token,
        "MIGO_CLIENT": tenant.client_slug,
    }
    command = [sys.executable, SDK / "examples" / "seed_002.py"]
    run = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "paid: approved" in run.stdout and "refunded 30; the link is approved" in run.stdout, run.stdout
