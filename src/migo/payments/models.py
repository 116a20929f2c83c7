"""Payment Links (seed 002): merchant client configurations, the links (transactions), their payment attempts and
the operations on them (captures, refunds, voids), the card vault, end-customer suspensions, the BIN table, and
the sandbox processor's own records."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    SmallInteger,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin
from migo.platform.money import MoneyColumn

# `subscribed`: a link that sold a subscription (subscriptionData.planId): closed, the subscription's charges are
# transactions of their own.
TRANSACTION_STATUSES = (
    "pending",
    "authorized",
    "approved",
    "denied",
    "refunded",
    "reversed",
    "expired",
    "subscribed",
)
SUSPENSION_TYPES = ("blocked", "suspended", "excluded")


class PaymentClient(IdMixin, CreatedAtMixin, Base):
    """A merchant's client configuration: what its links accept and how they look (seed 002: "your client
    configuration"). Created by the `migo clients` command and the sandbox seed."""

    __tablename__ = "payment_clients"
    __table_args__ = (CheckConstraint("capture_mode IN ('automatic', 'manual')", name="capture_mode"),)

    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # The merchants domain's business whose settlements take this client's captures (None: none does).
    business_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"))
    display_name: Mapped[str] = mapped_column(String(120))
    logo_url: Mapped[str | None] = mapped_column(String(500))
    brand_color: Mapped[str] = mapped_column(String(7), default="#0b5cff")
    channels: Mapped[list[str]] = mapped_column(ARRAY(String(20)))
    currencies: Mapped[list[str]] = mapped_column(ARRAY(String(3)))  # the first is the default
    min_amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    max_amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    # [{"name": "sandbox", "brands": ["visa", ...], "installments": [3, 6, 12]}], in order of preference
    processors: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    capture_mode: Mapped[str] = mapped_column(String(10), default="automatic")
    reference_prefix: Mapped[str] = mapped_column(String(12))
    # The last reference number handed out: incremented in the creating transaction, so it never skips.
    reference_sequence: Mapped[int] = mapped_column(BigInteger, default=0)
    link_lifetime_seconds: Mapped[int] = mapped_column(default=24 * 3600)
    max_attempts: Mapped[int] = mapped_column(SmallInteger, default=3)
    # Velocity rule: this many declines of one userId within the window suspend it for the given time.
    velocity_declines: Mapped[int] = mapped_column(SmallInteger, default=5)
    velocity_window_minutes: Mapped[int] = mapped_column(default=60)
    velocity_suspension_minutes: Mapped[int] = mapped_column(default=24 * 60)
    # BIN rules; an empty list allows everything.
    allowed_brands: Mapped[list[str]] = mapped_column(ARRAY(String(20)), default=list)
    allowed_card_types: Mapped[list[str]] = mapped_column(ARRAY(String(10)), default=list)
    allowed_countries: Mapped[list[str]] = mapped_column(ARRAY(String(2)), default=list)
    # Where the hosted checkout may send the customer back (scheme://host[:port]).
    allowed_return_origins: Mapped[list[str]] = mapped_column(ARRAY(String(200)), default=list)
    default_return_url: Mapped[str | None] = mapped_column(String(2000))
    # The customKeys its checkout shows, in order: [{"label": …, "key": …}].
    checkout_fields: Mapped[list[dict[str, str]]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )
    status: Mapped[str] = mapped_column(String(10), default="active")
    updated_at: Mapped[datetime | None]


class PaymentAccount(Base):
    """The ledger accounts of the payment-link business, one per (purpose, owner, currency): a client's
    merchant balance, a processor's clearing account."""

    __tablename__ = "payment_accounts"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)  # "merchant:<client id>:GTQ"
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_accounts.id"), unique=True)


class CardToken(IdMixin, CreatedAtMixin, Base):
    """The vault: a card the checkout tokenized. The PAN is sealed (AES-GCM); the CVV is never stored."""

    __tablename__ = "payment_card_tokens"

    pan_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    pan_fingerprint: Mapped[bytes] = mapped_column(LargeBinary, index=True)
    bin: Mapped[str] = mapped_column(String(8))
    last4: Mapped[str] = mapped_column(String(4))
    brand: Mapped[str] = mapped_column(String(20))
    expiry_month: Mapped[int] = mapped_column(SmallInteger)
    expiry_year: Mapped[int] = mapped_column(SmallInteger)
    holder_name: Mapped[str | None] = mapped_column(String(60))


