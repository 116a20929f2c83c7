"""customKeys on the hosted checkout (seed 002: they are "available to webview templates"): a client's back
office chooses which customKeys the checkout shows, with a label each; the merchant reads them in its client's
configuration; the checkout shows a link's plain values, escaped, in that order, and nothing else of them."""

from __future__ import annotations

from typing import Any

from tests.factories import configure_payment_client, create_link, create_tenant, merchant
from tests.merchants.test_cms_review import _data, _error

FIELDS = [{"label": "Order", "key": "orderId"}, {"label": "Gift wrap", "key": "gift"}, {"label": "Box", "key": "box"}]


def _client(tenant: Any) -> str:
    return f"/cms/rest/app/partners/{tenant.partner_id}/clients/{tenant.client_slug}"


async def test_the_checkout_shows_the_customkeys_its_client_chose(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    updated = _data(await client.patch(_client(tenant), json={"checkoutFields": FIELDS}, headers=admin))
    assert updated["checkoutFields"] == FIELDS
    config = (await client.get(f"/v1/clients/{tenant.client_slug}/config", headers=merchant(tenant))).json()
    assert config["checkoutFields"] == FIELDS  # the merchant sees what its checkout shows

    keys = {"orderId": "<b>A-17</b>", "gift": True, "box": {"size": "L"}, "secret": "not chosen"}
    link = await create_link(client, tenant, customKeys=keys)
    page = (await client.get("/", params={"orderId": link["uid"]})).text
    assert "<dt>Order</dt><dd>&lt;b&gt;A-17&lt;/b&gt;</dd>" in page  # escaped, never markup
    assert "<dt>Gift wrap</dt><dd>Yes</dd>" in page
    assert page.index("Order</dt>") < page.index("Gift wrap</dt>")
    assert "Box</dt>" not in page and "not chosen" not in page  # a nested value, and a key not chosen

    plain = await create_link(client, tenant)
    assert 'class="details"' not in (await client.get("/", params={"orderId": plain["uid"]})).text

    cleared = _data(await client.patch(_client(tenant), json={"checkoutFields": []}, headers=admin))
    assert cleared["checkoutFields"] == []
    assert "Order</dt>" not in (await client.get("/", params={"orderId": link["uid"]})).text


async def test_checkout_fields_that_make_no_sense_are_a_400_and_change_nothing(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    admin = await tenant.operator_headers(client)
    _data(await client.patch(_client(tenant), json={"checkoutFields": FIELDS[:1]}, headers=admin))
    for fields in (
        [{"label": "Order", "key": "orderId"}, {"label": "Again", "key": "orderId"}],  # one key twice
        [{"label": "", "key": "orderId"}],
        [{"label": "Order", "key": "x" * 101}],
        [{"label": f"L{n}", "key": f"k{n}"} for n in range(11)],
        [{"label": "Order"}],
    ):
        error = _error(await client.patch(_client(tenant), json={"checkoutFields": fields}, headers=admin), 400, 7000)
        assert "checkoutFields" in error["detail"] or "checkout_fields" in error["detail"], error
    assert _data(await client.get(_client(tenant), headers=admin))["checkoutFields"] == FIELDS[:1]
