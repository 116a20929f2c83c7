"""The dashboard in the system Chromium (issue 17): an operator signs in, finds a payment by its reference from
the header's search, refunds part of it after confirming, and sees the refund and the webhook delivery it caused;
every page is looked at on a laptop and on a phone (screenshots in artifacts/)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser import browser_page
from tests.factories import (
    OPERATOR_PASSWORD,
    configure_payment_client,
    create_link,
    create_tenant,
    merchant,
    sandbox_pay,
)
from tests.receiver import webhook_receiver
from tests.webhooks.test_delivery import drain

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LAPTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}

pytestmark = pytest.mark.browser


async def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}.png"), full_page=True)


async def test_an_operator_finds_a_payment_and_refunds_part_of_it(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    reference = f"ORDER-{secrets.token_hex(3).upper()}"
    with webhook_receiver() as receiver:
        async with httpx.AsyncClient(base_url=live_server) as http:
            endpoint = {"url": receiver.url, "eventTypes": ["transaction.refunded"]}
            assert (
                await http.post("/v1/webhook-endpoints", json=endpoint, headers=merchant(tenant))
            ).status_code == 201
            link = await create_link(http, tenant, amount=120, externalId=reference)
            assert (await sandbox_pay(http, tenant, link["uid"])).json()["outcome"] == "approved"
        await _find_and_refund(live_server, tenant, reference, link["uid"])
        assert [r.json["eventType"] for r in receiver.wait_for(1)] == ["transaction.refunded"]

    async with httpx.AsyncClient(base_url=live_server) as http:
        shown = await http.get(f"/transactions/{link['uid']}", headers=merchant(tenant))
    assert shown.json()["refundedAmount"] == 40, shown.text  # the merchant sees it: whole units, as links are


async def _find_and_refund(live_server: str, tenant: Any, reference: str, uid: str) -> None:
    async with browser_page(**LAPTOP) as page:
        await page.goto(f"{live_server}/dashboard/payments")  # not signed in: the sign-in page, then back
        await expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
        await page.get_by_label("Account").fill(str(tenant.partner_id))
        await page.get_by_label("Username").fill(tenant.operator_username)
        await page.get_by_label("Password").fill(OPERATOR_PASSWORD)
        await _shot(page, "login-laptop")
        await page.get_by_role("button", name="Sign in").click()
        await expect(page.get_by_role("heading", name="Payments")).to_be_visible()

        await page.goto(f"{live_server}/dashboard/")
        await expect(page.get_by_text("GTQ 120.00").first).to_be_visible()
        await expect(page.locator("svg.chart")).to_be_visible()
        await _shot(page, "home-laptop")

        await page.get_by_role("searchbox", name="Search payments").fill(reference)
        await page.keyboard.press("Enter")
        row = page.get_by_role("row").filter(has_text=reference)
        await expect(row).to_have_count(1)
        created = row.locator("time")
        assert "UTC" in (await created.get_attribute("title") or "")  # the viewer's time zone, UTC on hover
        await _shot(page, "payments-laptop")
        await row.get_by_role("link", name=uid).click()

        await expect(page.get_by_role("heading", name="GTQ 120.00")).to_be_visible()
        await page.get_by_label("Amount").fill("40")
        await page.get_by_label("Reason").fill("Customer returned one item")
        page.once("dialog", lambda dialog: dialog.accept())
        await page.get_by_role("button", name="Refund").click()
        await expect(page.get_by_role("status")).to_contain_text("made.")
        await expect(page.locator("#refunded-amount")).to_have_text("GTQ 40.00")
        # The refund's webhook, delivered by the dispatcher (a worker's lane, run here): the page shows it.
        await drain()
        await page.reload()
        delivered = page.get_by_role("row").filter(has_text="transaction.refunded").filter(has_text="delivered")
        await expect(delivered).to_have_count(1)
        await expect(delivered).to_contain_text("1 attempt, last answer 200")
        await _shot(page, "payment-laptop")


async def test_the_pages_fit_a_phone(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        link = await create_link(http, tenant, amount=75)
        await sandbox_pay(http, tenant, link["uid"])
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/dashboard/login?account={tenant.partner_id}")
        await expect(page.get_by_label("Account")).to_have_value(str(tenant.partner_id))
        await page.get_by_label("Username").fill(tenant.operator_username)
        await page.get_by_label("Password").fill(OPERATOR_PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        # The pages sit behind the Menu button on a phone: the header stays one line.
        payments_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Payments")
        await expect(payments_link).to_be_hidden()
        await page.get_by_role("button", name="Menu").click()
        await expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")
        await _shot(page, "menu-phone")
        await payments_link.click()
        await expect(page.get_by_role("heading", name="Payments")).to_be_visible()
        for path, name in (
            ("/dashboard/", "home"),
            ("/dashboard/payments", "payments"),
            (f"/dashboard/payments/{link['uid']}", "payment"),
        ):
            await page.goto(f"{live_server}{path}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (name, width)  # nothing wider than the phone
            await _shot(page, f"{name}-phone")


AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe-core" / "axe.min.js"


async def test_the_main_pages_have_no_serious_accessibility_violation(live_server):
    """axe-core (vendored) on the sign-in page, the home, the payments and a payment: nothing serious or
    critical. The page's CSP forbids injected scripts, so this context alone bypasses it to run axe."""
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        link = await create_link(http, tenant, amount=75)
        await sandbox_pay(http, tenant, link["uid"])
    async with browser_page(**LAPTOP, bypass_csp=True) as page:
        await page.goto(f"{live_server}/dashboard/login?account={tenant.partner_id}")
        found = {"login": await _serious_violations(page)}
        await page.get_by_label("Username").fill(tenant.operator_username)
        await page.get_by_label("Password").fill(OPERATOR_PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        for path, name in (
            ("/dashboard/", "home"),
            ("/dashboard/payments", "payments"),
            (f"/dashboard/payments/{link['uid']}", "payment"),
        ):
            await page.goto(f"{live_server}{path}")
            found[name] = await _serious_violations(page)
    assert found == {name: [] for name in found}, found


async def _serious_violations(page: Page) -> list[str]:
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


async def test_an_operator_makes_a_link_and_copies_its_url(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with browser_page(**LAPTOP, permissions=["clipboard-read", "clipboard-write"]) as page:
        await page.goto(f"{live_server}/dashboard/login?account={tenant.partner_id}")
        await page.get_by_label("Username").fill(tenant.operator_username)
        await page.get_by_label("Password").fill(OPERATOR_PASSWORD)
        await page.get_by_role("button", name="Sign in").click()
        await page.get_by_role("link", name="New link").click()
        await page.get_by_label("Amount").fill("180")
        await page.get_by_label("Channel").select_option("wa")
        await page.get_by_label("Customer").fill("+50224865444")
        await page.get_by_role("button", name="Make the link").click()
        await expect(page.get_by_role("status")).to_contain_text("Migo sends it to +50224865444")
        await expect(page.get_by_role("img", name="QR code of the link to pay")).to_be_visible()
        url = await page.get_by_label("URL").input_value()
        assert url.startswith(f"{live_server}/?orderId=")
        await page.get_by_role("button", name="Copy the URL").click()
        await expect(page.get_by_role("button", name="Copied")).to_be_visible()
        assert await page.evaluate("navigator.clipboard.readText()") == url
        await _shot(page, "link-laptop")
