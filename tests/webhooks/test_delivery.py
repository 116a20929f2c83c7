"""Delivering events to real receivers on 127.0.0.1: the static header, retries with backoff, 410, pause and
resume, Standard Webhooks signatures, rotation, the 7-day window, and no event for a rolled-back change."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from migo.events import service as events
from migo.events.models import Event
from migo.platform.db import database
from migo.webhooks import dispatcher
from migo.webhooks.models import WebhookDelivery
from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay
from tests.receiver import webhook_receiver


async def drain() -> None:
    """Run the dispatcher until nothing is due (as a worker's lane would)."""
    async with dispatcher.http_client() as http:
        while await dispatcher.dispatch_batch(http):
            pass


async def register(client, tenant, url, **fields):
    body = {"url": url, "eventTypes": ["*"], **fields}
    response = await client.post("/v1/webhook-endpoints", json=body, headers=merchant(tenant))
    assert response.status_code == 201, response.text
    return response.json()


async def paid_link(client, tenant, **fields):
    link = await create_link(client, tenant, **fields)
    assert (await sandbox_pay(client, tenant, link["uid"])).status_code == 200
    return link


async def test_the_generic_callback_arrives_flat_with_the_static_header(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(
            client, tenant, receiver.url, authHeaderName="x-api-key", authHeaderValue="static-key-1234"
        )
        assert endpoint["authHeaderValueHint"] == "…1234" and "static-key" not in str(endpoint)
        link = await paid_link(client, tenant, externalId="order-17", customKeys={"cart": 3})
        await drain()
    assert len(receiver.requests) == 1
    delivery = receiver.requests[0]
    assert delivery.headers["x-api-key"] == "static-key-1234"
    assert delivery.headers["content-type"] == "application/json"
    body = delivery.json
    assert body["eventType"] == "transaction.approved" and body["eventId"] == delivery.headers["webhook-id"]
    assert {k: body[k] for k in ("uid", "reference", "status", "amount", "currency")} == {
        "uid": link["uid"],
        "reference": link["reference"],
        "status": "approved",
        "amount": 100,
        "currency": "GTQ",
    }
    assert body["externalId"] == "order-17" and body["customKeys"] == {"cart": 3} and body["last4"] == "4242"
    assert body["occurredAt"].endswith("Z")


async def test_a_failing_receiver_is_retried_with_backoff_and_the_same_event_id(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.script = [(500, {}), (503, {})]
        endpoint = await register(client, tenant, receiver.url)
        await paid_link(client, tenant)
        await drain()
        assert len(receiver.requests) == 1
        frozen_clock.advance(seconds=4)  # the first retry waits 5 s ± 10 %
        await drain()
        assert len(receiver.requests) == 1
        frozen_clock.advance(seconds=2)
        await drain()
        assert len(receiver.requests) == 2
        frozen_clock.advance(seconds=26)  # then 30 s ± 10 %
        await drain()
        assert len(receiver.requests) == 2
        frozen_clock.advance(seconds=8)
        await drain()
    assert len(receiver.requests) == 3
    assert len(set(receiver.event_ids())) == 1
    log = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", headers=merchant(tenant))).json()
    delivery = log["items"][0]
    assert delivery["status"] == "delivered" and delivery["attempts"] == 3
    assert [a["statusCode"] for a in delivery["attemptLog"]] == [500, 503, 200]
    assert delivery["attemptLog"][0]["responseExcerpt"] == "answered 500"
    assert all(a["latencyMs"] >= 0 for a in delivery["attemptLog"])


async def test_retry_after_is_honoured(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.script = [(429, {"Retry-After": "120"})]
        await register(client, tenant, receiver.url)
        await paid_link(client, tenant)
        await drain()
        frozen_clock.advance(seconds=60)  # past the 5 s backoff, before the asked-for 120 s
        await drain()
        assert len(receiver.requests) == 1
        frozen_clock.advance(seconds=61)
        await drain()
    assert len(receiver.requests) == 2


async def test_410_gone_disables_the_endpoint_until_it_is_enabled(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.script = [(410, {})]
        endpoint = await register(client, tenant, receiver.url)
        gone = await paid_link(client, tenant)
        await drain()
        shown = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=merchant(tenant))).json()
        assert shown["status"] == "disabled" and "410" in shown["disabledReason"]
        await paid_link(client, tenant)  # while disabled: not queued for this endpoint
        frozen_clock.advance(minutes=5)
        await drain()
        assert len(receiver.requests) == 1
        enabled = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/enable", headers=merchant(tenant))
        assert enabled.json()["status"] == "enabled" and enabled.json()["disabledReason"] is None
        await drain()  # the 410'd delivery was due again meanwhile
        later = await paid_link(client, tenant)
        await drain()
    assert [r.json["uid"] for r in receiver.requests] == [gone["uid"], gone["uid"], later["uid"]]


async def test_pause_queues_and_resume_drains(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(client, tenant, receiver.url)
        await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/pause", headers=merchant(tenant))
        links = [await paid_link(client, tenant) for _ in range(3)]
        await drain()
        assert receiver.requests == []
        resumed = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/resume", headers=merchant(tenant))
        assert resumed.json()["status"] == "enabled"
        await drain()
    assert sorted(r.json["uid"] for r in receiver.requests) == sorted(link["uid"] for link in links)


async def test_signed_deliveries_verify_with_a_standard_webhooks_verifier(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(client, tenant, receiver.url, generateSigningSecret=True)
        first_secret = endpoint["signingSecret"]
        assert first_secret.startswith("whsec_") and endpoint["signed"] is True
        listed = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}", headers=merchant(tenant))).json()
        assert "signingSecret" not in listed  # shown once
        await paid_link(client, tenant)
        await drain()
        rotated = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/rotate-secret", headers=merchant(tenant))
        second_secret = rotated.json()["signingSecret"]
        await paid_link(client, tenant)
        await drain()
        frozen_clock.advance(hours=24, seconds=1)
        await paid_link(client, tenant)
        await drain()
    first, during, after = receiver.requests

    def verifies(secret: str, received) -> bool:
        verifier = Webhook(secret)
        # The verifier checks the timestamp against the real clock; the frozen one may be a day ahead.
        verifier._Webhook__verify_timestamp = lambda header: datetime.fromtimestamp(int(header), UTC)
        try:
            verifier.verify(received.body, received.headers)
        except WebhookVerificationError:
            return False
        return True

    assert verifies(first_secret, first)
    assert verifies(first_secret, during) and verifies(second_secret, during)  # 24 h overlap
    assert verifies(second_secret, after) and not verifies(first_secret, after)
    tampered = type(first)(first.path, first.headers, first.body.replace(b"approved", b"refunded"))
    assert not verifies(first_secret, tampered)


async def test_after_seven_days_a_delivery_fails(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)

    async def delivery() -> dict:
        path = f"/v1/webhook-endpoints/{endpoint['id']}/deliveries"
        return (await client.get(path, headers=merchant(tenant))).json()["items"][0]

    with webhook_receiver() as receiver:
        receiver.default = 500
        endpoint = await register(client, tenant, receiver.url)
        await paid_link(client, tenant)
        for _ in range(160):  # hour by hour, up to 6 days and 16 hours
            await drain()
            frozen_clock.advance(hours=1)
        assert (await delivery())["status"] == "pending"
        for _ in range(10):
            await drain()
            frozen_clock.advance(hours=1)
    failed = await delivery()
    assert failed["status"] == "failed" and failed["nextAttemptAt"] is None
    # 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, then every 4 h ± 10 % for the rest of the 7 days.
    assert 30 <= failed["attempts"] <= 50
    assert len(set(receiver.event_ids())) == 1


async def test_no_event_and_no_delivery_for_a_rolled_back_change(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        await register(client, tenant, receiver.url)

        class Abort(Exception):
            pass

        with pytest.raises(Abort):
            async with database.transaction() as session:
                await events.record(
                    session, "transaction.approved", client_slug=tenant.client_slug, subject_id="rolled-back", data={}
                )
                raise Abort
        await drain()
    async with database.transaction() as session:
        assert await session.scalar(select(func.count()).where(Event.subject_id == "rolled-back")) == 0
    assert receiver.requests == []


async def test_events_are_listed_for_backfill_and_can_be_replayed(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    with webhook_receiver() as receiver:
        endpoint = await register(client, tenant, receiver.url, eventTypes=["transaction.refunded"])
        link = await paid_link(client, tenant)
        await client.post(f"/transactions/{link['uid']}/refund", json={"amount": 10}, headers=merchant(tenant))
        await drain()
        assert [r.json["eventType"] for r in receiver.requests] == ["transaction.refunded"]
        listed = (await client.get("/v1/events", params={"sortOrder": "ASC"}, headers=merchant(tenant))).json()
        assert [e["eventType"] for e in listed["items"]] == ["transaction.approved", "transaction.refunded"]
        assert (await client.get("/v1/events", headers=merchant(other))).json()["meta"]["totalItems"] == 0
        refunded = listed["items"][1]["eventId"]
        replay = await client.post(f"/v1/events/{refunded}/replay", headers=merchant(tenant))
        assert replay.status_code == 202, replay.text
        foreign = await client.post(f"/v1/events/{refunded}/replay", headers=merchant(other))
        assert foreign.status_code == 404
        unwanted = await client.post(
            f"/v1/events/{listed['items'][0]['eventId']}/replay", json={}, headers=merchant(tenant)
        )
        assert unwanted.status_code == 409
        await drain()
    assert receiver.event_ids() == [refunded, refunded]
    async with database.transaction() as session:
        replays = await session.scalar(
            select(func.count()).where(WebhookDelivery.endpoint_id == endpoint["id"], WebhookDelivery.replay.is_(True))
        )
    assert replays == 1


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"url": "ftp://example.com/x", "eventTypes": ["*"]}, "url"),
        ({"url": "https://example.com/x", "eventTypes": ["no.such.event"]}, "eventTypes"),
        ({"url": "https://example.com/x", "eventTypes": []}, "eventTypes"),
        ({"url": "https://u:p@example.com/x", "eventTypes": ["*"]}, "url"),
        ({"url": "https://example.com/x", "eventTypes": ["*"], "authHeaderName": "x-key"}, "authHeader"),
        (
            {"url": "https://example.com/x", "eventTypes": ["*"], "authHeaderName": "Host", "authHeaderValue": "a"},
            "Host",
        ),
        ({"url": "https://example.com/x", "eventTypes": ["*"], "signingSecret": "short"}, "signingSecret"),
    ],
)
async def test_bad_endpoints_are_refused(client, body, problem):
    tenant = await create_tenant()
    response = await client.post("/v1/webhook-endpoints", json=body, headers=merchant(tenant))
    assert response.status_code == 409 and response.json()["ownCode"] == 5000
    assert problem in response.json()["detail"]


async def test_a_null_url_or_event_types_is_refused_not_a_crash(client):
    tenant = await create_tenant()
    endpoint = await register(client, tenant, "https://shop.example/hooks")
    for change in ({"eventTypes": None}, {"url": None}):
        response = await client.patch(f"/v1/webhook-endpoints/{endpoint['id']}", json=change, headers=merchant(tenant))
        assert response.status_code == 409 and response.json()["ownCode"] == 5000, response.text
    header = await client.patch(
        f"/v1/webhook-endpoints/{endpoint['id']}",
        json={"authHeaderName": "x-key", "authHeaderValue": "a\r\nInjected: yes"},
        headers=merchant(tenant),
    )
    assert header.status_code == 409


async def test_retry_after_cannot_hurry_the_schedule_nor_overflow_it(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.script = [(503, {"Retry-After": "0"}), (503, {"Retry-After": "1000000000000"})]
        endpoint = await register(client, tenant, receiver.url)
        await paid_link(client, tenant)
        await drain()
        await drain()
        assert len(receiver.requests) == 1  # "0" does not beat the 5 s backoff
        frozen_clock.advance(seconds=6)
        await drain()
        assert len(receiver.requests) == 2
        frozen_clock.advance(days=6)
        await drain()
    log = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", headers=merchant(tenant))).json()
    assert log["items"][0]["status"] == "failed"  # asked to wait past the 7 days: given up, not crashed


async def test_an_answer_with_a_nul_byte_is_recorded_not_a_batch_stuck(client):
    # PostgreSQL text cannot hold NUL: kept in the excerpt, it failed the whole batch's settling, and every
    # delivery of the batch went out again each second.
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.answer_body = b"ok\x00done"
        endpoint = await register(client, tenant, receiver.url)
        await paid_link(client, tenant)
        await drain()
        assert len(receiver.requests) == 1
    log = (await client.get(f"/v1/webhook-endpoints/{endpoint['id']}/deliveries", headers=merchant(tenant))).json()
    delivery = log["items"][0]
    assert delivery["status"] == "delivered"
    assert delivery["attemptLog"][0]["responseExcerpt"] == "ok\ufffddone"
