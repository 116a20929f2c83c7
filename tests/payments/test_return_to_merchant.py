"""Existing storefront integrations (issue 7): the webview entry by GET or form POST with a return URL, the
origin check (no open redirect), and the parameters appended on the way back."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from tests.factories import configure_payment_client, create_link, create_tenant, merchant, sandbox_pay

ORIGINS = ("https://shop.example", "http://localhost:*")


def return_link(html: str) -> str:
    match = re.search(r'id="return-link"[^>]*|href="([^"]+)"[^>]*id="return-link"', html)
    assert match is not None, html
    href = re.search(r'href="([^"]+)"', match.group(0))
    assert href is not None
    return unescape(href.group(1))


async def test_get_and_form_post_render_the_same_checkout(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_return_origins=ORIGINS)
    link = await create_link(client, tenant)
    by_get = await client.get("/", params={"orderId": link["uid"], "return_url": "https://shop.example/done"})
    by_post = await client.post("/", data={"orderId": link["uid"], "return_url": "https://shop.example/done"})
    for page in (by_get, by_post):
        assert page.status_code == 200
        assert 'action="/checkout/' in page.text and "Card number" in page.text
        assert 'name="return_url" value="https://shop.example/done"' in page.text
    missing = await client.post("/", data={"orderId": "x" * 21})
    assert missing.status_code == 404 and "Payment link not found" in missing.text


async def test_a_return_url_outside_the_allowed_origins_is_refused_with_a_page(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_return_origins=ORIGINS)
    link = await create_link(client, tenant)
    for url in (
        "https://evil.example/phish",
        "javascript:alert(1)",
        "https://shop.example.evil.com/",
        "//evil.example",
    ):
        page = await client.get("/", params={"orderId": link["uid"], "return_url": url})
        assert page.status_code == 400 and "return address is not allowed" in page.text
        assert "evil" not in page.text and "javascript" not in page.text  # never echoed, never linked
    for url in ("http://localhost:3000/back", "http://localhost:8080/", "https://shop.example/x"):
        assert (await client.get("/", params={"orderId": link["uid"], "return_url": url})).status_code == 200


async def test_links_may_carry_a_return_url_checked_at_creation(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_return_origins=ORIGINS)
    refused = await client.post(
        "/transactions",
        json={"amount": 5, "userId": "u", "channel": "web", "client": tenant.client_slug, "returnUrl": "https://x.io/"},
        headers=merchant(tenant),
    )
    assert refused.status_code == 409 and refused.json()["ownCode"] == 5000
    link = await create_link(client, tenant, returnUrl="https://shop.example/orders/17?lang=es")
    await sandbox_pay(client, tenant, link["uid"])
    page = await client.get("/", params={"orderId": link["uid"]})
    assert "Payment approved" in page.text
    target = urlsplit(return_link(page.text))
    assert (target.scheme, target.netloc, target.path) == ("https", "shop.example", "/orders/17")
    params = parse_qs(target.query)
    assert params["lang"] == ["es"]  # the URL's own query is kept
    assert params["uid"] == [link["uid"]] and params["status"] == ["approved"]
    assert params["amount"] == ["100"] and params["currency"] == ["GTQ"] and params["reference"] == [link["reference"]]


async def test_the_clients_default_return_url_applies_when_none_is_sent(client):
    tenant = await create_tenant()
    await configure_payment_client(
        tenant, allowed_return_origins=ORIGINS, default_return_url="https://shop.example/thanks"
    )
    link = await create_link(client, tenant)
    await sandbox_pay(client, tenant, link["uid"], "4000000000000002")
    await sandbox_pay(client, tenant, link["uid"], "4000000000000002")
    await sandbox_pay(client, tenant, link["uid"], "4000000000000002")
    page = await client.get("/", params={"orderId": link["uid"]})
    assert "Payment declined" in page.text
    params = parse_qs(urlsplit(return_link(page.text)).query)
    assert params["status"] == ["denied"] and params["amount"] == ["100"]


async def test_a_decline_with_attempts_left_offers_another_card_and_the_way_back(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_return_origins=ORIGINS)
    link = await create_link(client, tenant)
    paid = await client.post(
        f"/checkout/{link['uid']}/pay",
        data={
            "cardNumber": "4000 0000 0000 0002",
            "expiry": "12/34",
            "cvv": "123",
            "return_url": "http://localhost:5000/back",
        },
    )
    assert paid.status_code == 303
    page = await client.get(paid.headers["location"])
    assert "Try another card" in page.text and 'id="pay-form"' in page.text
    params = parse_qs(urlsplit(return_link(page.text)).query)
    assert params["status"] == ["pending"] and params["uid"] == [link["uid"]]  # it can still be paid


async def test_parameters_go_before_a_fragment_and_are_signed_with_the_webhook_secret(client, frozen_clock):
    import base64
    import hashlib
    import hmac

    from migo.webhooks.signatures import generate_secret

    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_return_origins=ORIGINS)
    secret = generate_secret().reveal()  # the merchant's own, sent in the request
    registered = await client.post(
        "/v1/webhook-endpoints",
        json={"url": "https://shop.example/hooks", "eventTypes": ["*"], "signingSecret": secret},
        headers=merchant(tenant),
    )
    assert registered.status_code == 201, registered.text
    link = await create_link(
        client, tenant, externalId="A-17 & co", returnUrl="https://shop.example/app?lang=es#/orders/17"
    )
    await sandbox_pay(client, tenant, link["uid"])
    page = await client.get("/", params={"orderId": link["uid"]})
    target = urlsplit(return_link(page.text))
    assert target.fragment == "/orders/17"
    names = [pair.split("=", 1)[0] for pair in target.query.split("&")]
    assert names == ["lang", "uid", "reference", "externalId", "status", "amount", "currency", "timestamp", "signature"]
    params = parse_qs(target.query)
    assert params["externalId"] == ["A-17 & co"] and params["timestamp"] == [str(int(frozen_clock.now().timestamp()))]
    # A merchant verifies without a server call: HMAC-SHA256, keyed with its webhook signing secret, of a
    # context line and Migo's parameters exactly as they appear, from `uid=` up to `&signature=`.
    key = base64.b64decode(secret.removeprefix("whsec_"))
    head, _, signature = target.query.rpartition("&signature=")
    signed = head[head.rfind("&uid=") + 1 :]
    expected = hmac.new(key, b"migo-return-v1\n" + signed.encode(), hashlib.sha256).hexdigest()
    assert hmac.compare_digest(signature, expected)


async def test_the_checkout_entry_takes_a_few_text_fields_not_uploads(client):
    upload = await client.post("/", files={"f": ("a.txt", b"x" * 100)}, data={"orderId": "x" * 21})
    assert upload.status_code == 400
    flood = await client.post("/", data={f"field{i}": "v" for i in range(50)})
    assert flood.status_code == 400
