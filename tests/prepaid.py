"""Migo-issued prepaid cards as a customer pays with them (on-us charges): printed on the sandbox program's BIN,
activated, loaded through the Gateway, with the number, expiry and CVV printed on the plastic."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import httpx
from sqlalchemy import select

from migo.cards.credentials import derive_cvv
from migo.cards.models import Card
from migo.ledger import service as ledger
from migo.payments.models import PaymentClient
from migo.platform.db import database
from migo.platform.secrets import CardNumber
from tests.factories import (
    Tenant,
    activate_card,
    bearer,
    create_cardholder,
    create_tenant,
    provision_cards,
    signed,
)
from tests.leakscan import known_secret


@dataclass
class PrepaidCard:
    issuer: Tenant  # the company whose program issued it
    card_id: str
    number: str
    expiry: str  # MM/YY
    cvv: str

    def as_typed(self, **fields: Any) -> dict[str, Any]:
        """The card as the customer types it (verify-card's `card`, the pay helper's body)."""
        return {
            "cardNumber": self.number,
            "expiry": self.expiry,
            "cvv": self.cvv,
            "cardholderName": "Ana Perez",
            **fields,
        }


async def prepaid_card(http: httpx.AsyncClient, *, balance: str | None = None, activate: bool = True) -> PrepaidCard:
    """A card of a fresh company's program (BIN 489551), activated for a cardholder and loaded with `balance`."""
    issuer = await create_tenant()
    cards = await provision_cards(issuer, count=1)
    card_id = str(cards.card_ids[0])
    if activate:
        holder = await create_cardholder(http, issuer)
        card_id = (await activate_card(http, cards, 0, holder["userId"]))["cardId"]
    async with database.transaction() as session:
        card = await session.scalar(select(Card).where(Card.id == cards.card_ids[0]))
        assert card is not None
        month, year = card.expiry_month, card.expiry_year
    cvv = derive_cvv(CardNumber(cards.numbers[0]), month, year).reveal()
    known_secret("CVV", cvv)
    prepaid = PrepaidCard(issuer, card_id, cards.numbers[0], f"{month:02d}/{year % 100:02d}", cvv)
    if balance is not None:
        await load(http, prepaid, balance)
    return prepaid


async def load(http: httpx.AsyncClient, card: PrepaidCard, amount: str) -> None:
    body = {"type": "load", "amount": amount, "description": "Payroll"}
    loaded = await signed(http, card.issuer, "PUT", f"/rest/cards/{card.card_id}/funds", body)
    assert loaded.status_code == 200, loaded.text


async def card_details(http: httpx.AsyncClient, card: PrepaidCard) -> dict[str, Any]:
    token = await card.issuer.app_token(http)
    response = await http.get(f"/rest/cards/{card.card_id}", headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def card_balance(http: httpx.AsyncClient, card: PrepaidCard) -> Decimal:
    return Decimal((await card_details(http, card))["balance"])


async def card_movements(http: httpx.AsyncClient, card: PrepaidCard) -> list[dict[str, Any]]:
    """The card's movements, oldest first."""
    token = await card.issuer.app_token(http)
    response = await http.get(
        f"/rest/cards/{card.card_id}/movements", params={"sortOrder": "ASC", "limit": 100}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    return response.json()["data"]["items"]


async def merchant_balance(slug: str, currency: str = "GTQ") -> Decimal:
    from migo.payments import clients

    async with database.transaction() as session:
        client = await session.scalar(select(PaymentClient).where(PaymentClient.slug == slug))
        assert client is not None
        account = await clients.merchant_account(session, client, currency)
        return (await ledger.get_account(session, account)).balance


async def on_us_clearing(currency: str = "GTQ") -> Decimal:
    """The on-us clearing account's balance: card money charged on-us whose capture payments has not booked."""
    async with database.transaction() as session:
        return (await ledger.system_account(session, kind=ledger.ON_US_CLEARING, currency=currency)).balance
