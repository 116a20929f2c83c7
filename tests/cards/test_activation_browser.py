"""The activation webview in a real browser, on a phone-sized screen, without JavaScript."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.browser import browser_page
from tests.factories import create_cardholder, create_tenant, provision_cards

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.mark.browser
async def test_a_cardholder_activates_a_card_on_a_phone(live_server):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=1, name="MARIA LOPEZ")
    async with httpx.AsyncClient(base_url=live_server) as http:
        holder = await create_cardholder(http, tenant, firstName="María", lastName="López")
    ARTIFACTS.mkdir(exist_ok=True)
    async with browser_page(viewport={"width": 390, "height": 844}, java_script_enabled=False, is_mobile=True) as page:
        await page.goto(f"{live_server}/card-activation?client=migoDeveloper&userId={holder['userId']}")
        await page.get_by_label("Card number").fill(cards.numbers[0][:8] + "0000" + cards.numbers[0][12:])
        await page.get_by_label("Name on card").fill("María López")
        await page.get_by_role("button", name="Activate card").click()
        alert = page.get_by_role("alert")
        await alert.wait_for()
        assert "No card waiting for activation" in await alert.inner_text() or "not valid" in await alert.inner_text()
        assert await page.get_by_label("Name on card").input_value() == "María López"  # kept for the retry
        assert await page.get_by_label("Card number").input_value() == ""  # the number is never echoed

        await page.get_by_label("Card number").fill(" ".join(cards.numbers[0][i : i + 4] for i in range(0, 16, 4)))
        await page.get_by_role("button", name="Activate card").click()
        await page.get_by_text(f"ending in {cards.numbers[0][-4:]}").wait_for()
        await page.screenshot(path=str(ARTIFACTS / "card-activation-phone.png"), full_page=True)
