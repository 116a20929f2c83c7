"""Webhooks you can test alone (issue 19): `POST …/webhook-endpoints/{id}/test {eventType}` answers 202 and
sends a test event of any catalogued type, with that type's fields and `test: true`, through the normal
delivery path (signed, retried, in the delivery log); `migo webhooks trigger` does it from the command line and
`migo webhooks tail` follows the deliveries live."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from migo.subscriptions.schemas import SubscriptionOut
from migo.webhooks import samples
from migo.webhooks.service import EVENT_TYPES
from tests.factories import bearer, configure_payment_client, create_tenant, merchant
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain, paid_link, register
from tests.webhooks.test_inbound_and_gateway import register as register_on_gateway


async def test_a_merchant_sends_itself_a_test_transaction_approved_shaped_as_the_real_one(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(client, tenant, receiver.url, eventTypes=["transaction.approved"])
        await paid_link(client, tenant)  # a real one, to compare with
        path = f"/v1/webhook-endpoints/{endpoint['id']}/test"
        sent = await client.post(path, json={"eventType": "transaction.approved"}, headers=merchant(tenant))
        assert sent.status_code == 202, sent.text
        assert sent.json()["eventType"] == "transaction.approved" and sent.json()["endpointId"] == endpoint["id"]
        await drain()
        # Both deliveries run at once: tell them apart by the flag, not by their order of arrival.
        [test] = [request for request in receiver.requests if request.json.get("test") is True]
        [real] = [request for request in receiver.requests if request is not test]
    assert test.json["eventId"] == sent.json()["eventId"] and test.json["test"] is True
    assert set(test.json) - {"test"} == set(real.json)  # the same fields as the real event
    assert test.json["eventType"] == real.json["eventType"] == "transaction.approved"

    plain = await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/test", headers=merchant(tenant))
    assert plain.status_code == 202 and plain.json()["eventType"] == "webhook.test"


async def test_a_company_sends_a_signed_card_event_in_the_envelope_and_bad_requests_are_refused(client):
    tenant, other = await create_tenant(), await create_tenant()
    with webhook_receiver() as receiver:
        token, endpoint = await register_on_gateway(client, tenant, receiver.url, ["card.blocked"])
        path = f"/rest/webhook-endpoints/{endpoint['id']}/test"
        sent = await client.post(path, json={"eventType": "card.funds_loaded"}, headers=bearer(token))
        assert sent.status_code == 202 and sent.json()["statusCode"] == 202, sent.text
        await drain()
        [delivery] = receiver.requests
    assert delivery.json["eventType"] == "card.funds_loaded" and delivery.json["test"] is True
    assert delivery.json["amount"] == "25.0000" and delivery.json["type"] == "load"
    log = (await client.get(f"/rest/webhook-endpoints/{endpoint['id']}/deliveries", headers=bearer(token))).json()
    assert [d["status"] for d in log["data"]["items"]] == ["delivered"]

    unknown = await client.post(path, json={"eventType": "card.exploded"}, headers=bearer(token))
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == 7000
    theirs = bearer(await other.app_token(client))
    assert (await client.post(path, json={"eventType": "card.blocked"}, headers=theirs)).status_code == 404
    await configure_payment_client(tenant)
    mw_unknown = await client.post(
        f"/v1/webhook-endpoints/{endpoint['id']}/test", json={"eventType": "nope"}, headers=merchant(tenant)
    )
    assert mw_unknown.status_code == 409 and mw_unknown.json()["ownCode"] == 5000  # type checked first


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_catalogued_type_has_a_sample_marked_test(event_type):
    data = samples.sample_data(event_type)
    assert data["test"] is True and len(data) > 1 and samples.subject_of(data) != "test"


def test_a_subscription_sample_has_the_fields_of_the_api_subscription():
    fields = {field.alias or name for name, field in SubscriptionOut.model_fields.items()}
    assert set(samples.sample_data("subscription.renewed")) - {"test"} == fields


def _migo(*command: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "migo", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


async def test_the_cli_triggers_a_test_event_and_tails_its_delivery(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        await register(client, tenant, receiver.url, eventTypes=["transaction.refunded"])
        follow = ("--client", tenant.client_slug, "--count", "1", "--interval", "0.2", "--from-start")
        tail = _migo("webhooks", "tail", *follow)
        try:
            trigger = await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-m", "migo", "webhooks", "trigger", "transaction.refunded", *follow[:2]],
                capture_output=True,
                text=True,
                env=os.environ,
            )
            assert trigger.returncode == 0, trigger.stderr
            await drain()
            out, err = await asyncio.to_thread(tail.communicate, timeout=30)
        finally:
            tail.kill()
    assert tail.returncode == 0, err
    assert "transaction.refunded" in out and " 200 " in out and receiver.url in out
    assert receiver.requests[0].json["test"] is True
