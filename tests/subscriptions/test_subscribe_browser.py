"""The subscribe variant of the hosted checkout in the system Chromium: a link that sells a plan, a card whose
charge is declined, then a 3-D Secure card that subscribes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser import browser_page
from tests.factories import merchant

from .helpers import CHARGES_DECLINED, billing_tenant, create_plan

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}
THREE_DS_APPROVES = "4000000000003220"

pytestmark = pytest.mark.browser


async def fill_card(page: Page, number: str) -> None:
    await page.get_by_label("Card number").fill(number)
    await page.get_by_label("Name on card").fill("Ana Pérez")
    await page.get_by_label("Expiry").fill("12/34")
    await page.get_by_label("CVV").fill("123")


async def test_a_customer_subscribes_on_a_phone_after_a_declined_card(live_server):
    tenant = await billing_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        plan = await create_plan(http, tenant, name="Gym monthly", amount=100)
        created = await http.post(
            "/transactions",
            json={
                "amount": 100,
                "userId": "50224865444",
                "channel": "wa",
                "client": tenant.client_slug,
                "subscriptionData": {"planId": plan["id"]},
            },
            headers=merchant(tenant),
        )
        assert created.status_code == 200, created.text
        link = created.json()
    ARTIFACTS.mkdir(exist_ok=True)
    async with browser_page(**PHONE) as page:
        await page.goto(link["URL"].replace("http://127.0.0.1:8000", live_server))
        await expect(page.get_by_role("heading", name="Tienda Ana")).to_be_visible()
        await expect(page.get_by_text("GTQ 100 / month")).to_be_visible()
        await expect(page.get_by_text("First charge today: GTQ 100.")).to_be_visible()
        await page.screenshot(path=str(ARTIFACTS / "subscribe-phone.png"), full_page=True)

        await fill_card(page, CHARGES_DECLINED)  # verifies, then its first charge is declined
        await page.get_by_role("button", name="Subscribe").click()
        await expect(page.get_by_role("alert")).to_contain_text("Try another card")

        await fill_card(page, THREE_DS_APPROVES)
        await page.get_by_role("button", name="Subscribe").click()
        await expect(page.get_by_role("heading", name="Verify it's you")).to_be_visible()
        await page.get_by_label("Verification code").fill("123456")
        await page.get_by_role("button", name="Verify").click()
        await expect(page.get_by_role("heading", name="You are subscribed")).to_be_visible()
        await expect(page.get_by_text("Visa ending in 3220")).to_be_visible()
        await page.screenshot(path=str(ARTIFACTS / "subscribe-done-phone.png"), full_page=True)

        await page.reload()  # the link is spent: the result again, no form
        await expect(page.get_by_role("heading", name="You are subscribed")).to_be_visible()
        await expect(page.get_by_role("button", name="Subscribe")).to_have_count(0)

    async with httpx.AsyncClient(base_url=live_server) as http:
        listed = (await http.get("/v1/subscriptions", headers=merchant(tenant))).json()
        shown = (await http.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    (subscription,) = listed["items"]
    assert subscription["status"] == "active" and subscription["card"]["last4"] == "3220"
    assert subscription["metadata"]["linkUid"] == link["uid"]
    assert shown["status"] == "subscribed"
    assert shown["additionalData"]["subscriptionInfo"]["subscriptionId"] == subscription["id"]
