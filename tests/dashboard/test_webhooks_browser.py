"""The dashboard's webhooks in the system Chromium (issue 17): a merchant's user pauses and resumes its endpoint
after confirming, sends a test event and sees it delivered in the log; the pages fit a phone (screenshots in
artifacts/) and axe-core finds no serious accessibility violation on them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser import browser_page
from tests.dashboard.signing_in import STORE_PASSWORD, merchant_user, sign_in_browser
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _serious_violations, _shot
from tests.factories import configure_payment_client, create_tenant
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain, paid_link, register

pytestmark = pytest.mark.browser


async def _store_with_an_endpoint(live_server: str, url: str) -> tuple[Any, dict, str]:
    """A tenant whose client has an endpoint at `url` and a delivery in its log, and its merchant's user."""
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        endpoint = await register(http, tenant, url, authHeaderName="x-api-key", authHeaderValue="store-key-98765")
        await paid_link(http, tenant)
        username = await merchant_user(http, tenant, ["webhooks.read", "webhooks.manage"])
    return tenant, endpoint, username


async def _confirm_and_click(page: Page, button: str) -> None:
    page.once("dialog", lambda dialog: dialog.accept())
    await page.get_by_role("button", name=button).click()


async def test_a_merchants_user_pauses_resumes_and_sends_a_test_event(live_server):
    with webhook_receiver() as receiver:
        tenant, endpoint, username = await _store_with_an_endpoint(live_server, receiver.url)
        await drain()  # the payment's callback: the log's first delivery
        async with browser_page(**LAPTOP) as page:
            await sign_in_browser(page, live_server, tenant, username, STORE_PASSWORD)
            await page.get_by_role("link", name="Webhooks").click()
            await expect(page.get_by_role("heading", name="Webhooks")).to_be_visible()
            await _shot(page, "webhooks-laptop")
            await page.get_by_role("link", name=receiver.url).click()

            await expect(page.locator("h1 .status")).to_have_text("enabled")
            await _confirm_and_click(page, "Pause")
            await expect(page.get_by_role("status")).to_have_text("Endpoint paused.")
            await expect(page.locator("h1 .status")).to_have_text("paused")
            await _confirm_and_click(page, "Resume")
            await expect(page.locator("h1 .status")).to_have_text("enabled")

            await page.get_by_role("button", name="Send test event").click()
            await expect(page.get_by_role("status")).to_contain_text("Test event")
            test = page.get_by_role("row").filter(has_text="webhook.test")
            await expect(test).to_contain_text("pending")
            await drain()
            await page.reload()
            await expect(test).to_contain_text("delivered")
            await expect(test.locator(".attempts li")).to_contain_text("200")
            approved = page.get_by_role("row").filter(has_text="transaction.approved")
            await expect(approved).to_contain_text("delivered")
            await expect(page.get_by_text("store-key-98765")).to_have_count(0)  # the header's value: never
            await _shot(page, "webhook-endpoint-laptop")
        kinds = [r.json["eventType"] for r in receiver.wait_for(2)]
        assert kinds == ["transaction.approved", "webhook.test"], kinds
        assert receiver.requests[1].json["endpointId"] == endpoint["id"]


async def test_the_webhook_pages_fit_a_phone_and_pass_axe(live_server):
    with webhook_receiver() as receiver:
        receiver.script = [(503, {})]  # a failed attempt with an answer's body in the log
        tenant, endpoint, username = await _store_with_an_endpoint(live_server, receiver.url)
        await drain()
    pages = (
        ("/dashboard/webhooks", "webhooks"),
        (f"/dashboard/webhooks/{tenant.client_slug}/{endpoint['id']}", "webhook-endpoint"),
    )
    async with browser_page(**PHONE) as page:
        await sign_in_browser(page, live_server, tenant, username, STORE_PASSWORD)
        for path, name in pages:
            await page.goto(f"{live_server}{path}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (name, width)  # nothing wider than the phone
            await _shot(page, f"{name}-phone")
    async with browser_page(**LAPTOP, bypass_csp=True) as page:
        await sign_in_browser(page, live_server, tenant, username, STORE_PASSWORD)
        found = {}
        for path, name in pages:
            await page.goto(f"{live_server}{path}")
            found[name] = await _serious_violations(page)
    assert found == {name: [] for _, name in pages}, found
