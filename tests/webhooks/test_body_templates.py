"""An endpoint's own callback body (seed 002: customKeys are "available … to Generic Callback templates"): a
sandboxed template over the flat body's fields, checked when saved, signed as sent, and a failure for one event
is a failed attempt with its reason that a corrected template then delivers."""

from __future__ import annotations

import pytest
from standardwebhooks.webhooks import Webhook

from migo.webhooks import body_templates
from tests.factories import configure_payment_client, create_tenant, merchant
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain, paid_link, register

ORDER_TEMPLATE = (
    '{"order": {{ customKeys.orderId | tojson }}, "paid": {{ (status == "approved") | tojson }}, '
    '"total": {{ amount | tojson }}, "ref": {{ reference | lower | tojson }}, "note": {{ customKeys.note | tojson }}}'
)


async def test_a_templated_endpoint_receives_its_own_body_signed_as_sent(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(
            client,
            tenant,
            receiver.url,
            eventTypes=["transaction.approved"],
            bodyTemplate=ORDER_TEMPLATE,
            generateSigningSecret=True,
        )
        assert endpoint["bodyTemplate"] == ORDER_TEMPLATE
        link = await paid_link(client, tenant, customKeys={"orderId": "A-17</script>"})
        await drain()
    [delivery] = receiver.requests
    assert delivery.json == {
        "order": "A-17</script>",
        "paid": True,
        "total": 100,
        "ref": link["reference"].lower(),
        "note": None,  # a key this link lacks
    }
    assert delivery.headers["content-type"] == "application/json"
    verifier = Webhook(endpoint["signingSecret"])
    verifier._Webhook__verify_timestamp = lambda header: frozen_clock.now()  # type: ignore[attr-defined]
    verifier.verify(delivery.body, delivery.headers)  # the signature covers the bytes the template made


@pytest.mark.parametrize(
    ("template", "why"),
    [
        ('{"a": {% for i in range(9) %}1{% endfor %}}', "for is not allowed"),
        ('{"a": {{ "x".ljust(10) | tojson }}}', "call is not allowed"),
        ('{"a": {{ 9 ** 99 }}}', "pow is not allowed"),
        ('{"a": {{ uid | center(99999) | tojson }}}', "No filter named 'center'"),
        ('{"a": {{ uid }', "does not compile"),
        ('{"a": {{ uid }}}', "does not render JSON"),  # a string needs tojson
    ],
)
async def test_a_template_that_is_unsafe_or_makes_no_json_is_refused_when_saved(client, template, why):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    body = {"url": "https://shop.example/hooks", "eventTypes": ["*"], "bodyTemplate": template}
    refused = await client.post("/v1/webhook-endpoints", json=body, headers=merchant(tenant))
    assert refused.status_code == 409 and refused.json()["ownCode"] == 5000, refused.text
    assert "bodyTemplate" in refused.text and why in refused.text
    listed = await client.get("/v1/webhook-endpoints", headers=merchant(tenant))
    assert listed.json()["items"] == []  # nothing was made


async def test_a_template_failing_for_one_event_is_retried_and_a_corrected_one_delivers(client, frozen_clock):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    fragile = '{"count": {{ customKeys.count | default(1) }}}'  # JSON for a number, not for a word
    with webhook_receiver() as receiver:
        endpoint = await register(
            client, tenant, receiver.url, eventTypes=["transaction.approved"], bodyTemplate=fragile
        )
        await paid_link(client, tenant, customKeys={"count": "three"})
        await drain()
        assert receiver.requests == []
        path = f"/v1/webhook-endpoints/{endpoint['id']}"
        [failed] = (await client.get(f"{path}/deliveries", headers=merchant(tenant))).json()["items"]
        [attempt] = failed["attemptLog"]
        assert failed["status"] == "pending" and attempt["error"].startswith("bodyTemplate does not render JSON")

        fixed = {"bodyTemplate": '{"count": {{ customKeys.count | tojson }}}'}
        assert (await client.patch(path, json=fixed, headers=merchant(tenant))).status_code == 200
        frozen_clock.advance(seconds=6)  # the first retry: 5 s ± 10 %
        await drain()
        assert [r.json for r in receiver.requests] == [{"count": "three"}]

        flat = await client.patch(path, json={"bodyTemplate": None}, headers=merchant(tenant))
        assert flat.json()["bodyTemplate"] is None
        await paid_link(client, tenant, customKeys={"count": 4})
        await drain()
    assert receiver.requests[1].json["eventType"] == "transaction.approved"  # the flat body again


def test_the_sandbox_leaves_no_way_out():
    """No globals, no attribute of Python's internals, no method calls: only the event's fields and filters."""
    for template in ('{"a": {{ uid.__class__ | tojson }}}', '{"a": {{ cycler | tojson }}}'):
        assert body_templates.render(template, {"uid": "x"}) == b'{"a":null}'
