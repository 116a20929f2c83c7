"""Payment Links from the dashboard (issue 17): made for a client of the partner through the merchant's own rules
(channels, range, userId per channel), on behalf of the client's Middleware application and `createdBy` the
operator; the page then shows the URL to copy and its QR code. A merchant's user makes links for its own client
only; `payment_links.create` is needed."""

from __future__ import annotations

import re

import httpx

from tests.dashboard.signing_in import csrf_of, sign_in
from tests.factories import configure_payment_client, create_tenant, merchant


async def _form(http: httpx.AsyncClient) -> str:
    page = await http.get("/dashboard/links/new")
    assert page.status_code == 200, page.text
    return csrf_of(page)


async def test_an_operator_makes_a_link_and_gets_its_url_and_qr_code(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    await sign_in(client, tenant)
    fields = {"client": tenant.client_slug, "amount": "250", "channel": "wa", "userId": "50224865444"}
    made = await client.post("/dashboard/links", data={"csrf": await _form(client), **fields, "externalId": "INV-9"})
    assert made.status_code == 303, made.text
    uid = re.search(r"/dashboard/payments/([A-Za-z0-9]+)\?created=1", made.headers["location"]).group(1)  # type: ignore[union-attr]
    page = await client.get(made.headers["location"])
    assert "Payment Link made: Migo sends it to 50224865444." in page.text
    assert f"?orderId={uid}" in page.text and 'src="data:image/svg+xml' in page.text
    shown = (await client.get(f"/transactions/{uid}", headers=merchant(tenant))).json()
    assert (shown["amount"], shown["externalId"], shown["createdBy"]) == (250, "INV-9", tenant.operator_username)

    # The merchant's rules stand: a wa link goes to a phone; an amount outside the range; another partner's client.
    email = await client.post("/dashboard/links", data={"csrf": await _form(client), **fields, "userId": "a@b.example"})
    assert email.status_code == 409 and "userId" in email.text
    too_much = await client.post("/dashboard/links", data={"csrf": await _form(client), **fields, "amount": "10000000"})
    assert too_much.status_code == 409
    other = await create_tenant()
    await configure_payment_client(other)
    theirs = await client.post(
        "/dashboard/links", data={"csrf": await _form(client), **fields, "client": other.client_slug}
    )
    assert theirs.status_code == 409 and "no client" in theirs.text
    assert (await client.post("/dashboard/links", data=fields)).status_code == 403  # no CSRF token


async def test_a_merchants_user_makes_links_for_its_client_only_and_a_viewer_none(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    role = {
        "name": "store-desk",
        "description": "A store",
        "permissions": ["transactions.read", "payment_links.create"],
    }
    assert (await client.post("/cms/rest/roles", json=role, headers=admin)).status_code == 201
    store = {
        "username": "store.links",
        "email": "s@example.test",
        "name": "Store",
        "roles": ["store-desk"],
        "clientSlug": tenant.client_slug,
        "password": "Store-links-pass-9",
    }
    assert (await client.post("/cms/rest/operators", json=store, headers=admin)).status_code == 201
    await sign_in(client, tenant, "store.links", "Store-links-pass-9")
    fields = {"client": "anotherStore", "amount": "250", "channel": "web", "userId": "buyer-1"}
    refused = await client.post("/dashboard/links", data={"csrf": await _form(client), **fields})
    assert refused.status_code == 409
    made = await client.post(
        "/dashboard/links", data={"csrf": await _form(client), **fields, "client": tenant.client_slug}
    )
    assert made.status_code == 303

    viewer = {
        **store,
        "username": "view.only",
        "roles": ["viewer"],
        "clientSlug": None,
        "password": "View-only-pass-99",
    }
    assert (await client.post("/cms/rest/operators", json=viewer, headers=admin)).status_code == 201
    async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as other:
        await sign_in(other, tenant, "view.only", "View-only-pass-99")
        assert (await other.get("/dashboard/links/new")).status_code == 403
