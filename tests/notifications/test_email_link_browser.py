"""A Payment Link sent by email, end to end (issue 18): the merchant makes an `email` link on a live server, the
worker's sender hands it to a local SMTP server, and the customer opens the URL in the mail in the system
Chromium and pays; the merchant then sees the mail sent and the link approved."""

from __future__ import annotations

import re
from email import message_from_bytes, policy

import httpx
import pytest
from playwright.async_api import expect
from sqlalchemy import select

from migo.notifications.tasks import send_notification
from migo.payments.models import PaymentTransaction
from migo.platform.db import database
from tests.browser import browser_page
from tests.factories import configure_payment_client, create_link, create_tenant, merchant
from tests.notifications.test_senders import smtp  # noqa: F401  (the local SMTP server, a fixture)
from tests.payments.test_checkout_browser import APPROVES, expect_approved, pay

pytestmark = pytest.mark.browser


async def test_a_link_sent_by_email_is_paid_from_the_mails_url(live_server, smtp):  # noqa: F811
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        link = await create_link(http, tenant, amount=275, channel="email", userId="ana@example.com")
        async with database.transaction() as session:
            notification_id = await session.scalar(
                select(PaymentTransaction.notification_id).where(PaymentTransaction.uid == link["uid"])
            )
        await send_notification(notification_id=str(notification_id))  # the worker's job, run here

        [(_, recipients, raw)] = smtp.messages
        text = message_from_bytes(raw, policy=policy.default).get_content()  # decoded as a mail reader does
        assert recipients == ["ana@example.com"]
        found = re.search(r"https?://\S+", text)
        assert found is not None, text
        url = found.group(0)
        assert url == link["URL"] and url.startswith(live_server)

        async with browser_page(viewport={"width": 390, "height": 844}, is_mobile=True) as page:
            await page.goto(url)
            await expect(page.get_by_text("275")).not_to_have_count(0)
            await pay(page, APPROVES)
            await expect_approved(page, link["reference"])

        shown = (await http.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert shown["status"] == "approved"
    assert (shown["notification"]["channel"], shown["notification"]["status"]) == ("email", "sent")
