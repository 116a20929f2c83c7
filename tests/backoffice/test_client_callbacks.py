"""A Payment Link client's callback endpoint on the CMS (seed 002's Merchant Generic Callback): the client's
configuration shows where its callbacks go (URL, header name, status; never the header's value), and an operator
points it elsewhere, or removes it, through the webhooks' own rules. A bad callback is a 400 naming the field and
changes nothing; the header's value reaches no answer and no audit record."""

from __future__ import annotations

from typing import Any

from tests.backoffice.test_audit import _trail
from tests.factories import configure_payment_client, create_tenant, merchant
from tests.merchants.test_cms_review import _data, _error

HEADER_VALUE = "cms-set-api-key-7731"


def _client(tenant: Any) -> str:
    return f"/cms/rest/app/partners/{tenant.partner_id}/clients/{tenant.client_slug}"


def _callback(url: str = "https://shop.example/migo/callback", value: str = HEADER_VALUE) -> dict[str, Any]:
    return {"callbackEndpoint": {"url": url, "authHeaderName": "x-api-key", "authHeaderValue": value}}


async def _merchants_view(client: Any, tenant: Any) -> list[dict[str, Any]]:
    """The client's endpoints as the merchant itself lists them on the Middleware."""
    answer = await client.get("/v1/webhook-endpoints", headers=merchant(tenant))
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]  # type: ignore[no-any-return]


async def test_an_operator_sets_moves_and_removes_the_clients_callback_and_never_sees_its_key(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    assert _data(await client.get(_client(tenant), headers=admin))["callbackEndpoints"] == []

    answer = await client.patch(_client(tenant), json={**_callback(), "maxAttempts": 4}, headers=admin)
    found = _data(answer)
    [callback] = found["callbackEndpoints"]
    assert callback == {
        "id": callback["id"],
        "url": "https://shop.example/migo/callback",
        "authHeaderName": "x-api-key",
        "eventTypes": ["*"],
        "status": "enabled",
        "bodyTemplate": None,
    }
    assert found["maxAttempts"] == 4 and HEADER_VALUE not in answer.text
    [seen] = await _merchants_view(client, tenant)  # a webhook endpoint like the merchant's own, with its header
    assert (seen["id"], seen["authHeaderName"], seen["authHeaderValueHint"]) == (callback["id"], "x-api-key", "…7731")
    listed = await client.get(f"/cms/rest/app/partners/{tenant.partner_id}/clients", headers=admin)
    assert _data(listed)["items"][0]["callbackEndpoints"] == [callback]

    # The merchant registers one more; the operator's change moves the first, the callback, and only it.
    extra = await client.post(
        "/v1/webhook-endpoints",
        json={"url": "https://erp.shop.example/hooks", "eventTypes": ["subscription.renewed"]},
        headers=merchant(tenant),
    )
    assert extra.status_code == 201, extra.text
    moved = _callback("https://new.shop.example/callback", "rotated-api-key-0042")
    found = _data(await client.patch(_client(tenant), json=moved, headers=admin))
    first, second = found["callbackEndpoints"]
    assert (first["id"], first["url"]) == (callback["id"], "https://new.shop.example/callback")
    assert (second["url"], second["eventTypes"]) == ("https://erp.shop.example/hooks", ["subscription.renewed"])
    hints = {endpoint["id"]: endpoint["authHeaderValueHint"] for endpoint in await _merchants_view(client, tenant)}
    assert hints == {first["id"]: "…0042", second["id"]: None}

    # The same URL and header name with a new value changes nothing shown, and is still in the trail.
    _data(await client.patch(_client(tenant), json=_callback("https://new.shop.example/callback"), headers=admin))
    found = _data(await client.patch(_client(tenant), json={"callbackEndpoint": None}, headers=admin))
    assert [endpoint["url"] for endpoint in found["callbackEndpoints"]] == ["https://erp.shop.example/hooks"]
    assert [endpoint["url"] for endpoint in await _merchants_view(client, tenant)] == ["https://erp.shop.example/hooks"]

    records = await _trail(client, admin, action="updatePartnerClient")
    assert len(records) == 4
    removed, same_url, rotated, created = records  # newest first
    assert created["changes"]["callbackEndpoints"] == {"before": [], "after": [callback]}
    assert created["changes"]["maxAttempts"] == {"before": 3, "after": 4}
    assert rotated["changes"]["callbackEndpoints"]["after"][0]["url"] == "https://new.shop.example/callback"
    assert same_url["changes"]["callbackEndpoints"]["before"] == same_url["changes"]["callbackEndpoints"]["after"]
    assert removed["changes"]["callbackEndpoints"]["after"] == [second]
    for secret in (HEADER_VALUE, "rotated-api-key-0042"):
        assert secret not in str(records)


async def test_a_bad_callback_is_a_400_naming_the_field_and_changes_nothing(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    _data(await client.patch(_client(tenant), json=_callback(), headers=admin))
    original = _data(await client.get(_client(tenant), headers=admin))
    endpoint = {"url": "https://shop.example/x", "authHeaderName": "x-api-key", "authHeaderValue": HEADER_VALUE}
    refused = {
        "internal address": ({"url": "http://10.0.0.7/callback"}, "body.callbackEndpoint.url"),
        "not http": ({"url": "ftp://shop.example/callback"}, "body.callbackEndpoint.url"),
        "credentials": ({"url": "https://user:pw@shop.example/callback"}, "body.callbackEndpoint.url"),
        "internal name": ({"url": "https://billing.internal/callback"}, "body.callbackEndpoint.url"),
        "reserved header": ({"authHeaderName": "content-type"}, "body.callbackEndpoint.authHeaderName"),
        "header name": ({"authHeaderName": "x api key"}, "body.callbackEndpoint.authHeaderName"),
        "header splitting": ({"authHeaderValue": "a\r\nx-evil: 1"}, "body.callbackEndpoint.authHeaderValue"),
        "no header value": ({"authHeaderValue": None}, "body.callbackEndpoint.authHeaderValue"),
        "unknown field": ({"signingSecret": "whsec_x"}, "body.callbackEndpoint.signingSecret"),
    }
    for label, (fields, named) in refused.items():
        body = {"callbackEndpoint": {**endpoint, **fields}, "maxAttempts": 7}  # a good change beside: not made
        error = _error(await client.patch(_client(tenant), json=body, headers=admin), 400, 7000)
        assert named in error["detail"], (label, error)
        assert HEADER_VALUE not in error["detail"]
    assert _data(await client.get(_client(tenant), headers=admin)) == original
    assert (await _merchants_view(client, tenant))[0]["authHeaderValueHint"] == "…7731"


async def test_another_partners_client_gets_no_callback(client):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    theirs = await other.operator_headers(client)
    _error(await client.patch(_client(tenant), json=_callback(), headers=theirs), 404, 7812)
    own_path = f"/cms/rest/app/partners/{other.partner_id}/clients/{tenant.client_slug}"
    _error(await client.patch(own_path, json=_callback(), headers=theirs), 404, 7841)
    assert await _merchants_view(client, tenant) == []