class SavedCard(IdMixin, CreatedAtMixin, Base):
    """A vaulted card an end customer (userId) of a client verified for later charges (a subscription's): the
    public `token` names it to that client, for that customer only. `pending` while its verification (a
    zero-amount authorization) is asked; `verified` or `declined` after."""

    __tablename__ = "payment_saved_cards"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'requires_action', 'verified', 'declined')", name="status"),
        Index("ix_payment_saved_cards_client_id_user_id", "client_id", "user_id"),
    )

    token: Mapped[str] = mapped_column(String(40), unique=True)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_clients.id"))
    user_id: Mapped[str] = mapped_column(String(200))
    card_token_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_card_tokens.id"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    processor: Mapped[str | None] = mapped_column(String(40))
    processor_reference: Mapped[str | None] = mapped_column(String(200))
    three_ds: Mapped[str] = mapped_column(String(12), default="not_required")
    decline_code: Mapped[str | None] = mapped_column(String(40))
    verified_at: Mapped[datetime | None]


class PaymentTransaction(IdMixin, CreatedAtMixin, Base):
    """A Payment Link and the payment made through it (seed 002 calls it a transaction)."""

    __tablename__ = "payment_transactions"
    __table_args__ = (
        CheckConstraint(f"status IN {TRANSACTION_STATUSES}", name="status"),
        CheckConstraint("refunded_amount <= captured_amount", name="refund_within_capture"),
        UniqueConstraint("client_id", "reference"),  # a reference is the client's own numbering
        Index("ix_payment_transactions_client_id_created_at", "client_id", "created_at"),
        Index("ix_payment_transactions_status_expires_at", "status", "expires_at"),
        # What the next cutoff of a business closes: the captures of its clients no settlement took yet.
        Index(
            "ix_payment_transactions_unsettled",
            "client_id",
            "captured_at",
            postgresql_where=text("settlement_id IS NULL AND capture_entry_id IS NOT NULL"),
        ),
        # A processor's settlement file names a payment by the processor's reference (back office conciliation),
        # and asks for what the processor captured in its period; partial: a link is created without either.
        Index(
            "ix_payment_transactions_processor_reference",
            "processor_reference",
            postgresql_where=text("processor_reference IS NOT NULL"),
        ),
        Index(
            "ix_payment_transactions_processor_captured_at",
            "processor",
            "captured_at",
            postgresql_where=text("captured_at IS NOT NULL"),
        ),
        # The ledger's verification reads captures in entry order.
        Index(
            "ix_payment_transactions_capture_entry_id",
            "capture_entry_id",
            postgresql_where=text("capture_entry_id IS NOT NULL"),
        ),
    )

    uid: Mapped[str] = mapped_column(String(21), unique=True)
    # The notifications domain's message that sends the link to its customer (sms, wa and email links).
    notification_id: Mapped[uuid.UUID | None]
    # The merchants domain's settlement that took this capture (a client linked to a business).
    settlement_id: Mapped[uuid.UUID | None]
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_clients.id"))
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    reference: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="pending")
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    user_id: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[str | None] = mapped_column(String(200))
    custom_keys: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    processor_amounts: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    additional_data: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    return_url: Mapped[str | None] = mapped_column(String(2000))
    # The language of the link's checkout (`es`, `en`); None: its partner's, else the customer's browser's.
    locale: Mapped[str | None] = mapped_column(String(12))
    created_via: Mapped[str] = mapped_column(String(20))  # transactions | transactions-hook
    capture_mode: Mapped[str] = mapped_column(String(10))
    expires_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    # The payment, once a card was authorized
    processor: Mapped[str | None] = mapped_column(String(40))
    processor_reference: Mapped[str | None] = mapped_column(String(200))
    authorization_code: Mapped[str | None] = mapped_column(String(12))
    installments: Mapped[int | None] = mapped_column(SmallInteger)
    card_token_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("payment_card_tokens.id"))
    last4: Mapped[str | None] = mapped_column(String(4))
    brand: Mapped[str | None] = mapped_column(String(20))
    decline_code: Mapped[str | None] = mapped_column(String(40))
    authorized_amount: Mapped[Decimal] = mapped_column(MoneyColumn, default=Decimal(0))
    captured_amount: Mapped[Decimal] = mapped_column(MoneyColumn, default=Decimal(0))
    refunded_amount: Mapped[Decimal] = mapped_column(MoneyColumn, default=Decimal(0))
    capture_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    authorized_at: Mapped[datetime | None]
    captured_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]  # denied, reversed or expired
    updated_at: Mapped[datetime | None]


