"""The subscribe variant of the hosted checkout in the system Chromium: a link that sells a plan, a card whose
charge is declined, then a 3-D Secure card that subscribes; in English, and in Spanish for a Spanish browser."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from babel.dates import format_date
from babel.numbers import format_currency
from playwright.async_api import Page, expect

from tests.browser import browser_page
from tests.factories import Tenant, merchant

from .helpers import CHARGES_DECLINED, billing_tenant, create_plan

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}
THREE_DS_APPROVES = "4000000000003220"

pytestmark = pytest.mark.browser


ENGLISH_LABELS = ("Card number", "Name on card", "Expiry", "CVV")
SPANISH_LABELS = ("Número de tarjeta", "Nombre en la tarjeta", "Vencimiento", "CVV")


async def fill_card(page: Page, number: str, labels: tuple[str, str, str, str] = ENGLISH_LABELS) -> None:
    for label, value in zip(labels, (number, "Ana Pérez", "12/34", "123"), strict=True):
        await page.get_by_label(label).fill(value)


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
        await expect(page.locator("html")).to_have_attribute("lang", "en")
        await expect(page.get_by_text("GTQ 100.00 a month")).to_be_visible()
        await expect(page.get_by_text("First charge today: GTQ 100.00.")).to_be_visible()
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
        await expect(page.locator("#plan")).to_have_text("Gym monthly · GTQ 100.00 a month")
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


async def subscription_link(
    http: httpx.AsyncClient, tenant: Tenant, plan: dict[str, Any], **fields: Any
) -> dict[str, Any]:
    body = {"amount": 100, "userId": "50224865444", "channel": "wa", "client": tenant.client_slug}
    created = await http.post(
        "/transactions", json={**body, "subscriptionData": {"planId": plan["id"]}, **fields}, headers=merchant(tenant)
    )
    assert created.status_code == 200, created.text
    return created.json()


async def test_a_spanish_browser_subscribes_in_spanish(live_server):
    tenant = await billing_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        plan = await create_plan(http, tenant, name="Gimnasio trimestral", amount=1250, intervalCount=3, trialDays=14)
        link = await subscription_link(http, tenant, plan)
    price = f"{format_currency(Decimal(1250), 'GTQ', locale='es')} cada 3 meses"  # CLDR's "1.250,00 GTQ"
    ARTIFACTS.mkdir(exist_ok=True)
    async with browser_page(**PHONE, locale="es-GT") as page:  # the browser sends Accept-Language: es-GT
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        await expect(page).to_have_title("Suscríbete — Tienda Ana")
        await expect(page.locator("#amount")).to_have_text(price)
        await expect(page.locator("#first-charge")).to_have_text(
            f"Gratis por 14 días, luego {price}. Hoy no se cobra nada."
        )
        await expect(page.get_by_text("Modo de prueba")).to_be_visible()
        await page.screenshot(path=str(ARTIFACTS / "subscribe-es-phone.png"), full_page=True)

        # checkout.js's own messages come translated from the page.
        await page.get_by_label("Número de tarjeta").fill("4242424242424241")
        await page.get_by_label("Vencimiento").fill("13/34")
        await page.get_by_label("CVV").fill("12")
        await page.get_by_role("button", name="Suscribirme").click()
        await expect(page.locator("#cardNumber-error")).to_have_text("Ingresa un número de tarjeta válido.")
        await expect(page.locator("#expiry-error")).to_have_text("Usa MM/AA.")

        await fill_card(page, THREE_DS_APPROVES, SPANISH_LABELS)
        await page.get_by_role("button", name="Suscribirme").click()
        await expect(page.get_by_role("heading", name="Confirma que eres tú")).to_be_visible()
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        await expect(page.get_by_text("Tu banco te pide confirmar que Tienda Ana puede cobrar")).to_contain_text(price)
        await page.screenshot(path=str(ARTIFACTS / "subscribe-es-3ds-phone.png"), full_page=True)
        await page.get_by_label("Código de verificación").fill("123456")
        await page.get_by_role("button", name="Verificar").click()

        await expect(page.get_by_role("heading", name="Estás suscrito")).to_be_visible()
        await expect(page.get_by_text("Tienda Ana te avisará de cada cobro.")).to_be_visible()
        await expect(page.get_by_text("Visa terminada en 3220")).to_be_visible()
        await expect(page.locator("#plan")).to_have_text(f"Gimnasio trimestral · {price}")
        async with httpx.AsyncClient(base_url=live_server) as http:
            listed = (await http.get("/v1/subscriptions", headers=merchant(tenant))).json()
        trial_end = datetime.fromisoformat(listed["items"][0]["trialEnd"])
        await expect(page.locator("#trial-end")).to_have_text(format_date(trial_end, "medium", locale="es"))
        await page.screenshot(path=str(ARTIFACTS / "subscribe-es-done-phone.png"), full_page=True)


async def test_a_links_locale_overrides_an_english_browser_on_the_subscribe_page(live_server):
    tenant = await billing_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        plan = await create_plan(http, tenant, amount=100)
        link = await subscription_link(http, tenant, plan, locale="es")
    async with browser_page(**PHONE) as page:  # Playwright's default: en-US
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        await expect(page.get_by_text(f"{format_currency(Decimal(100), 'GTQ', locale='es')} al mes")).to_be_visible()
        await expect(page.get_by_role("button", name="Suscribirme")).to_be_visible()
