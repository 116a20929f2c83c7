"""Who sees what, in the system Chromium (issue 17): an operator scoped to one partner cannot open another
partner's payment or cardholder by typing its URL (404), a merchant's dashboard user sees its own client's
payments and nothing else of its partner's, and a POST without the session's CSRF token is refused and changes
nothing (screenshots in artifacts/)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser import browser_page
from tests.dashboard.signing_in import STORE_PASSWORD, merchant_user, sign_in_browser
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _shot
from tests.dashboard.test_payments import _card_load, _paid
from tests.factories import (
    configure_payment_client,
    create_tenant,
    merchant,
)

pytestmark = pytest.mark.browser


async def test_a_partners_operator_cannot_open_another_partners_pages_by_url(live_server):
    tenant, other = await create_tenant(), await create_tenant()
    await configure_payment_client(tenant)
    await configure_payment_client(other)
    async with httpx.AsyncClient(base_url=live_server) as http:
        theirs = await _paid(http, other, amount=310)
    async with browser_page(**LAPTOP) as page:
        await sign_in_browser(page, live_server, tenant)
        for path in (f"/dashboard/payments/{theirs['uid']}", f"/dashboard/cardholders/{other.user_id}"):
            answered = await page.goto(f"{live_server}{path}")
            assert answered is not None and answered.status == 404, path
            await expect(page.get_by_role("heading", name="Not found")).to_be_visible()
            await expect(page.get_by_text("GTQ 310.00")).to_have_count(0)
        await _shot(page, "not-found-laptop")
        await page.goto(f"{live_server}/dashboard/payments")
        await expect(page.get_by_text(theirs["uid"])).to_have_count(0)


async def test_a_merchants_user_sees_only_its_client(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        mine = await _paid(http, tenant, amount=95)
        await _card_load(http, tenant)  # the partner's prepaid cards: not the client's
        username = await merchant_user(http, tenant, ["transactions.read", "payments.refund"])
    async with browser_page(**PHONE) as page:
        await sign_in_browser(page, live_server, tenant, username, STORE_PASSWORD)
        await page.goto(f"{live_server}/dashboard/payments")
        rows = page.get_by_role("row").filter(has_text="GTQ")
        await expect(rows).to_have_count(1)
        await expect(rows).to_contain_text(mine["uid"])
        await expect(page.get_by_role("row").filter(has_text="card transaction")).to_have_count(0)
        await _shot(page, "merchant-payments-phone")
        for path in ("/dashboard/cardholders", "/dashboard/operators", "/dashboard/audit"):  # the partner's
            answered = await page.goto(f"{live_server}{path}")
            assert answered is not None and answered.status == 403, path


async def test_a_post_without_the_sessions_csrf_token_is_refused_and_changes_nothing(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        link = await _paid(http, tenant, amount=60)
    async with browser_page(**LAPTOP) as page:
        await sign_in_browser(page, live_server, tenant)
        await page.goto(f"{live_server}/dashboard/payments/{link['uid']}")
        # The page's own refund form, its CSRF field emptied: the cookie alone does not make a request genuine.
        await page.locator("form:has(button:text-is('Refund')) input[name=csrf]").evaluate("field => field.value = ''")
        await page.get_by_label("Amount").fill("10")
        await page.get_by_label("Reason").fill("Forged")
        page.once("dialog", lambda dialog: dialog.accept())
        async with page.expect_response(lambda r: r.url.endswith("/refund")) as refused:
            await page.get_by_role("button", name="Refund").click()
        assert (await refused.value).status == 403
        await expect(page.get_by_text("did not come from this dashboard")).to_be_visible()
        await _shot(page, "csrf-refused-laptop")
        # A script of the page posting without the token: refused as well.
        status = await page.evaluate(
            """async (uid) => (await fetch(`/dashboard/payments/${uid}/refund`, {method: 'POST',
                 headers: {'content-type': 'application/x-www-form-urlencoded'},
                 body: 'amount=10&reason=Forged&idempotency_key=forged-key-1'})).status""",
            link["uid"],
        )
        assert status == 403
    async with httpx.AsyncClient(base_url=live_server) as http:
        shown = (await http.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert (shown["status"], shown["refundedAmount"]) == ("approved", 0)