class PaymentAttempt(IdMixin, CreatedAtMixin, Base):
    """One try at paying a link with a card: its outcome, and the 3-D Secure challenge when there was one.

    `pending` while the processor has been asked and its answer is not recorded yet (the request that asked
    records it; if that fails, the recovery job asks the processor by the attempt's idempotency key)."""

    __tablename__ = "payment_attempts"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'approved', 'authorized', 'declined', 'requires_action', 'abandoned')",
            name="status",
        ),
        Index("ix_payment_attempts_client_id_user_id_created_at", "client_id", "user_id", "created_at"),
        # One attempt in flight per link: a second payment waits for the first's answer.
        Index(
            "uq_payment_attempts_in_flight", "transaction_id", unique=True, postgresql_where=text("status = 'pending'")
        ),
    )

    transaction_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_transactions.id"), index=True)
    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_clients.id"))
    user_id: Mapped[str] = mapped_column(String(200))
    card_token_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_card_tokens.id"))
    processor: Mapped[str | None] = mapped_column(String(40))
    processor_reference: Mapped[str | None] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    installments: Mapped[int] = mapped_column(SmallInteger, default=1)
    status: Mapped[str] = mapped_column(String(16))
    decline_code: Mapped[str | None] = mapped_column(String(40))
    three_ds: Mapped[str] = mapped_column(String(12), default="not_required")  # challenged | passed | failed
    # When the processor was last asked (to authorize, or to check the answer to its 3-D Secure challenge).
    pending_since: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]


class PaymentOperation(IdMixin, CreatedAtMixin, Base):
    """A processor call on an authorized payment: a capture, a refund or a void (a reversal).

    Saved `pending` before the processor is called, under an idempotency key derived from its id, and resolved
    after: by the request that made it, or by the recovery job asking the processor. A refund reserves the
    merchant's balance with a ledger hold while it is pending, and so does the void of a capture."""

    __tablename__ = "payment_operations"
    __table_args__ = (
        CheckConstraint("kind IN ('capture', 'refund', 'void')", name="kind"),
        CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name="status"),
        CheckConstraint("amount > 0", name="positive"),
        # A capture or a void runs alone on its link; refunds may run side by side within the captured amount.
        Index(
            "uq_payment_operations_exclusive",
            "transaction_id",
            unique=True,
            postgresql_where=text("status = 'pending' AND kind IN ('capture', 'void')"),
        ),
        # The merchant's Idempotency-Key: a retry whose first answer was lost finds the operation it made.
        Index("uq_payment_operations_request_key", "transaction_id", "request_key", unique=True),
        Index("ix_payment_operations_pending", "created_at", postgresql_where=text("status = 'pending'")),
        Index("ix_payment_operations_entry_id", "entry_id", postgresql_where=text("entry_id IS NOT NULL")),
    )

    transaction_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_transactions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    reason: Mapped[str | None] = mapped_column(String(300))
    request_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    processor_reference: Mapped[str | None] = mapped_column(String(200))
    failure_code: Mapped[str | None] = mapped_column(String(40))
    hold_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_holds.id"))
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    resolved_at: Mapped[datetime | None]
    settlement_id: Mapped[uuid.UUID | None]  # a refund's, as its capture's


class Suspension(IdMixin, CreatedAtMixin, Base):
    """A fraud measure against one end customer (userId) of one client (seed 002: ownCodes 2004-2006)."""

    __tablename__ = "payment_suspensions"
    __table_args__ = (
        CheckConstraint(f"type IN {SUSPENSION_TYPES}", name="type"),
        Index("ix_payment_suspensions_client_id_user_id", "client_id", "user_id"),
    )

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("payment_clients.id"))
    user_id: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(10), default="manual")  # manual | velocity
    until: Mapped[datetime | None]
    lifted_at: Mapped[datetime | None]
    lift_reason: Mapped[str | None] = mapped_column(String(300))


class SandboxProcessorRecord(Base):
    """The sandbox processor's own books, as an acquirer keeps them: every request it answered, under the
    caller's idempotency key, so a retried request gets the same answer and a lost one can be looked up.
    Written in transactions of its own, whatever becomes of the caller's."""

    __tablename__ = "sandbox_processor_records"
    __table_args__ = (
        CheckConstraint(
            "operation IN ('authorize', 'authenticate', 'capture', 'refund', 'void', 'cancel')", name="operation"
        ),
    )

    idempotency_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    operation: Mapped[str] = mapped_column(String(12))
    request_digest: Mapped[bytes] = mapped_column(LargeBinary)  # what was asked, so a reused key is refused
    reference: Mapped[str | None] = mapped_column(String(60), unique=True)
    payment_reference: Mapped[str | None] = mapped_column(String(60), index=True)  # the payment operated on
    status: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    currency: Mapped[str | None] = mapped_column(String(3))
    authorization_code: Mapped[str | None] = mapped_column(String(12))
    decline_code: Mapped[str | None] = mapped_column(String(40))
    scenario: Mapped[str | None] = mapped_column(String(30))  # a challenge's test-card outcome
    answered_at: Mapped[datetime | None]  # a challenge is answered once
    created_at: Mapped[datetime]


class BinRange(Base):
    """Issuer data for a BIN (the first 6 or 8 digits), loaded from a CSV (`migo bins load`)."""

    __tablename__ = "bin_ranges"

    bin: Mapped[str] = mapped_column(String(8), primary_key=True)
    brand: Mapped[str] = mapped_column(String(20))
    type: Mapped[str] = mapped_column(String(10))  # credit | debit | prepaid
    issuer: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str | None] = mapped_column(String(2))
