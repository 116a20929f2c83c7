"""An existing storefront integration end to end in a real browser (issue 7): the shop's backend creates the
link with the raw merchant token and `amount: 100.0`, the customer's browser is form-POSTed to the webview
with the shop's own `return_url`, pays, and comes back to the shop with `uid`, `reference`, `status`,
`amount`, `currency` and `timestamp` appended to that URL's own query."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser import browser_page
from tests.factories import Tenant, configure_payment_client, create_tenant, merchant

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}
ORDER = "A-17"
STOREFRONT_ORIGINS = ("http://127.0.0.1:*",)

pytestmark = pytest.mark.browser


@dataclass
class Storefront:
    """What the shop saw: the exact bodies it sent to Migo, the links it got back, the returns it received."""

    live_server: str
    tenant: Tenant
    base: str = ""
    sent: list[bytes] = field(default_factory=list)
    created: dict[str, dict[str, Any]] = field(default_factory=dict)
    returns: list[dict[str, list[str]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def create_link(self, order: str) -> dict[str, Any]:
        """What the plugin's backend does: the raw token (no "Bearer"), and the amount as a float."""
        body = {
            "amount": 100.0,
            "userId": order,
            "channel": "web",
            "client": self.tenant.client_slug,
            "createdBy": "woocommerce",
            "ads": [],
        }
        raw = json.dumps(body).encode()
        self.sent.append(raw)
        with httpx.Client(base_url=self.live_server, timeout=10) as http:
            response = http.post(
                "/transactions",
                content=raw,
                headers={"Authorization": self.tenant.merchant_token, "Content-Type": "application/json"},
            )
        if response.status_code != 200:
            raise RuntimeError(f"POST /transactions answered {response.status_code}: {response.text}")
        link = response.json()
        self.created[order] = link
        return link


def _handler(shop: Storefront) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            try:
                if url.path == "/checkout":
                    self._checkout(query["order"][0])
                elif url.path == "/return":
                    shop.returns.append(query)  # recorded before answering: the browser's load means it is there
                    self._return(query)
                else:
                    self.send_error(404)
            except Exception as problem:  # surfaced to the test, not lost in the server thread
                shop.errors.append(repr(problem))
                self._answer(f"<h1>Storefront error</h1><pre>{escape(repr(problem))}</pre>", status=502)

        def _checkout(self, order: str) -> None:
            link = shop.create_link(order)
            return_url = f"{shop.base}/return?{urlencode({'order': order})}"
            self._answer(
                f"<h1>Your order {escape(order)}</h1>"
                f'<form method="post" action="{escape(shop.live_server)}/">'
                f'<input type="hidden" name="orderId" value="{escape(link["uid"])}">'
                f'<input type="hidden" name="return_url" value="{escape(return_url)}">'
                '<button type="submit">Continue to payment</button>'
                "</form>"
            )

        def _return(self, query: dict[str, list[str]]) -> None:
            rows = "".join(
                f"<li>{escape(name)}: <span id='{escape(name)}'>{escape(values[0])}</span></li>"
                for name, values in sorted(query.items())
            )
            self._answer(f"<h1>Thank you</h1><ul>{rows}</ul>")

        def _answer(self, body: str, status: int = 200) -> None:
            encoded = f"<!doctype html><html><head><meta charset='utf-8'><title>Shop</title></head><body>{body}"
            encoded += "</body></html>"
            raw = encoded.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

    return Handler


@contextmanager
def running_storefront(live_server: str, tenant: Tenant) -> Iterator[Storefront]:
    shop = Storefront(live_server, tenant)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(shop))
    server.daemon_threads = True
    shop.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, name="storefront", daemon=True)
    thread.start()
    try:
        yield shop
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def new_storefront_tenant() -> Tenant:
    tenant = await create_tenant()
    await configure_payment_client(tenant, allowed_return_origins=STOREFRONT_ORIGINS)
    return tenant


async def go_through_checkout(page: Page, shop: Storefront) -> None:
    """From the shop's checkout, through Migo's webview, to the approved payment."""
    await page.goto(f"{shop.base}/checkout?{urlencode({'order': ORDER})}")
    assert shop.errors == []
    await page.get_by_role("button", name="Continue to payment").click()
    await expect(page.get_by_role("heading", name="Tienda Ana")).to_be_visible()
    await expect(page.get_by_text("GTQ 100")).to_be_visible()
    await page.get_by_label("Card number").fill("4242424242424242")
    await page.get_by_label("Name on card").fill("Ana Pérez")
    await page.get_by_label("Expiry").fill("12/34")
    await page.get_by_label("CVV").fill("123")
    await page.get_by_role("button", name="Pay", exact=True).click()
    await expect(page.get_by_role("heading", name="Payment approved")).to_be_visible()
    await expect(page.locator("#return-link")).to_have_text("Return to Tienda Ana")


def landed_on_return(shop: Storefront) -> re.Pattern[str]:
    return re.compile("^" + re.escape(f"{shop.base}/return?"))


def assert_returned(shop: Storefront) -> dict[str, Any]:
    assert shop.errors == []
    assert len(shop.sent) == 1 and b'"amount": 100.0' in shop.sent[0]  # the float went over the wire
    link = shop.created[ORDER]
    assert set(link) == {"uid", "reference", "URL"}
    assert link["URL"].endswith(f"/?orderId={link['uid']}")
    assert len(shop.returns) == 1, shop.returns
    returned = dict(shop.returns[0])
    sent_back_at = int(returned.pop("timestamp")[0])
    assert abs(time.time() - sent_back_at) < 120
    assert returned == {
        "order": [ORDER],  # the shop's own query is kept
        "uid": [link["uid"]],
        "reference": [link["reference"]],
        "status": ["approved"],
        "amount": ["100"],  # the original amount
        "currency": ["GTQ"],  # the client's default
    }
    return link


async def transaction_status(live_server: str, tenant: Tenant, uid: str) -> str:
    async with httpx.AsyncClient(base_url=live_server) as http:
        response = await http.get(f"/transactions/{uid}", headers=merchant(tenant))  # the raw token
    assert response.status_code == 200, response.text
    return response.json()["status"]


async def test_a_storefront_sends_the_customer_to_pay_and_gets_them_back_automatically(live_server):
    tenant = await new_storefront_tenant()
    with running_storefront(live_server, tenant) as shop:
        async with browser_page(**PHONE) as page:
            await go_through_checkout(page, shop)
            # No click: checkout.js takes the customer back after about 5 s.
            await page.wait_for_url(landed_on_return(shop), timeout=15_000)
            await expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
            await expect(page.locator("#status")).to_have_text("approved")
        link = assert_returned(shop)
    assert await transaction_status(live_server, tenant, link["uid"]) == "approved"


async def test_without_javascript_the_return_link_takes_the_customer_back(live_server):
    tenant = await new_storefront_tenant()
    with running_storefront(live_server, tenant) as shop:
        async with browser_page(java_script_enabled=False, **PHONE) as page:
            await go_through_checkout(page, shop)
            await page.get_by_role("link", name="Return to Tienda Ana").click()
            await page.wait_for_url(landed_on_return(shop), timeout=15_000)
            await expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
        link = assert_returned(shop)
    assert await transaction_status(live_server, tenant, link["uid"]) == "approved"
