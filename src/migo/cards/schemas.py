"""Wire shapes of the card program."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field

from migo.ledger.service import Balance, Movement
from migo.platform.money import Amount, Money
from migo.platform.pan import masked
from migo.platform.secrets import CardNumber, Otp, Pin
from migo.platform.wire import ApiInput, ApiModel, UtcDateTime
from migo.webhooks.inbound import Notice

from .models import Card, CardStatement, CardTransaction, CardUser, ExternalCard
from .wallet import RECENT_MOVEMENTS, Wallet, WalletCard, WalletMovement

CardStatus = Literal["INACTIVE", "ACTIVE", "BLOCKED", "CANCELLED"]
PermissionName = Literal["view", "transact", "manage"]
_PIN = Field(description="Four digits, not all equal and not a sequence.")


class CardOut(ApiModel):
    card_id: uuid.UUID
    masked_pan: str
    bin: str
    last4: str
    status: CardStatus
    alias: str | None
    balance: Money | None = Field(description="Null when the calling cardholder was given the card without `view`.")
    available_balance: Money | None = Field(
        description="Null when the calling cardholder was given the card without `view`."
    )
    currency: str
    expiry_month: int
    expiry_year: int
    embossed_name: str | None
    owner_user_id: uuid.UUID | None
    permissions: list[PermissionName] | None = Field(
        None, description="The calling cardholder's permissions on the card (absent for applications)."
    )
    pin_set: bool
    activated_at: UtcDateTime | None
    created_at: UtcDateTime

    @classmethod
    def of(
        cls, card: Card, balance: Balance, permissions: list[str] | None = None, *, shows_money: bool = True
    ) -> CardOut:
        """The card; its balances only when `shows_money` (a card listed to a cardholder given it without `view`
        shows none: seed 003's per-user permissions)."""
        return cls(
            card_id=card.id,
            masked_pan=masked(card.bin, card.last4),
            bin=card.bin,
            last4=card.last4,
            status=card.status,
            alias=card.alias,
            balance=balance.balance if shows_money else None,
            available_balance=balance.available if shows_money else None,
            currency=balance.currency,
            expiry_month=card.expiry_month,
            expiry_year=card.expiry_year,
            embossed_name=card.embossed_name,
            owner_user_id=card.owner_user_id,
            permissions=permissions,
            pin_set=card.pin_digest is not None,
            activated_at=card.activated_at,
            created_at=card.created_at,
        )


class ActivateCardRequest(ApiInput):
    user_id: uuid.UUID
    card_number: CardNumber = Field(description="As printed; spaces and dashes are ignored.")
    cardholder_name: str = Field(min_length=1, max_length=60, description="The name embossed on the card.")


class ReasonRequest(ApiInput):
    reason: str | None = Field(None, max_length=300)


class UpdateCardRequest(ApiInput):
    alias: str | None = Field(None, max_length=60)


class SetPinRequest(ApiInput):
    pin: Pin = _PIN


class RotatePinRequest(ApiInput):
    current_pin: Pin
    new_pin: Pin = _PIN


class ResetPinRequest(ApiInput):
    code: Otp = Field(description="The code sent by `/users/auth/otp` with purpose `pin_reset`.")
    new_pin: Pin = _PIN


class PinResult(ApiModel):
    card_id: uuid.UUID
    valid: bool = True


class ViewToken(ApiModel):
    view_token: str
    expires_in: int = Field(60, description="Seconds; the token works once.")


class CvvOut(ApiModel):
    card_id: uuid.UUID
    cvv: str


class CardUserOut(ApiModel):
    user_id: uuid.UUID
    permissions: list[PermissionName]
    is_owner: bool
    granted_at: UtcDateTime

    @classmethod
    def of(cls, row: CardUser) -> CardUserOut:
        return cls.model_validate(row)


class GrantRequest(ApiInput):
    user_id: uuid.UUID
    permissions: list[PermissionName] = Field(min_length=1, max_length=3)


class FundsRequest(ApiInput):
    type: Literal["load", "unload"]
    amount: Amount
    description: str | None = Field(None, max_length=200)


class TransferRequest(ApiInput):
    source_card_id: uuid.UUID
    target_card_id: uuid.UUID
    amount: Amount
    description: str | None = Field(None, max_length=200)


class TransactionOut(ApiModel):
    transaction_id: uuid.UUID
    type: Literal["load", "unload", "transfer"]
    status: Literal["approved", "denied"]
    source_card_id: uuid.UUID | None
    target_card_id: uuid.UUID | None
    amount: Money
    currency: str
    description: str | None
    denial_code: int | None
    balance: Money | None = Field(
        None, description="After an approved call: the card's balance (the source card's, for a transfer)."
    )
    created_at: UtcDateTime

    @classmethod
    def of(cls, transaction: CardTransaction, balance: Decimal | None = None) -> TransactionOut:
        return cls(
            transaction_id=transaction.id,
            type=transaction.type,
            status=transaction.status,
            source_card_id=transaction.source_card_id,
            target_card_id=transaction.target_card_id,
            amount=transaction.amount,
            currency=transaction.currency,
            description=transaction.description,
            denial_code=transaction.denial_code,
            balance=balance,
            created_at=transaction.created_at,
        )


class MovementOut(ApiModel):
    movement_id: str
    entry_id: uuid.UUID
    type: str
    description: str | None
    amount: Money = Field(description="Signed: negative leaves the card.")
    currency: str
    balance_after: Money
    created_at: UtcDateTime

    @classmethod
    def of(cls, movement: Movement) -> MovementOut:
        return cls(
            movement_id=str(movement.posting_id),
            entry_id=movement.entry_id,
            type=movement.kind,
            description=movement.description,
            amount=movement.amount,
            currency=movement.currency,
            balance_after=movement.balance_after,
            created_at=movement.created_at,
        )


class StatementRequest(ApiInput):
    month: int = Field(ge=1, le=12)
    year: int = Field(ge=2000, le=2100)


class StatementOut(ApiModel):
    statement_id: uuid.UUID
    card_id: uuid.UUID
    month: int
    year: int
    status: Literal["processing", "ready", "failed"]
    created_at: UtcDateTime
    ready_at: UtcDateTime | None

    @classmethod
    def of(cls, statement: CardStatement) -> StatementOut:
        return cls(
            statement_id=statement.id,
            card_id=statement.card_id,
            month=statement.month,
            year=statement.year,
            status=statement.status,
            created_at=statement.created_at,
            ready_at=statement.ready_at,
        )


class Deleted(ApiModel):
    id: uuid.UUID
    deleted: Literal[True] = True


class ExternalCardRequest(ApiInput):
    card_number: CardNumber
    expiry_month: int = Field(ge=1, le=12)
    expiry_year: int = Field(ge=2000, le=2100)
    holder_name: str = Field(min_length=1, max_length=100)


class ExternalCardOut(ApiModel):
    external_card_id: uuid.UUID
    brand: str
    last4: str
    expiry_month: int
    expiry_year: int
    holder_name: str
    created_at: UtcDateTime

    @classmethod
    def of(cls, card: ExternalCard) -> ExternalCardOut:
        return cls(
            external_card_id=card.id,
            brand=card.brand,
            last4=card.last4,
            expiry_month=card.expiry_month,
            expiry_year=card.expiry_year,
            holder_name=card.holder_name,
            created_at=card.created_at,
        )


class WalletCardOut(CardOut):
    """A card in a cardholder's wallet: the card as `GET /cards/{cardId}` shows it, with the holder's own access
    to it."""

    permissions: list[PermissionName] = Field(
        description="The wallet holder's permissions on the card (an owner's: all three), whoever reads the wallet."
    )
    is_owner: bool = Field(description="The holder owns the card; false: its owner shared it with them.")

    @classmethod
    def of_held(cls, held: WalletCard) -> WalletCardOut:
        shown = CardOut.of(held.card, held.balance, held.permissions, shows_money=held.shows_money)
        return cls(**dict(shown), is_owner=held.is_owner)


class WalletMovementOut(MovementOut):
    """A movement of one of the wallet's cards, naming the card (never its number: the masked PAN)."""

    card_id: uuid.UUID
    masked_pan: str
    last4: str

    @classmethod
    def of_card(cls, found: WalletMovement) -> WalletMovementOut:
        card = found.card
        return cls(
            **dict(MovementOut.of(found.movement)),
            card_id=card.id,
            masked_pan=masked(card.bin, card.last4),
            last4=card.last4,
        )


class WalletOut(ApiModel):
    user_id: uuid.UUID
    cards: list[WalletCardOut] = Field(description="Owned and shared, oldest first.")
    recent_movements: list[WalletMovementOut] = Field(
        description=f"The latest {RECENT_MOVEMENTS} movements over the cards the holder may `view`, newest first."
    )
    external_cards: list[ExternalCardOut] = Field(description="Cards of other issuers the holder linked.")

    @classmethod
    def of(cls, wallet: Wallet) -> WalletOut:
        return cls(
            user_id=wallet.user_id,
            cards=[WalletCardOut.of_held(held) for held in wallet.cards],
            recent_movements=[WalletMovementOut.of_card(found) for found in wallet.recent_movements],
            external_cards=[ExternalCardOut.of(card) for card in wallet.external_cards],
        )


class VolcanNotice(Notice):
    """An issued card used at a merchant: `authorization` holds the amount on the card, `clearing` posts it,
    `reversal` releases it. `authorizationId` ties the three together."""

    type: Literal["authorization", "clearing", "reversal"]
    card_id: uuid.UUID
    authorization_id: str = Field(min_length=1, max_length=100)
    amount: Amount | None = Field(None, description="Required for authorizations and clearings.")
    currency: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    merchant_name: str | None = Field(None, max_length=120)
    occurred_at: datetime | None = None
