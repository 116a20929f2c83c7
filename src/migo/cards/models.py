"""The prepaid card program: programs, cards and who may use them, their audit trail, money movements,
CVV view tokens, statements and linked third-party cards."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Literal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, SmallInteger, String, false
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin
from migo.platform.money import MoneyColumn

CARD_STATUSES = ("INACTIVE", "ACTIVE", "BLOCKED", "CANCELLED")


class CardProgram(IdMixin, CreatedAtMixin, Base):
    """A company's card program (seed 004: provisioned at onboarding): currency, BIN and product limits."""

    __tablename__ = "card_programs"

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    currency: Mapped[str] = mapped_column(String(3))
    bin: Mapped[str] = mapped_column(String(8))
    max_balance: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    per_transfer_limit: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    daily_transfer_limit: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    validity_months: Mapped[int] = mapped_column(SmallInteger, default=36)
    # The company's pre-funded account that loads draw from and unloads return to.
    funding_account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_accounts.id"))
    updated_at: Mapped[datetime | None]


class CardStockBatch(IdMixin, CreatedAtMixin, Base):
    """One print run of inactive, unassigned cards for a company's stock: its cards name it, so its embossing
    file can be produced again (for the card manufacturer) and every plastic traced to the run that made it."""

    __tablename__ = "card_stock_batches"
    __table_args__ = (Index("ix_card_stock_batches_company_id_created_at", "company_id", "created_at"),)

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    count: Mapped[int]
    printed: Mapped[int]  # so far: a run the worker prints goes a committed chunk at a time
    embossed_name: Mapped[str | None] = mapped_column(String(26))
    actor_kind: Mapped[str] = mapped_column(String(20))  # who printed it: operator | system
    actor_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(20))  # cms | cli | system

    @property
    def status(self) -> StockStatus:
        return stock_status(self.printed, self.count)


StockStatus = Literal["queued", "running", "done"]


def stock_status(printed: int, count: int) -> StockStatus:
    """A run not started, part printed, or printed whole (a run cannot fail: its program was checked when it
    was queued, and a chunk that breaks is printed again)."""
    return "done" if printed >= count else "running" if printed else "queued"


class Card(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "cards"
    __table_args__ = (
        CheckConstraint(f"status IN {CARD_STATUSES}", name="status"),
        Index("ix_cards_company_id_owner_user_id", "company_id", "owner_user_id"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    program_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("card_programs.id"))
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_accounts.id"), unique=True)
    pan_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    pan_fingerprint: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    bin: Mapped[str] = mapped_column(String(8))
    last4: Mapped[str] = mapped_column(String(4))
    expiry_month: Mapped[int] = mapped_column(SmallInteger)
    expiry_year: Mapped[int] = mapped_column(SmallInteger)
    embossed_name: Mapped[str | None] = mapped_column(String(26))
    status: Mapped[str] = mapped_column(String(10), default="INACTIVE")
    owner_user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    alias: Mapped[str | None] = mapped_column(String(60))
    pin_digest: Mapped[bytes | None] = mapped_column(LargeBinary)
    pin_failures: Mapped[int] = mapped_column(SmallInteger, default=0)
    activated_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]
    # None for the cards printed before stock batches were kept.
    stock_batch_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("card_stock_batches.id"), index=True)
    # BLOCKED by its holder's block in the back office: lifting that block unblocks this card, and no card
    # blocked for another reason. Any other transition of the card clears it.
    blocked_with_holder: Mapped[bool] = mapped_column(default=False, server_default=false())


class CardUser(Base):
    """Who may use a card, beside its owner, and for what (seed 003: per-user permissions)."""

    __tablename__ = "card_users"

    card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cards.id"), primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), primary_key=True, index=True)
    permissions: Mapped[list[str]] = mapped_column(ARRAY(String(20)))
    is_owner: Mapped[bool] = mapped_column(default=False)
    granted_at: Mapped[datetime]


