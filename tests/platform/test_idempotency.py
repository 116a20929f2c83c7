"""Idempotency-Key (CONTRACT §2): replay, body mismatch, in flight, scoping, and concurrency."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select, text

from migo.identity.models import SigningKey
from migo.platform.db import database
from migo.platform.idempotency import IdempotencyRecord
from tests.factories import bearer, create_tenant
from tests.traced import untraced

ROTATE = "/rest/auth/keys/rotate"


async def _key_count(tenant) -> int:
    async with database.transaction() as session:
        from migo.identity.models import Application

        app_id = await session.scalar(select(Application.id).where(Application.client_id == tenant.gateway_client_id))
        return await session.scalar(
            select(func.count()).select_from(SigningKey).where(SigningKey.application_id == app_id)
        )


async def test_same_key_same_body_replays_the_first_answer(client):
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "rotate-1"}
    first = await client.post(ROTATE, json={"expiresInDays": 10}, headers=headers)
    assert first.status_code == 201 and "idempotent-replayed" not in first.headers
    again = await client.post(ROTATE, json={"expiresInDays": 10}, headers=headers)
    assert again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true"
    assert untraced(again.json()) == untraced(first.json())
    assert await _key_count(tenant) == 2  # the tenant's first key and one rotation, not two


async def test_same_key_other_body_is_409(client):
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "rotate-2"}
    assert (await client.post(ROTATE, json={"expiresInDays": 10}, headers=headers)).status_code == 201
    conflict = await client.post(ROTATE, json={"expiresInDays": 11}, headers=headers)
    assert conflict.status_code == 409
    assert conflict.json()["error"]["code"] == 7007
    assert conflict.json()["error"]["name"] == "IDEMPOTENCY_KEY_REUSED"


async def test_same_key_other_query_is_409(client):
    """The query is part of the request: the same key and body under another query is another request."""
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "rotate-3"}
    assert (await client.post(ROTATE, json={"expiresInDays": 10}, headers=headers)).status_code == 201
    conflict = await client.post(f"{ROTATE}?note=other", json={"expiresInDays": 10}, headers=headers)
    assert conflict.status_code == 409 and conflict.json()["error"]["code"] == 7007


async def test_keys_are_scoped_per_application(client):
    one, two = await create_tenant(), await create_tenant()
    for tenant in (one, two):
        headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "shared-key"}
        response = await client.post(ROTATE, json={"expiresInDays": 10}, headers=headers)
        assert response.status_code == 201 and "idempotent-replayed" not in response.headers


async def test_in_flight_key_is_409(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    async with database.transaction() as session:
        from migo.identity.models import Application

        app_id = await session.scalar(select(Application.id).where(Application.client_id == tenant.gateway_client_id))
    lock_name = f"app:{app_id}:busy-key"
    async with database.engine.connect() as holder:
        await holder.execute(text("SELECT pg_advisory_lock(hashtextextended(:n, 0))"), {"n": lock_name})
        try:
            response = await client.post(ROTATE, json={}, headers={**bearer(token), "Idempotency-Key": "busy-key"})
        finally:
            await holder.execute(text("SELECT pg_advisory_unlock(hashtextextended(:n, 0))"), {"n": lock_name})
    assert response.status_code == 409
    assert untraced(response.json()["error"]) == {
        "code": 7008,
        "name": "IDEMPOTENCY_IN_PROGRESS",
        "detail": "A request with this Idempotency-Key is still in progress.",
    }


async def test_business_errors_are_replayed_but_validation_errors_are_not(client):
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "bad-key-material"}
    body = {"algorithm": "ED25519", "publicKey": "bm90IGEga2V5"}
    first = await client.post(ROTATE, json=body, headers=headers)
    assert first.status_code == 400 and first.json()["error"]["code"] == 7601
    replay = await client.post(ROTATE, json=body, headers=headers)
    assert replay.status_code == 400 and replay.headers["idempotent-replayed"] == "true"

    headers["Idempotency-Key"] = "fix-and-retry"
    invalid = await client.post(ROTATE, json={"expiresInDays": 0}, headers=headers)
    assert invalid.status_code == 400 and invalid.json()["error"]["code"] == 7000
    fixed = await client.post(ROTATE, json={"expiresInDays": 5}, headers=headers)
    assert fixed.status_code == 201


async def test_stored_answers_are_encrypted(client):
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "secret-bearing"}
    response = await client.post(ROTATE, json={}, headers=headers)
    secret = response.json()["data"]["secret"]
    async with database.transaction() as session:
        rows = (await session.scalars(select(IdempotencyRecord).where(IdempotencyRecord.key == "secret-bearing"))).all()
    assert rows and all(secret.encode() not in row.response_body for row in rows)


async def test_invalid_key_format(client):
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "x" * 256}
    response = await client.post(ROTATE, json={}, headers=headers)
    assert response.status_code == 400 and response.json()["error"]["code"] == 7000


async def test_concurrent_retries_create_one_resource(client):
    tenant = await create_tenant()
    headers = {**bearer(await tenant.app_token(client)), "Idempotency-Key": "storm"}
    responses = await asyncio.gather(*(client.post(ROTATE, json={}, headers=headers) for _ in range(12)))
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}
    created = [r for r in responses if r.status_code == 201]
    assert len({r.json()["data"]["keyId"] for r in created}) == 1
    assert all(r.json()["error"]["code"] == 7008 for r in responses if r.status_code == 409)
    assert await _key_count(tenant) == 2


async def test_a_request_that_failed_before_the_endpoint_ran_is_not_stored(client):
    """A bad signature is fixed and retried with the same key: the retry runs."""
    from tests.factories import activate_card, create_cardholder, provision_cards, signed

    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1)
    holder = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    token = await tenant.app_token(client)
    body = b'{"type": "load", "amount": "5"}'
    path = f"/rest/cards/{card['cardId']}/funds"
    wrong = tenant.signed_headers(b"other bytes", method="PUT", path=path, idempotency_key="fix-signature")
    headers = {**bearer(token), **wrong}
    bad = await client.put(f"/rest/cards/{card['cardId']}/funds", content=body, headers=headers)
    assert bad.status_code == 401 and bad.json()["error"]["code"] == 7604
    fixed = await signed(
        client,
        tenant,
        "PUT",
        f"/rest/cards/{card['cardId']}/funds",
        {"type": "load", "amount": "5"},
        token=token,
        idempotency_key="fix-signature",
    )
    assert fixed.status_code == 200 and "idempotent-replayed" not in fixed.headers
