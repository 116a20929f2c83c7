"""The dashboard's subscriptions in the system Chromium (issue 17): a merchant's user opens a subscription, sees
its renewals, cancels it after confirming and sees it cancelled; the pages fit a phone (screenshots in
artifacts/) and axe-core finds no serious accessibility violation on them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.browser import browser_page
from tests.dashboard.signing_in import STORE_PASSWORD, merchant_user, sign_in_browser
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _serious_violations, _shot
from tests.subscriptions.helpers import APPROVE, CHARGES_DECLINED, advance, billing_tenant, create_plan, subscribe

pytestmark = pytest.mark.browser


async def _store_with_subscriptions(live_server: str) -> tuple[Any, dict, str]:
    """A tenant with a renewed subscription and a past-due one, and its merchant's user; the renewed one."""
    tenant = await billing_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        gym = await create_plan(http, tenant, name="Gym", amount=150, interval="week")
        renewed = await subscribe(http, tenant, gym, card=APPROVE, user_id="50255550001")
        await advance(http, tenant, renewed["id"], 7)  # one renewal, approved
        yoga = await create_plan(http, tenant, name="Yoga", trialDays=14, graceDays=7, retryDays=[1, 3, 5])
        failing = await subscribe(http, tenant, yoga, card=CHARGES_DECLINED, user_id="50255550002")
        await advance(http, tenant, failing["id"], 14)  # its first renewal declined: past due
        username = await merchant_user(http, tenant, ["subscriptions.read", "subscriptions.manage"])
    return tenant, renewed, username


async def test_a_merchants_user_sees_the_renewals_and_cancels_a_subscription(live_server):
    tenant, _, username = await _store_with_subscriptions(live_server)
    async with browser_page(**LAPTOP) as page:
        await sign_in_browser(page, live_server, tenant, username, STORE_PASSWORD)
        await page.get_by_role("link", name="Subscriptions").click()
        await expect(page.get_by_role("heading", name="Subscriptions")).to_be_visible()
        await expect(page.get_by_role("row").filter(has_text="50255550002")).to_contain_text("past due")
        await _shot(page, "subscriptions-laptop")
        await page.get_by_role("link", name="50255550001").click()

        await expect(page.locator("h1 .status")).to_have_text("active")
        charges = page.locator("table.charges tbody tr")
        await expect(charges).to_have_count(2)
        await expect(charges.nth(0)).to_contain_text("renewal · period 2")
        await expect(charges.nth(0)).to_contain_text("approved")
        await expect(charges.nth(1)).to_contain_text("first · period 1")
        await expect(page.get_by_text("4242424242424242")).to_have_count(0)  # the card: its last four only
        await _shot(page, "subscription-laptop")

        page.once("dialog", lambda dialog: dialog.accept())
        await page.get_by_role("button", name="Cancel now").click()
        await expect(page.get_by_role("status")).to_contain_text("Subscription cancelled")
        await expect(page.locator("h1 .status")).to_have_text("inactive")
        await expect(page.get_by_role("button", name="Cancel now")).to_have_count(0)


async def test_the_subscription_pages_fit_a_phone_and_pass_axe(live_server):
    tenant, renewed, username = await _store_with_subscriptions(live_server)
    pages = (
        ("/dashboard/subscriptions", "subscriptions"),
        (f"/dashboard/subscriptions/{tenant.client_slug}/{renewed['id']}", "subscription"),
        ("/dashboard/plans", "plans"),
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
            if name == "plans":
                await _shot(page, "plans-laptop")
    assert found == {name: [] for _, name in pages}, found
