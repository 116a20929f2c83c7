"""The review of merchant leads in the system Chromium (issue 17): a reviewer opens a lead in review, sees its
identity document inline, refuses another of its documents with a reason, and approves a second lead; the queue
and the lead are looked at on a laptop and a phone, and axe finds nothing serious on them."""

from __future__ import annotations

import contextlib
import struct
import zlib
from typing import Any

import httpx
import pytest
from playwright.async_api import Dialog, Page, expect
from playwright.async_api import Error as PlaywrightError

from tests.browser import browser_page
from tests.dashboard.test_dashboard_browser import LAPTOP, PHONE, _serious_violations, _shot
from tests.factories import (
    OPERATOR_PASSWORD,
    REQUIRED_DOCUMENTS,
    Tenant,
    bearer,
    create_tenant,
    lead_fields,
    submitted_lead,
    upload_document,
)

pytestmark = pytest.mark.browser


def _png(width: int, height: int) -> bytes:
    """A real PNG (the factory's is a bare signature): an identity card's blue band over a grey body."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + (b"\x1f\x4e\xd8" if y < height // 4 else b"\xd9\xdd\xe3") * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


async def _with_photo_id(http: httpx.AsyncClient, app: dict[str, str]) -> dict[str, Any]:
    """A lead in review whose ID_FRONT is a photo (PNG); its other documents are PDFs."""
    created = await http.post("/rest/leads", json=lead_fields(businessName="Panadería Sol"), headers=app)
    lead_id = created.json()["data"]["id"]
    for kind in REQUIRED_DOCUMENTS:
        photo = kind == "ID_FRONT"
        uploaded = await upload_document(http, app, lead_id, kind, *([_png(320, 200)] if photo else []))
        assert uploaded.status_code == 201, uploaded.text
    submitted = await http.post(f"/rest/leads/{lead_id}/submit", headers=app)
    assert submitted.status_code == 200, submitted.text
    return submitted.json()["data"]  # type: ignore[no-any-return]


async def _confirm(dialog: Dialog) -> None:
    """Yes to every confirmation. Always listening: with PDFs framed (the viewer runs in frames of its own),
    Chromium may report one dialog twice, and a report nobody listens to is dismissed by Playwright."""
    with contextlib.suppress(PlaywrightError):  # the second report: the dialog is answered already
        await dialog.accept()


async def _signed_in(page: Page, live_server: str, tenant: Tenant, path: str) -> None:
    await page.goto(f"{live_server}/dashboard/login?account={tenant.partner_id}&next={path}")
    await page.get_by_label("Username").fill(tenant.operator_username)
    await page.get_by_label("Password").fill(OPERATOR_PASSWORD)
    await page.get_by_role("button", name="Sign in").click()


async def test_a_reviewer_sees_a_document_inline_refuses_one_and_approves_another_lead(live_server):
    tenant = await create_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        app = bearer(await tenant.app_token(http))
        first = await _with_photo_id(http, app)
        second = await submitted_lead(http, app, businessName="Ferretería Norte")

    async with browser_page(**LAPTOP) as page:
        page.on("dialog", _confirm)
        await _signed_in(page, live_server, tenant, "/dashboard/leads")
        await expect(page.get_by_role("heading", name="Leads")).to_be_visible()
        await _shot(page, "leads-laptop")
        await page.get_by_role("link", name="Panadería Sol").click()

        photo = page.get_by_role("img", name="Id front of Panadería Sol")
        await expect(photo).to_be_visible()
        loaded = "image => image.decode().then(() => image.naturalWidth)"  # rejects a broken image
        assert await photo.evaluate(loaded) == 320
        await expect(page.locator("iframe")).to_have_count(3)  # the PDFs, framed
        await _shot(page, "lead-laptop")
        await page.get_by_label("Reason to refuse the bank proof").fill("The statement is older than 3 months")
        await page.wait_for_load_state("networkidle")  # a PDF viewer still loading in view would close the dialog
        await page.get_by_role("button", name="Refuse the bank proof").click()
        await expect(page.get_by_role("status")).to_contain_text("Lead rejected: it is now documents pending.")
        await expect(page.get_by_text("Refused: The statement is older than 3 months")).to_be_visible()

        await page.goto(f"{live_server}/dashboard/leads/{second['id']}")
        await page.wait_for_load_state("networkidle")  # its PDFs load in frames too: the same dialog hazard
        await page.get_by_role("button", name="Approve the lead").click()
        await expect(page.get_by_role("status")).to_contain_text("it is now approved")
        await page.goto(f"{live_server}/dashboard/leads")
        await expect(page.get_by_text("No lead is awaiting review.")).to_be_visible()

    async with browser_page(**PHONE) as page:
        await _signed_in(page, live_server, tenant, f"/dashboard/leads/{first['id']}")
        await expect(page.get_by_role("img", name="Id front of Panadería Sol")).to_be_visible()
        for path, name in (("/dashboard/leads?status=ALL", "leads"), (f"/dashboard/leads/{first['id']}", "lead")):
            await page.goto(f"{live_server}{path}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (name, width)  # nothing wider than the phone
            await _shot(page, f"{name}-phone")


async def test_the_lead_pages_have_no_serious_accessibility_violation(live_server):
    tenant = await create_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        lead = await _with_photo_id(http, bearer(await tenant.app_token(http)))
    async with browser_page(**LAPTOP, bypass_csp=True) as page:  # only to inject axe, as the main pages' check
        await _signed_in(page, live_server, tenant, "/dashboard/leads")
        found = {"leads": await _serious_violations(page)}
        await page.goto(f"{live_server}/dashboard/leads/{lead['id']}")
        found["lead"] = await _serious_violations(page)
    assert found == {"leads": [], "lead": []}, found
