"""The dashboard's webhooks (issue 17): a client's endpoints and each one's delivery log with every attempt;
pause, resume, enable, replay and a test event, each checked for its permission and its CSRF token and kept in
the audit trail; another client's or another partner's endpoint is not found; no secret is ever on a page."""

from __future__ import annotations

import re

import httpx

from migo.webhooks.service import TEST_EVENT_TYPE
from tests.dashboard.signing_in import STORE_PASSWORD, csrf_of, merchant_user, sign_in
from tests.factories import configure_payment_client, create_tenant, merchant
from tests.merchants.test_cms_review import _data
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain, paid_link, register


def _endpoint_page(tenant, endpoint: dict) -> str:  # type: ignore[no-untyped-def]
    return f"/dashboard/webhooks/{tenant.client_slug}/{endpoint['id']}"


async def test_a_merchants_user_sees_its_endpoints_and_every_attempt_of_a_delivery(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.script = [(500, {})]  # the first try fails, the replay is delivered
        endpoint = await register(
            client, tenant, receiver.url, authHeaderName="x-api-key", authHeaderValue="static-key-secret-1234"
        )
        await paid_link(client, tenant)
        await drain()
        username = await merchant_user(client, tenant, ["webhooks.read", "webhooks.manage"])
        await sign_in(client, tenant, username, STORE_PASSWORD)

        listed = await client.get("/dashboard/webhooks")
        assert listed.status_code == 200 and receiver.url in listed.text and "every event" in listed.text
        assert 'id="client"' not in listed.text  # a merchant's user has its one client: no chooser
        page = await client.get(_endpoint_page(tenant, endpoint))
        assert page.status_code == 200 and "transaction.approved" in page.text
        assert "<strong>500</strong>" in page.text and "static-key-secret-1234" not in page.text
        assert "x-api-key" in page.text and "1234" not in page.text.split("Authentication")[1][:200]

        event_id = re.search(r'name="eventId" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        replayed = await client.post(
            f"{_endpoint_page(tenant, endpoint)}/replay", data={"csrf": csrf_of(page), "eventId": event_id}
        )
        assert replayed.status_code == 303 and "done=replayed" in replayed.headers["location"]
        await drain()
        log = await client.get(replayed.headers["location"])
        assert "queued again" in log.text and "(replay)" in log.text and "<strong>200</strong>" in log.text
        assert "2 deliveries" in log.text
        assert receiver.event_ids() == [event_id, event_id]  # the same eventId: the merchant dedupes on it


async def test_pause_resume_enable_and_a_test_event_need_the_csrf_token_and_are_audited(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        endpoint = await register(client, tenant, receiver.url)
        other = await register(client, tenant, receiver.url, eventTypes=["*"])  # hears every event, not the test
        username = await merchant_user(client, tenant, ["webhooks.read", "webhooks.manage"])
        await sign_in(client, tenant, username, STORE_PASSWORD)
        here = _endpoint_page(tenant, endpoint)
        csrf = csrf_of(await client.get(here))

        for action, status in (("status/pause", "paused"), ("test", "paused"), ("status/resume", "enabled")):
            assert (await client.post(f"{here}/{action}")).status_code == 403  # no token: nothing done
            assert (await client.post(f"{here}/{action}", data={"csrf": "forged"})).status_code == 403
            done = await client.post(f"{here}/{action}", data={"csrf": csrf})
            assert done.status_code == 303, (action, done.text)
            shown = await client.get(done.headers["location"])
            assert f'class="status {status}"' in shown.text, action
            assert ("waiting for the endpoint to be resumed" in shown.text) == (action == "test")
        await drain()
        [test] = receiver.wait_for(1)
        assert test.json["eventType"] == TEST_EVENT_TYPE and test.json["endpointId"] == endpoint["id"]
        shown = await client.get(here)
        assert TEST_EVENT_TYPE in shown.text and "<strong>200</strong>" in shown.text
        assert TEST_EVENT_TYPE not in (await client.get(_endpoint_page(tenant, other))).text
        # Enabling is for a disabled endpoint; a disabled one takes no test event (409, on the problem page).
        assert (await client.post(f"{here}/status/enable", data={"csrf": csrf})).status_code == 303
        # Paused through the API: the page shows the API's changes.
        await client.post(f"/v1/webhook-endpoints/{endpoint['id']}/pause", headers=merchant(tenant))
        assert 'class="status paused"' in (await client.get(here)).text
        assert (await client.post(f"{here}/status/pause", data={"csrf": csrf})).status_code == 303

    admin = await tenant.operator_headers(client)
    wanted = {"searchText": endpoint["id"], "sortOrder": "ASC"}
    trail = _data(await client.get("/cms/rest/audit", params=wanted, headers=admin))["items"]
    # The POSTs refused for their CSRF token are kept too (refused, changing nothing).
    assert [(r["status"], r["outcome"], r["changes"]) for r in trail if r["status"] == 403] == [
        (403, "refused", None)
    ] * 6
    kept = [(r["action"], r["status"], r["changes"]) for r in trail if r["status"] != 403]
    assert [(action, status) for action, status, _ in kept] == [
        ("changeWebhookEndpointStatus", 303),
        ("sendWebhookTestEvent", 303),
        ("changeWebhookEndpointStatus", 303),
        ("changeWebhookEndpointStatus", 303),
        ("changeWebhookEndpointStatus", 303),
    ]
    assert kept[0][2] == {"status": {"before": "enabled", "after": "paused"}}
    assert kept[1][2]["eventId"]["after"] == test.json["eventId"]


async def test_a_disabled_endpoint_is_enabled_before_a_test_event(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    with webhook_receiver() as receiver:
        receiver.default = 410
        endpoint = await register(client, tenant, receiver.url)
        await paid_link(client, tenant)
        await drain()
    username = await merchant_user(client, tenant, ["webhooks.read", "webhooks.manage"])
    await sign_in(client, tenant, username, STORE_PASSWORD)
    page = await client.get(_endpoint_page(tenant, endpoint))
    assert 'class="status disabled"' in page.text and "410 Gone" in page.text and ">Enable<" in page.text
    assert "Send test event" not in page.text
    refused = await client.post(f"{_endpoint_page(tenant, endpoint)}/test", data={"csrf": csrf_of(page)})
    assert refused.status_code == 409 and "enable it first" in refused.text


async def test_another_clients_endpoint_is_not_found_and_permissions_are_checked(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    mine = await register(client, tenant, "https://shop.example/hooks")
    theirs = await register(client, other, "https://other.example/hooks")

    reader = await merchant_user(client, tenant, ["webhooks.read"])
    await sign_in(client, tenant, reader, STORE_PASSWORD)
    page = await client.get(_endpoint_page(tenant, mine))
    assert page.status_code == 200 and "Pause" not in page.text and "Send test event" not in page.text
    csrf = csrf_of(page)  # the sign-out form's
    assert (await client.post(f"{_endpoint_page(tenant, mine)}/status/pause", data={"csrf": csrf})).status_code == 403
    assert (await client.post(f"{_endpoint_page(tenant, mine)}/test", data={"csrf": csrf})).status_code == 403
    # Another client's endpoint, by its client or under this one's: not found.
    assert (await client.get(_endpoint_page(other, theirs))).status_code == 404
    assert (await client.get(f"/dashboard/webhooks/{tenant.client_slug}/{theirs['id']}")).status_code == 404
    assert (await client.get("/dashboard/webhooks", params={"client": other.client_slug})).status_code == 404

    # A partner's operator chooses among its clients; another partner's client is not found.
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as partner:
        await sign_in(partner, tenant)
        listed = await partner.get("/dashboard/webhooks")
        assert 'id="client"' in listed.text and "https://shop.example/hooks" in listed.text
        assert (await partner.get("/dashboard/webhooks", params={"client": other.client_slug})).status_code == 404
        assert (await partner.get(_endpoint_page(other, theirs))).status_code == 404
        csrf = csrf_of(listed)
        paused = await partner.post(f"{_endpoint_page(other, theirs)}/status/pause", data={"csrf": csrf})
        assert paused.status_code == 404

    # Without `webhooks.read`: refused, and no link to the page.
    payments_only = await merchant_user(client, tenant, ["transactions.read"])
    await sign_in(client, tenant, payments_only, STORE_PASSWORD)
    assert (await client.get("/dashboard/webhooks")).status_code == 403
    assert (await client.get(_endpoint_page(tenant, mine))).status_code == 403
    assert 'href="/dashboard/webhooks"' not in (await client.get("/dashboard/")).text
