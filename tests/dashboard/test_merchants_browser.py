"""The partner's businesses and settlements in the system Chromium (issue 17): from a business to its
settlements, one settlement's lines and its PDF report; each page looked at on a laptop and a phone, and axe
finds nothing serious on them."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser import browser_page
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _serious_violations, _shot
from tests.dashboard.test_leads_browser import _signed_in
from tests.dashboard.test_merchants import _settled_shop

pytestmark = pytest.mark.browser


async def test_an_operator_goes_from_a_business_to_its_settlement_and_report(live_server):
    async with httpx.AsyncClient(base_url=live_server) as http:
        tenant, _, business, settlement = await _settled_shop(http)
    pages = {
        "businesses": "/dashboard/businesses",
        "business": f"/dashboard/businesses/{business['id']}",
        "settlements": "/dashboard/settlements",
        "settlement": f"/dashboard/settlements/{settlement['id']}",
    }
    async with browser_page(**LAPTOP) as page:
        await _signed_in(page, live_server, tenant, pages["businesses"])
        await _shot(page, "businesses-laptop")
        await page.get_by_role("link", name=business["name"]).click()
        await expect(page.get_by_role("heading", name="Zona 10")).to_be_visible()
        await expect(page.get_by_role("row").filter(has_text="PAX-0001")).to_have_count(1)
        await _shot(page, "business-laptop")
        await page.get_by_role("link", name="See its settlements").click()
        await expect(page.get_by_role("heading", name=f"Settlements of {business['name']}")).to_be_visible()
        await _shot(page, "settlements-laptop")
        await page.get_by_role("link", name=settlement["cutoffDate"]).click()
        await expect(page.get_by_role("row").filter(has_text="terminal payment")).to_have_count(2)
        await _shot(page, "settlement-laptop")
        async with page.expect_download() as download:
            await page.get_by_role("link", name="PDF").click()
        assert (await download.value).suggested_filename == f"settlement-{settlement['id']}.pdf"

    async with browser_page(**PHONE) as page:
        await _signed_in(page, live_server, tenant, pages["businesses"])
        await expect(page.get_by_role("heading", name="Businesses")).to_be_visible()
        for name, path in pages.items():
            await page.goto(f"{live_server}{path}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (name, width)  # nothing wider than the phone
            await _shot(page, f"{name}-phone")

    async with browser_page(**LAPTOP, bypass_csp=True) as page:  # only to inject axe
        await _signed_in(page, live_server, tenant, pages["businesses"])
        found = {}
        for name, path in pages.items():
            await page.goto(f"{live_server}{path}")
            found[name] = await _serious_violations(page)
    assert found == {name: [] for name in pages}, found
