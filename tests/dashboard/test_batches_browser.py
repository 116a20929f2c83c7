"""A batch upload in the system Chromium (issue 17): an operator uploads a CSV of a few hundred cardholders from
the batches page, watches the progress bar move while the worker registers them, and downloads the results;
the pages are looked at on a laptop and on a phone (screenshots in artifacts/)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from playwright.async_api import Page, expect

from migo.backoffice import cardholder_batches
from migo.platform import batches
from tests.backoffice.test_cardholder_batches import _line
from tests.browser import browser_page
from tests.dashboard.test_batches import _file
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _shot
from tests.factories import OPERATOR_PASSWORD, Tenant, create_tenant

pytestmark = pytest.mark.browser

LINES = 300  # three chunks of the worker


async def _signed_in(page: Page, live_server: str, tenant: Tenant) -> None:
    await page.goto(f"{live_server}/dashboard/login?account={tenant.partner_id}&next=/dashboard/batches")
    await page.get_by_label("Username").fill(tenant.operator_username)
    await page.get_by_label("Password").fill(OPERATOR_PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", name="Batches")).to_be_visible()


async def _work(batch_id: uuid.UUID, tenant: Tenant) -> None:
    """The worker's job (the live server runs no worker), slowed between chunks so a person could watch."""

    async def between_chunks(processed: int, total: int) -> None:
        await asyncio.sleep(2.5)

    registrar = cardholder_batches.registrar(batch_id, tenant.company_id)
    assert await batches.run(batch_id, registrar, on_progress=between_chunks) == "done"


async def test_an_uploaded_batch_shows_its_progress_moving_to_done(live_server):
    tenant = await create_tenant()
    lines = [_line(n) for n in range(LINES)]
    lines[7] = "Bad,Email,not-an-email,,DPI,999,1990-01-01,ext-bad"
    async with browser_page(**LAPTOP) as page:
        await _signed_in(page, live_server, tenant)
        await expect(page.get_by_text("No batches yet.")).to_be_visible()
        await _shot(page, "batches-empty-laptop")

        refused = {"name": "wrong.csv", "mimeType": "text/csv", "buffer": b"name,email\nAna,a@example.test\n"}
        await page.locator("#cardholders-file").set_input_files(refused)
        await page.get_by_role("button", name="Upload").first.click()
        await expect(page.get_by_role("alert")).to_contain_text("The file was refused: The header must be")
        await _shot(page, "batches-refused-laptop")

        upload = {"name": "cardholders.csv", "mimeType": "text/csv", "buffer": _file(lines)}
        await page.locator("#cardholders-file").set_input_files(upload)
        await page.get_by_role("button", name="Upload").first.click()
        await expect(page.get_by_role("heading", name="Cardholder batch")).to_be_visible()
        bar = page.locator("#batch-progress progress")
        await expect(bar).to_have_attribute("value", "0")
        await expect(bar).to_have_attribute("max", str(LINES))

        worker = asyncio.create_task(_work(uuid.UUID(page.url.rsplit("/", 1)[1]), tenant))
        seen: set[str | None] = set()
        while not worker.done():  # the page's own polling brings each chunk's count
            value = await bar.get_attribute("value")
            if value in ("100", "200") and not seen & {"100", "200"}:
                await _shot(page, "batch-running-laptop")
            seen.add(value)
            await asyncio.sleep(0.3)
        await worker
        assert seen & {"100", "200"}, seen  # the bar moved through the chunks, not straight to the end

        await expect(page.locator("#batch-progress")).to_have_attribute("data-status", "done", timeout=5000)
        await expect(bar).to_have_attribute("value", str(LINES))
        await expect(page.locator("#batch-failed")).to_have_text("1")
        error_row = page.locator(".line-errors tbody tr")
        await expect(error_row).to_have_count(1)
        await expect(error_row.locator("td").first).to_have_text("9")  # the bad email's line (the header is 1)
        await _shot(page, "batch-laptop")
        async with page.expect_download() as download_info:
            await page.get_by_role("link", name="Download the results CSV").click()
        results = (await (await download_info.value).path()).read_text()
        assert len(results.splitlines()) == LINES + 1 and ",error,,7910," in results

        await page.get_by_role("link", name="← Batches").click()
        await expect(page.get_by_role("cell", name=f"{LINES} / {LINES}")).to_be_visible()
        await _shot(page, "batches-laptop")

    async with browser_page(**PHONE) as page:
        await _signed_in(page, live_server, tenant)
        batch_path = await page.get_by_role("link", name="Cardholder batch").get_attribute("href")
        for path, name in (("/dashboard/batches", "batches"), (batch_path, "batch")):
            await page.goto(f"{live_server}{path}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (name, width)  # nothing wider than the phone
            await _shot(page, f"{name}-phone")
