"""Merchant acquiring: leads, their KYC documents, the businesses approved leads become, their branches and
terminals, the payments those terminals take, and the settlements and payouts that pay businesses."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, LargeBinary, Numeric, String, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin
from migo.platform.money import MoneyColumn

LEAD_STATUSES = ("NEW", "DOCUMENTS_PENDING", "IN_REVIEW", "APPROVED", "REJECTED")
DOCUMENT_TYPES = ("ID_FRONT", "ID_BACK", "TAX_CERTIFICATE", "BANK_PROOF", "ADDRESS_PROOF")
DOCUMENT_STATUSES = ("PENDING", "ACCEPTED", "REJECTED")


class Lead(IdMixin, CreatedAtMixin, Base):
    """A merchant applying to accept payments through a company: who they are and where to pay them."""

    __tablename__ = "merchant_leads"
    __table_args__ = (
        CheckConstraint(f"status IN {LEAD_STATUSES}", name="status"),
        Index("ix_merchant_leads_company_id_created_at", "company_id", "created_at"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    status: Mapped[str] = mapped_column(String(20), default="NEW")
    business_name: Mapped[str] = mapped_column(String(200))
    legal_name: Mapped[str] = mapped_column(String(200))
    tax_id: Mapped[str] = mapped_column(String(40))
    country: Mapped[str] = mapped_column(String(2))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(30))
    address: Mapped[str] = mapped_column(String(500))
    contact: Mapped[dict[str, str]] = mapped_column(JSONB)
    bank_name: Mapped[str | None] = mapped_column(String(120))
    bank_holder: Mapped[str | None] = mapped_column(String(200))
    # The account number sealed with AES-GCM (bound to the lead's id); only its last four are ever shown.
    bank_account_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    bank_account_last4: Mapped[str | None] = mapped_column(String(4))
    updated_at: Mapped[datetime | None]


class LeadDocument(IdMixin, CreatedAtMixin, Base):
    """A KYC document: its bytes live in the file storage under `storage_key`, its facts here."""

    __tablename__ = "merchant_lead_documents"
    __table_args__ = (
        CheckConstraint(f"type IN {DOCUMENT_TYPES}", name="type"),
        CheckConstraint(f"status IN {DOCUMENT_STATUSES}", name="status"),
    )

    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_leads.id"), index=True)
    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), default="PENDING")
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(40))
    storage_key: Mapped[str] = mapped_column(String(200))
    rejection_reason: Mapped[str | None] = mapped_column(String(500))


class LeadReview(IdMixin, CreatedAtMixin, Base):
    """The audit trail of a lead's review: every decision a back-office operator made on it, when, and on what
    (the documents it refused and why). Written in the decision's own transaction, as a card's audit is."""

    __tablename__ = "merchant_lead_reviews"
    __table_args__ = (CheckConstraint("decision IN ('APPROVE', 'REJECT')", name="decision"),)

    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_leads.id"), index=True)
    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    decision: Mapped[str] = mapped_column(String(10))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_kind: Mapped[str] = mapped_column(String(20))  # operator
    actor_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(20))  # cms
    # [{"documentId": "…", "reason": "…"}] for each document refused; empty for an approval.
    rejected_documents: Mapped[list[dict[str, str]]] = mapped_column(JSONB)
    reason: Mapped[str | None] = mapped_column(String(500))  # why the lead itself was refused, when it was


class Business(IdMixin, CreatedAtMixin, Base):
    """An approved lead, promoted: what it is charged per payment and where its money is paid out."""

    __tablename__ = "merchant_businesses"
    __table_args__ = (CheckConstraint("status IN ('ACTIVE', 'SUSPENDED')", name="status"),)

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"), index=True)
    # Unique: a lead becomes one business, however many promotes race (the lead's row lock decides first).
    lead_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_leads.id"), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default="ACTIVE")
    pricing_percent: Mapped[Decimal] = mapped_column(Numeric(7, 4))
    pricing_fixed: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    payout_bank_name: Mapped[str] = mapped_column(String(120))
    payout_holder: Mapped[str] = mapped_column(String(200))
    payout_account_ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    payout_account_last4: Mapped[str] = mapped_column(String(4))
    # Ledger accounts, opened on the first payment: what its terminals took and no settlement has paid yet
    # (may go negative: a refund after its payment settled is netted in the next settlement), and what
    # settlements credited and no payout has moved out yet.
    unsettled_account_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_accounts.id"))
    balance_account_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_accounts.id"))


class Branch(IdMixin, CreatedAtMixin, Base):
    """A place where a business sells: its terminals belong to it."""

    __tablename__ = "merchant_branches"

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_businesses.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(500))


class Terminal(IdMixin, CreatedAtMixin, Base):
    """A POS terminal at a branch, with the credentials it authenticates with (the secret kept as a keyed
    digest: it is random and long, so an O(1) look-up is as safe as a slow hash)."""

    __tablename__ = "merchant_terminals"
    __table_args__ = (
        CheckConstraint("status IN ('ACTIVE', 'INACTIVE')", name="status"),
        # A device is registered once per company: its serial number names it.
        Index("uq_merchant_terminals_company_id_serial_number", "company_id", "serial_number", unique=True),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_businesses.id"))
    branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_branches.id"), index=True)
    serial_number: Mapped[str] = mapped_column(String(64))
    model: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(10), default="ACTIVE")
    key_id: Mapped[str] = mapped_column(String(40), unique=True)
    secret_digest: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime | None]


PAYMENT_STATUSES = ("pending", "approved", "denied", "reversed", "refunded")
ENTRY_MODES = ("CHIP", "CONTACTLESS", "SWIPE", "MANUAL")


class TerminalPayment(IdMixin, CreatedAtMixin, Base):
    """A card-present sale at a terminal: saved `pending` before the processor is asked, then approved
    (captured at once) or denied. `refunded` once refunds reach its whole amount."""

    __tablename__ = "merchant_terminal_payments"
    __table_args__ = (
        CheckConstraint(f"status IN {PAYMENT_STATUSES}", name="status"),
        CheckConstraint(f"entry_mode IN {ENTRY_MODES}", name="entry_mode"),
        # A terminal's receipt reference names one sale: a terminal retrying without an Idempotency-Key
        # cannot charge twice.
        Index("uq_merchant_terminal_payments_terminal_id_reference", "terminal_id", "reference", unique=True),
        Index("ix_merchant_terminal_payments_business_id_created_at", "business_id", "created_at"),
        Index("ix_merchant_terminal_payments_terminal_id_created_at", "terminal_id", "created_at"),
        # A partner's back office searches its companies' payments (the CMS's transaction search).
        Index("ix_merchant_terminal_payments_company_id_created_at", "company_id", "created_at"),
        # What the next cutoff closes: approved sales no settlement took yet.
        Index(
            "ix_merchant_terminal_payments_unsettled",
            "business_id",
            "captured_at",
            postgresql_where=text("settlement_id IS NULL AND captured_at IS NOT NULL"),
        ),
        Index("ix_merchant_terminal_payments_pending", "pending_since", postgresql_where=text("status = 'pending'")),
        # A processor's settlement file names a sale by the processor's reference (back office conciliation).
        Index(
            "ix_merchant_terminal_payments_processor_reference",
            "processor_reference",
            postgresql_where=text("processor_reference IS NOT NULL"),
        ),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_businesses.id"))
    branch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_branches.id"))
    terminal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_terminals.id"))
    reference: Mapped[str] = mapped_column(String(64))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    tip: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    entry_mode: Mapped[str] = mapped_column(String(12))
    card_brand: Mapped[str] = mapped_column(String(20))
    card_last4: Mapped[str] = mapped_column(String(4))
    processor: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    processor_reference: Mapped[str | None] = mapped_column(String(64))
    authorization_code: Mapped[str | None] = mapped_column(String(20))
    decline_code: Mapped[str | None] = mapped_column(String(40))
    refunded_amount: Mapped[Decimal] = mapped_column(MoneyColumn, default=Decimal(0))
    settle_to_card_id: Mapped[uuid.UUID | None]  # a prepaid card of the company (the cards domain's id)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    captured_at: Mapped[datetime | None]
    settlement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("merchant_settlements.id"), index=True)
    created_by: Mapped[str] = mapped_column(String(40))  # "terminal" or "application"
    pending_since: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class TerminalOperation(IdMixin, CreatedAtMixin, Base):
    """A reversal (before the cutoff) or a refund of a terminal payment, saved `pending` before the processor
    is asked, as the sale itself was."""

    __tablename__ = "merchant_terminal_operations"
    __table_args__ = (
        CheckConstraint("kind IN ('reversal', 'refund')", name="kind"),
        CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name="status"),
        # A retried request (same Idempotency-Key) finds the operation it made.
        Index(
            "uq_merchant_terminal_operations_payment_id_request_key",
            "payment_id",
            "request_key",
            unique=True,
            postgresql_where=text("request_key IS NOT NULL"),
        ),
        Index(
            "ix_merchant_terminal_operations_unsettled",
            "business_id",
            "completed_at",
            postgresql_where=text("settlement_id IS NULL AND kind = 'refund' AND status = 'succeeded'"),
        ),
        Index("ix_merchant_terminal_operations_pending", "created_at", postgresql_where=text("status = 'pending'")),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_businesses.id"))
    payment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_terminal_payments.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    failure_code: Mapped[str | None] = mapped_column(String(40))
    processor_reference: Mapped[str | None] = mapped_column(String(64))
    request_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    settlement_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("merchant_settlements.id"), index=True)
    completed_at: Mapped[datetime | None]


SETTLEMENT_STATUSES = ("pending", "settled", "paid_out")


class Settlement(IdMixin, CreatedAtMixin, Base):
    """What one cutoff closed for a business: its lines, their fees, and the net it is owed on
    `settlement_date` (credited to its balance and to the prepaid cards its payments named)."""

    __tablename__ = "merchant_settlements"
    __table_args__ = (
        CheckConstraint(f"status IN {SETTLEMENT_STATUSES}", name="status"),
        Index("ix_merchant_settlements_company_id_cutoff_date", "company_id", "cutoff_date"),
        Index("ix_merchant_settlements_due", "settlement_date", postgresql_where=text("status = 'pending'")),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_businesses.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    cutoff_date: Mapped[date]
    closed_until: Mapped[datetime]  # the instant the cutoff closed: everything before it and unsettled
    settlement_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default="pending")
    gross: Mapped[Decimal] = mapped_column(MoneyColumn)
    fees: Mapped[Decimal] = mapped_column(MoneyColumn)
    net: Mapped[Decimal] = mapped_column(MoneyColumn)
    line_count: Mapped[int]
    pricing_percent: Mapped[Decimal] = mapped_column(Numeric(7, 4))
    pricing_fixed: Mapped[Decimal] = mapped_column(MoneyColumn)
    balance_amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)  # the part credited to the balance
    # What its entry took out of the accounts its lines' money sat in (their gross, per account, when above 0).
    entry_amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    settled_at: Mapped[datetime | None]
    paid_out_at: Mapped[datetime | None]


class SettlementLine(IdMixin, Base):
    """One sale (its gross, the fee, the net) or one refund (negative, no fee) of a settlement: a terminal's, or
    a Payment Link's of a client linked to the business. `account_id` is the ledger account its money sits in
    until the settlement credits it (the business's unsettled account, or the client's merchant account)."""

    __tablename__ = "merchant_settlement_lines"
    __table_args__ = (
        CheckConstraint("kind IN ('payment', 'refund')", name="kind"),
        CheckConstraint(
            "(source = 'terminal' AND payment_id IS NOT NULL) OR (source = 'link' AND link_uid IS NOT NULL)",
            name="source",
        ),
    )

    settlement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_settlements.id"), index=True)
    position: Mapped[int]
    source: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(10))
    payment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("merchant_terminal_payments.id"))
    operation_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("merchant_terminal_operations.id"))
    link_uid: Mapped[str | None] = mapped_column(String(21))
    reference: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime]
    gross: Mapped[Decimal] = mapped_column(MoneyColumn)
    fee: Mapped[Decimal] = mapped_column(MoneyColumn)
    net: Mapped[Decimal] = mapped_column(MoneyColumn)
    settle_to_card_id: Mapped[uuid.UUID | None]
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_accounts.id"))


class SettlementCredit(IdMixin, Base):
    """Where a settlement's net went: the business balance (`card_id` None) or a prepaid card."""

    __tablename__ = "merchant_settlement_credits"

    settlement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_settlements.id"), index=True)
    card_id: Mapped[uuid.UUID | None]
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)


class Payout(IdMixin, CreatedAtMixin, Base):
    """The balance part of a settlement, sent to the business's bank account: in transit from its settlement
    date, paid on its expected arrival date (seed 003: T+1 to T+3)."""

    __tablename__ = "merchant_payouts"
    __table_args__ = (
        CheckConstraint("status IN ('in_transit', 'paid')", name="status"),
        Index("ix_merchant_payouts_due", "expected_date", postgresql_where=text("status = 'in_transit'")),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"))
    business_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_businesses.id"), index=True)
    settlement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("merchant_settlements.id"), unique=True)
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(10), default="in_transit")
    expected_date: Mapped[date]
    bank_name: Mapped[str] = mapped_column(String(120))
    account_number_last4: Mapped[str] = mapped_column(String(4))
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_entries.id"))
    paid_at: Mapped[datetime | None]
