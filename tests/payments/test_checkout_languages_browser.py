"""The hosted pages in Spanish and English, in a real browser: the language chosen by the link's `locale`, else
the partner's, else the browser's Accept-Language; amounts formatted by CLDR (Babel) for it; checkout.js's
messages and the 3-D Secure page translated too; the card activation page in the partner's language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from babel.numbers import format_currency
from playwright.async_api import expect

from migo.identity.models import Partner
from migo.platform.db import database
from tests.browser import browser_page
from tests.factories import configure_payment_client, create_cardholder, create_link, create_tenant, provision_cards
from tests.payments.test_checkout_browser import APPROVES, DECLINES, PHONE, THREE_DS_APPROVES

pytestmark = pytest.mark.browser

AMOUNT = 1250
SPANISH = {"locale": "es-GT"}  # the browser sends Accept-Language: es-GT


async def new_link(live_server: str, **fields: Any) -> dict[str, Any]:
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    async with httpx.AsyncClient(base_url=live_server) as http:
        return await create_link(http, tenant, amount=AMOUNT, **fields)


async def fill_card_es(page: Any, number: str) -> None:
    await page.get_by_label("Número de tarjeta").fill(number)
    await page.get_by_label("Nombre en la tarjeta").fill("Ana Pérez")
    await page.get_by_label("Vencimiento").fill("12/34")
    await page.get_by_label("CVV").fill("123")


async def test_a_spanish_browser_gets_the_checkout_in_spanish_with_cldr_amounts(live_server):
    link = await new_link(live_server)
    async with browser_page(**PHONE, **SPANISH) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        # CLDR's Spanish: "1.250,00 GTQ" (a no-break space before the code), as Babel writes it.
        await expect(page.locator("#amount")).to_have_text(format_currency(Decimal(AMOUNT), "GTQ", locale="es"))
        await expect(page.get_by_text(f"Referencia {link['reference']}")).to_be_visible()
        await expect(page.get_by_text("Modo de prueba")).to_be_visible()
        await expect(page.get_by_role("button", name="Pagar")).to_be_visible()

        # checkout.js's own messages come translated from the page.
        await page.get_by_label("Número de tarjeta").fill("4242424242424241")
        await page.get_by_label("Vencimiento").fill("13/34")
        await page.get_by_label("CVV").fill("12")
        await page.get_by_role("button", name="Pagar").click()
        await expect(page.locator("#cardNumber-error")).to_have_text("Ingresa un número de tarjeta válido.")
        await expect(page.locator("#expiry-error")).to_have_text("Usa MM/AA.")
        await expect(page.locator("#cvv-error")).to_have_text("3 dígitos.")

        await page.get_by_label("Número de tarjeta").fill(APPROVES)
        installments = page.get_by_label("Cuotas")
        await expect(installments.get_by_role("option")).to_have_text(
            ["Pago de contado", "3 cuotas", "6 cuotas", "12 cuotas"]
        )

        # A decline, in Spanish, with the attempts left.
        await fill_card_es(page, DECLINES)
        await page.get_by_role("button", name="Pagar").click()
        alert = page.get_by_role("alert")
        await expect(alert).to_contain_text("Tu banco rechazó el pago. Intenta con otra tarjeta.")
        await expect(alert).to_contain_text("Te quedan 2 intentos.")

        await fill_card_es(page, APPROVES)
        await page.get_by_role("button", name="Pagar").click()
        await expect(page.get_by_role("heading", name="Pago aprobado")).to_be_visible()
        await expect(page.get_by_text("Visa terminada en 4242")).to_be_visible()


async def test_the_3ds_page_speaks_spanish(live_server):
    link = await new_link(live_server)
    async with browser_page(**PHONE, **SPANISH) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await fill_card_es(page, THREE_DS_APPROVES)
        await page.get_by_role("button", name="Pagar").click()
        await expect(page.get_by_role("heading", name="Confirma que eres tú")).to_be_visible()
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        amount = format_currency(Decimal(AMOUNT), "GTQ", locale="es")
        await expect(page.get_by_text("Tu banco te pide confirmar el pago de")).to_contain_text(amount)
        await expect(page.locator("#sandbox-hint")).to_contain_text("Modo de prueba: el código es 123456")
        await page.get_by_label("Código de verificación").fill("000000")
        await page.get_by_role("button", name="Verificar").click()
        await expect(page.get_by_role("alert")).to_contain_text("La verificación de la tarjeta (3-D Secure) falló.")


async def test_a_links_locale_overrides_an_english_browser(live_server):
    link = await new_link(live_server, locale="es")
    async with browser_page(**PHONE) as page:  # Playwright's default: en-US
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        await expect(page.get_by_role("button", name="Pagar")).to_be_visible()
    english = await new_link(live_server, locale="en")
    async with browser_page(**PHONE, **SPANISH) as page:
        await page.goto(f"{live_server}/?orderId={english['uid']}")
        await expect(page.locator("html")).to_have_attribute("lang", "en")
        await expect(page.locator("#amount")).to_have_text("GTQ 1,250.00")  # CLDR's English, the code spaced
        await expect(page.get_by_role("button", name="Pay", exact=True)).to_be_visible()


async def test_the_partners_locale_is_the_default_and_the_card_activation_page_follows_it(live_server):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    cards = await provision_cards(tenant, count=1, name="MARIA LOPEZ")
    async with httpx.AsyncClient(base_url=live_server) as http:
        headers = await tenant.operator_headers(http)
        path = f"/cms/rest/app/partners/{tenant.partner_id}"
        changed = await http.patch(path, json={"locale": "es"}, headers=headers)
        assert changed.status_code == 200 and changed.json()["data"]["locale"] == "es", changed.text
        link = await create_link(http, tenant, amount=AMOUNT)
        holder = await create_cardholder(http, tenant, firstName="María", lastName="López")
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/?orderId={link['uid']}")
        await expect(page.get_by_role("button", name="Pagar")).to_be_visible()
        await page.goto(f"{live_server}/card-activation?client=migoDeveloper&userId={holder['userId']}")
        await expect(page.locator("html")).to_have_attribute("lang", "es")
        await expect(page.get_by_role("heading", name="Activa tu tarjeta")).to_be_visible()
        await page.get_by_label("Número de tarjeta").fill(cards.numbers[0])
        await page.get_by_label("Nombre en la tarjeta").fill("Otra Persona")
        await page.get_by_role("button", name="Activar tarjeta").click()
        await expect(page.get_by_role("alert")).to_have_text("El nombre no coincide con el impreso en la tarjeta.")
    async with database.transaction() as session:
        partner = await session.get(Partner, tenant.partner_id)
        assert partner is not None and partner.locale == "es"


async def test_the_card_activation_page_follows_accept_language_without_a_partner_locale(live_server):
    tenant = await create_tenant()
    async with httpx.AsyncClient(base_url=live_server) as http:
        holder = await create_cardholder(http, tenant, firstName="María", lastName="López")
    async with browser_page(**PHONE, **SPANISH) as page:
        await page.goto(f"{live_server}/card-activation?client=migoDeveloper&userId={holder['userId']}")
        await expect(page.get_by_role("button", name="Activar tarjeta")).to_be_visible()
    async with browser_page(**PHONE) as page:
        await page.goto(f"{live_server}/card-activation?client=migoDeveloper&userId={holder['userId']}")
        await expect(page.get_by_role("button", name="Activate card")).to_be_visible()
        await expect(page.locator("html")).to_have_attribute("lang", "en")
