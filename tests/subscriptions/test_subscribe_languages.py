"""The subscribe pages (form, 3-D Secure step, result, notices) in Spanish and English, as the checkout: the
link's `locale`, else the partner's, else the browser's Accept-Language, else English; the price, its
interval, the trial and the dates written as CLDR writes them in that language (Babel), with Spanish plurals;
`<html lang>` set; and no English left on a Spanish page."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import httpx
from babel.dates import format_date
from babel.numbers import format_currency

from tests.factories import Tenant, merchant

from .helpers import APPROVE, CHARGES_DECLINED, billing_tenant, create_plan

THREE_DS_APPROVES = "4000000000003220"
SPANISH = {"Accept-Language": "es-GT,es;q=0.9,en;q=0.8"}
ENGLISH = {"Accept-Language": "en-US,en;q=0.9"}
PLAN_NAME = "Gimnasio mensual"  # the merchant's own words: shown as they are

# What the subscribe pages and their notices say in English: none of it may be left on a Spanish page.
ENGLISH_TEXT = [
    "Subscribe",
    "Subscribing",
    "First charge",
    "today",
    "Free for",
    "then",
    "Nothing is charged",
    "a month",
    "a week",
    "every",
    "months",
    "days",
    "Your card",
    "never sees",
    "cancel",
    "any time",
    "Card number",
    "Name on card",
    "Expiry",
    "Enter a valid card number",
    "Use MM/YY",
    "has expired",
    "digits",
    "does not accept",
    "Pay in full",
    "installments",
    "Test mode",
    "Verify",
    "Verification code",
    "Your bank",
    "Enter the code",
    "issuer",
    "You are subscribed",
    "will let you know",
    "Merchant",
    "Card",
    "ending in",
    "Next charge",
    "Free trial",
    "Try another card",
    "declined",
    "Not found",
    "not found",
    "Check the link",
    "no longer",
    "not offered",
    "Ask the merchant",
    "archived",
]


class _Reader(HTMLParser):
    """What a customer reads on a page: its text, and the attributes a browser or checkout.js shows."""

    SHOWN = {"title", "alt", "placeholder", "aria-label", "value"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden_input = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        hidden = tag == "input" and ("type", "hidden") in attrs
        for name, value in attrs:
            if value and (name in self.SHOWN or name.startswith("data-")) and not name.endswith("-url") and not hidden:
                self.parts.append(value)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    return re.sub(r"[ \t\r\n]+", " ", " ".join(reader.parts)).strip()  # a no-break space is kept


def english_left(html: str) -> list[str]:
    text = shown_text(html)
    return [phrase for phrase in ENGLISH_TEXT if re.search(rf"\b{re.escape(phrase)}\b", text)]


def lang_of(html: str) -> str:
    found = re.search(r'<html lang="([^"]+)"', html)
    assert found, html[:200]
    return found.group(1)


def es_money(amount: int) -> str:
    return format_currency(Decimal(amount), "GTQ", locale="es")  # "100,00 GTQ", a no-break space before the code


async def subscription_link(
    http: httpx.AsyncClient, tenant: Tenant | None = None, plan_fields: dict[str, Any] | None = None, **fields: Any
) -> tuple[Tenant, dict[str, Any], dict[str, Any]]:
    tenant = tenant or await billing_tenant()
    plan = await create_plan(http, tenant, name=PLAN_NAME, amount=100, **(plan_fields or {}))
    body = {
        "amount": 100,
        "userId": "50224865444",
        "channel": "wa",
        "client": tenant.client_slug,
        "subscriptionData": {"planId": plan["id"]},
        **fields,
    }
    created = await http.post("/transactions", json=body, headers=merchant(tenant))
    assert created.status_code == 200, created.text
    return tenant, plan, created.json()


async def open_page(http: httpx.AsyncClient, uid: str, headers: dict[str, str] | None = None) -> httpx.Response:
    shown = await http.get("/", params={"orderId": uid}, headers=headers or {})
    assert shown.status_code in (200, 400, 404, 410), shown.text
    return shown


def card_form(number: str) -> dict[str, str]:
    return {"cardNumber": number, "cardholderName": "Ana Pérez", "expiry": "12/34", "cvv": "123"}


async def subscribe_through_3ds(
    http: httpx.AsyncClient, uid: str, headers: dict[str, str]
) -> tuple[httpx.Response, httpx.Response]:
    """The card form posted with a 3-D Secure card: the challenge page, then the result page after the code."""
    posted = await http.post(f"/subscribe/{uid}", data=card_form(THREE_DS_APPROVES), headers=headers)
    assert posted.status_code == 303 and "/verify?card=" in posted.headers["location"], posted.text
    challenge = await http.get(posted.headers["location"], headers=headers)
    assert challenge.status_code == 200, challenge.text
    card_id = re.search(r'name="card" value="([^"]+)"', challenge.text)
    assert card_id, challenge.text
    answered = await http.post(
        f"/subscribe/{uid}/verify", data={"card": card_id.group(1), "code": "123456"}, headers=headers
    )
    assert answered.status_code == 303 and answered.headers["location"] == f"/?orderId={uid}", answered.text
    result = await http.get(answered.headers["location"], headers=headers)
    assert result.status_code == 200, result.text
    return challenge, result


async def subscription_of(http: httpx.AsyncClient, tenant: Tenant) -> dict[str, Any]:
    listed = (await http.get("/v1/subscriptions", headers=merchant(tenant))).json()
    (subscription,) = listed["items"]
    return subscription


def day(value: str, language: str) -> str:
    return format_date(datetime.fromisoformat(value.replace("Z", "+00:00")), "medium", locale=language)


async def test_a_spanish_browser_gets_the_subscribe_page_in_spanish(client):
    _, _, link = await subscription_link(client)
    page = await open_page(client, link["uid"], SPANISH)
    assert page.status_code == 200 and lang_of(page.text) == "es"
    text = shown_text(page.text)
    assert f"{es_money(100)} al mes" in page.text
    assert f"Primer cobro hoy: {es_money(100)}." in page.text
    assert "Suscríbete — Tienda Ana" in text
    assert ">Suscribirme</button>" in page.text and 'data-busy-text="Suscribiendo…"' in page.text
    assert "Número de tarjeta" in text and "Nombre en la tarjeta" in text and "Vencimiento" in text
    assert "Tu tarjeta se guarda en Migo Payments para cobrar esta suscripción; Tienda Ana nunca la ve." in text
    assert "Modo de prueba" in text
    assert PLAN_NAME in text
    assert english_left(page.text) == []


async def test_without_a_spoken_language_the_subscribe_page_is_english(client):
    _, _, link = await subscription_link(client)
    for headers in ({}, {"Accept-Language": "fr-FR,fr;q=0.9"}, ENGLISH):
        page = await open_page(client, link["uid"], headers)
        assert lang_of(page.text) == "en", headers
        assert "GTQ 100.00 a month" in page.text  # CLDR's English, the code kept apart from the digits
        assert "First charge today: GTQ 100.00." in page.text
        assert ">Subscribe</button>" in page.text and "Card number" in page.text
        # The list of English texts is the pages' own: the Spanish check above would catch them.
        assert {"Subscribe", "First charge", "today", "a month", "Your card", "never sees", "Card number"} <= set(
            english_left(page.text)
        )


async def test_a_links_locale_overrides_the_browsers(client):
    _, _, spanish = await subscription_link(client, locale="es")
    page = await open_page(client, spanish["uid"], ENGLISH)
    assert lang_of(page.text) == "es" and ">Suscribirme</button>" in page.text
    assert english_left(page.text) == []
    _, _, english = await subscription_link(client, locale="en")
    page = await open_page(client, english["uid"], SPANISH)
    assert lang_of(page.text) == "en" and ">Subscribe</button>" in page.text


async def test_the_partners_locale_is_the_default(client):
    tenant = await billing_tenant()
    admin = await tenant.operator_headers(client)
    changed = await client.patch(f"/cms/rest/app/partners/{tenant.partner_id}", json={"locale": "es"}, headers=admin)
    assert changed.status_code == 200, changed.text
    _, _, link = await subscription_link(client, tenant)
    page = await open_page(client, link["uid"], ENGLISH)
    assert lang_of(page.text) == "es" and f"{es_money(100)} al mes" in page.text
    _, _, english = await subscription_link(client, tenant, locale="en")  # the link's own still comes first
    page = await open_page(client, english["uid"], SPANISH)
    assert lang_of(page.text) == "en" and "GTQ 100.00 a month" in page.text


async def test_intervals_and_trials_follow_spanish_plurals(client):
    cases = [
        ({"interval": "month", "intervalCount": 3, "trialDays": 14}, "cada 3 meses", "Gratis por 14 días, luego"),
        ({"interval": "week", "trialDays": 1}, "a la semana", "Gratis por 1 día, luego"),
        ({"interval": "week", "intervalCount": 2}, "cada 2 semanas", "Primer cobro hoy"),
        ({"interval": "year"}, "al año", "Primer cobro hoy"),
    ]
    for plan_fields, every, first in cases:
        _, _, link = await subscription_link(client, plan_fields=plan_fields)
        page = await open_page(client, link["uid"], SPANISH)
        assert f"{es_money(100)} {every}" in page.text, (plan_fields, shown_text(page.text))
        assert first in page.text, (plan_fields, shown_text(page.text))
        assert english_left(page.text) == [], plan_fields
    _, _, link = await subscription_link(client, plan_fields={"interval": "month", "intervalCount": 3, "trialDays": 1})
    page = await open_page(client, link["uid"], ENGLISH)
    assert "Free for 1 day, then GTQ 100.00 every 3 months. Nothing is charged today." in page.text


async def test_the_3ds_step_and_the_result_speak_spanish(client):
    tenant, _, link = await subscription_link(client)
    challenge, result = await subscribe_through_3ds(client, link["uid"], SPANISH)
    assert lang_of(challenge.text) == "es"
    text = shown_text(challenge.text)
    assert "Confirma que eres tú" in text and "Verifica tu tarjeta — Tienda Ana" in text
    assert f"Tu banco te pide confirmar que Tienda Ana puede cobrar {es_money(100)} al mes a esta tarjeta." in text
    assert "Código de verificación" in text and "3-D Secure del emisor de tu tarjeta." in text
    assert english_left(challenge.text) == []

    assert lang_of(result.text) == "es"
    text = shown_text(result.text)
    assert "Estás suscrito" in text and "Tienda Ana te avisará de cada cobro." in text
    assert "Visa terminada en 3220" in text
    assert f"{PLAN_NAME} · {es_money(100)} al mes" in text
    subscription = await subscription_of(client, tenant)
    assert f"Próximo cobro {day(subscription['currentPeriodEnd'], 'es')}" in text
    assert english_left(result.text) == []


async def test_a_trials_result_gives_its_end_in_the_language(client):
    tenant, _, link = await subscription_link(client, plan_fields={"trialDays": 14})
    await subscribe_through_3ds(client, link["uid"], SPANISH)
    subscription = await subscription_of(client, tenant)
    assert subscription["status"] == "trialing"
    result = await open_page(client, link["uid"], SPANISH)
    text = shown_text(result.text)
    assert f"Prueba gratis hasta {day(subscription['trialEnd'], 'es')}" in text
    assert english_left(result.text) == []
    english = shown_text((await open_page(client, link["uid"], ENGLISH)).text)
    assert f"Free trial until {day(subscription['trialEnd'], 'en')}" in english
    assert "You are subscribed" in english and "Visa ending in 3220" in english


async def test_refusals_and_notices_speak_spanish(client):
    tenant, plan, link = await subscription_link(client)
    declined = await client.post(f"/subscribe/{link['uid']}", data=card_form(CHARGES_DECLINED), headers=SPANISH)
    assert declined.status_code == 400 and lang_of(declined.text) == "es"
    assert "Intenta con otra tarjeta." in shown_text(declined.text)
    assert english_left(declined.text) == []

    invalid = await client.post(f"/subscribe/{link['uid']}", data=card_form("4242424242424241"), headers=SPANISH)
    assert invalid.status_code == 400 and "Número de tarjeta: " in shown_text(invalid.text)
    assert english_left(invalid.text) == []

    # The plan archived while the form was open: no longer offered, when subscribing and on the page.
    archived = await client.patch(f"/v1/plans/{plan['id']}", json={"active": False}, headers=merchant(tenant))
    assert archived.status_code == 200, archived.text
    refused = await client.post(f"/subscribe/{link['uid']}", data=card_form(APPROVE), headers=SPANISH)
    gone = await open_page(client, link["uid"], SPANISH)
    for notice in (refused, gone):
        assert notice.status_code == 410 and lang_of(notice.text) == "es"
        assert "Esta suscripción ya no está disponible" in shown_text(notice.text)
        assert english_left(notice.text) == []
    assert (await client.get("/v1/subscriptions", headers=merchant(tenant))).json()["items"] == []

    missing = await client.post(f"/subscribe/{uuid.uuid4().hex[:20]}", data=card_form(APPROVE), headers=SPANISH)
    assert missing.status_code == 404 and "Suscripción no encontrada" in shown_text(missing.text)
    assert english_left(missing.text) == []
