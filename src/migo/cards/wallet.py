"""A cardholder's wallet (seed 001: users, cards, wallets): what an app's home screen shows, in one call.

It composes what the card endpoints answer one by one: the cards the cardholder holds or was given
(`lifecycle.cards_of_user`), each with its balance and the cardholder's permissions on it, the latest movements
over those cards, and the cards of other issuers they linked (`external.linked_cards`). It is the cardholder's
view whoever asks for it (the cardholder, or the company's application): a card given without `view` shows no
money, and none of its movements, as `GET /cards/{cardId}` and its movements refuse them to that cardholder.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity.principals import GatewayCaller
from migo.ledger import service as ledger
from migo.platform.errors import ERRORS, ApiError

from . import external, lifecycle
from .models import Card, ExternalCard

RECENT_MOVEMENTS = 20


@dataclass(frozen=True)
class WalletCard:
    card: Card
    balance: ledger.Balance
    permissions: list[str]  # the wallet holder's (an owner's: all of them)
    is_owner: bool

    @property
    def shows_money(self) -> bool:
        """Its balance and movements are the holder's to see: the `view` permission (seed 003)."""
        return "view" in self.permissions


@dataclass(frozen=True)
class WalletMovement:
    card: Card
    movement: ledger.Movement


@dataclass(frozen=True)
class Wallet:
    user_id: uuid.UUID
    cards: list[WalletCard]
    recent_movements: list[WalletMovement]  # newest first, over the cards that show money
    external_cards: list[ExternalCard]


async def wallet_of(session: AsyncSession, caller: GatewayCaller, user_id: uuid.UUID) -> Wallet:
    """The cardholder's wallet: an application reads any cardholder of its company, a cardholder only their own
    (another's, or another company's, is not found)."""
    held = await lifecycle.cards_of_user(session, caller, user_id)
    cards = [
        WalletCard(card, await ledger.balance_of(session, card.account_id), permissions, is_owner)
        for card, permissions, is_owner in held
    ]
    shown = {entry.card.account_id: entry.card for entry in cards if entry.shows_money}
    latest = await ledger.latest_movements(session, list(shown), RECENT_MOVEMENTS)
    return Wallet(
        user_id=user_id,
        cards=cards,
        recent_movements=[WalletMovement(shown[account_id], movement) for account_id, movement in latest],
        external_cards=await external.linked_cards(session, caller, user_id),
    )


async def own_wallet(session: AsyncSession, caller: GatewayCaller) -> Wallet:
    """The signed-in cardholder's wallet: an application token alone names no one (7012)."""
    if caller.user_id is None:
        raise ApiError(ERRORS.USER_TOKEN_REQUIRED)
    return await wallet_of(session, caller, caller.user_id)
