"""The cardholder pages and the audit log in the system Chromium (issue 17): an operator finds a cardholder by
its card's last four, blocks the card with a reason after confirming, sees it blocked and finds the block in the
audit log; each page looked at on a laptop and on a phone (screenshots in artifacts/)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Dialog, expect

from tests.browser import browser_page
from tests.dashboard.signing_in import sign_in_browser
from tests.dashboard.test_cardholders import _holder_with_card
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _shot
from tests.factories import create_tenant

pytestmark = pytest.mark.browser


async def test_an_operator_finds_a_cardholder_by_last4_and_blocks_its_card_with_a_reason(live_server):
    tenant = await create_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        holder, _, number = await _holder_with_card(http, tenant)

    async with browser_page(**LAPTOP) as page:
        await sign_in_browser(page, live_server, tenant)
        await page.get_by_role("link", name="Cardholders").click()
        await page.get_by_label("Search", exact=True).fill(number[-4:])
        await page.get_by_role("button", name="Filter").click()
        row = page.get_by_role("row").filter(has_text="Lucía Morales")
        await expect(row).to_have_count(1)
        await _shot(page, "cardholders-laptop")
        await row.get_by_role("link", name="Lucía Morales").click()

        await expect(page.get_by_role("heading", name="Lucía Morales")).to_be_visible()
        card = page.locator(".card")
        await expect(card.locator(".pan")).to_have_text(f"{number[:6]}******{number[-4:]}")
        assert number not in await page.content()
        await card.get_by_label("Why block card?").fill("Reported lost by phone")
        asked: list[str] = []

        async def confirm(dialog: Dialog) -> None:
            asked.append(dialog.message)
            await dialog.accept()

        page.once("dialog", confirm)
        await card.get_by_role("button", name="Block card").click()
        await expect(page.get_by_role("status")).to_have_text("Card blocked.")
        assert asked and f"ending {number[-4:]}" in asked[0]
        await expect(card.locator("h3 .status")).to_have_text("BLOCKED")
        await expect(card.get_by_role("button", name="Unblock card")).to_be_visible()
        await _shot(page, "cardholder-laptop")

        await page.get_by_role("link", name="Audit log").click()
        block = page.get_by_role("row").filter(has_text="blockPartnerCard")
        await expect(block).to_have_count(1)
        await expect(block.locator("ins")).to_have_text("BLOCKED")
        await _shot(page, "audit-laptop")

    async with browser_page(**PHONE) as page:
        await sign_in_browser(page, live_server, tenant)
        for path, name in (
            ("/dashboard/cardholders", "cardholders"),
            (f"/dashboard/cardholders/{holder['userId']}", "cardholder"),
            ("/dashboard/audit", "audit"),
        ):
            await page.goto(f"{live_server}{path}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (name, width)  # nothing wider than the phone
            await _shot(page, f"{name}-phone")
