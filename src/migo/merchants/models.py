"""Merchant onboarding: leads, their KYC documents, and the businesses approved leads become."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, LargeBinary, Numeric, String
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