class CardEvent(IdMixin, CreatedAtMixin, Base):
    """The audit trail of a card: every transition, who made it, when, why and through which channel."""

    __tablename__ = "card_audit"

    card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cards.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(10))
    to_status: Mapped[str | None] = mapped_column(String(10))
    actor_kind: Mapped[str] = mapped_column(String(20))  # application | user | operator | system
    actor_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(20))  # api | webview | cms | cli | system
    reason: Mapped[str | None] = mapped_column(String(300))


class CardTransaction(IdMixin, CreatedAtMixin, Base):
    """A load, unload or card-to-card transfer as the caller asked for it: approved (with its ledger entry)
    or denied (with the reason code)."""

    __tablename__ = "card_transactions"
    __table_args__ = (
        CheckConstraint("type IN ('load', 'unload', 'transfer')", name="type"),
        CheckConstraint("status IN ('approved', 'denied')", name="status"),
        Index("ix_card_transactions_source_card_id_created_at", "source_card_id", "created_at"),
        Index("ix_card_transactions_target_card_id_created_at", "target_card_id", "created_at"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"), index=True)
    type: Mapped[str] = mapped_column(String(10))
    source_card_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cards.id"))
    target_card_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cards.id"))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    description: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10))
    denial_code: Mapped[int | None]
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    actor_kind: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str] = mapped_column(String(64))


class CvvViewToken(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "cvv_view_tokens"

    card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cards.id"), index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    token_digest: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class CardStatement(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "card_statements"
    __table_args__ = (CheckConstraint("status IN ('processing', 'ready', 'failed')", name="status"),)

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    card_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cards.id"), index=True)
    month: Mapped[int] = mapped_column(SmallInteger)
    year: Mapped[int] = mapped_column(SmallInteger)
    status: Mapped[str] = mapped_column(String(12), default="processing")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    ready_at: Mapped[datetime | None]


class ExternalCard(IdMixin, CreatedAtMixin, Base):
    """A third-party card linked to a cardholder: only a token, brand and last four ever leave the vault."""

    __tablename__ = "external_cards"
    __table_args__ = (Index("uq_external_cards_user_id_pan_fingerprint", "user_id", "pan_fingerprint", unique=True),)

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    pan_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    pan_fingerprint: Mapped[bytes] = mapped_column(LargeBinary)
    brand: Mapped[str] = mapped_column(String(20))
    last4: Mapped[str] = mapped_column(String(4))
    expiry_month: Mapped[int] = mapped_column(SmallInteger)
    expiry_year: Mapped[int] = mapped_column(SmallInteger)
    holder_name: Mapped[str] = mapped_column(String(100))


class OnUsRecord(Base):
    """The on-us processor's books (cards.on_us): every call payments made to charge a card Migo issued, under
    the caller's idempotency key, as an acquirer keeps them, so a retried call gets the same answer and a lost one
    can be looked up. Written in transactions of their own, with the money each moved: a charge, a capture, a
    refund or the void of a charge names its one ledger entry; an authorization held for a later capture names
    its hold."""

    __tablename__ = "card_on_us_records"
    __table_args__ = (
        CheckConstraint("operation IN ('authorize', 'capture', 'refund', 'void', 'cancel')", name="operation"),
        CheckConstraint("status IN ('approved', 'declined', 'succeeded', 'failed', 'cancelled')", name="status"),
    )

    idempotency_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    operation: Mapped[str] = mapped_column(String(12))
    request_digest: Mapped[bytes] = mapped_column(LargeBinary)  # what was asked, so a reused key is refused
    reference: Mapped[str | None] = mapped_column(String(60), unique=True)
    payment_reference: Mapped[str | None] = mapped_column(String(60), index=True)  # the payment operated on
    card_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("cards.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    currency: Mapped[str | None] = mapped_column(String(3))
    capture: Mapped[bool | None]  # an authorization: charged at once (else held for a capture)
    authorization_code: Mapped[str | None] = mapped_column(String(12))
    decline_code: Mapped[str | None] = mapped_column(String(40))
    descriptor: Mapped[str | None] = mapped_column(String(60))  # the merchant, as the card's statement names it
    hold_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_holds.id"), unique=True)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    created_at: Mapped[datetime]
