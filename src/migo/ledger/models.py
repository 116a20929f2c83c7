"""Double-entry accounts, immutable journal entries and their postings, and holds.

Every balance lives on its account row and moves only with a posting, in the same transaction. Postings of an
entry sum to zero per currency, so the balances of all accounts of a currency always sum to zero: money
enters the platform through accounts allowed to go negative (bank clearing) and is held in accounts that
may not (cards, funding, merchant balances).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Identity, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin
from migo.platform.money import MoneyColumn


class Account(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "ledger_accounts"
    __table_args__ = (
        CheckConstraint("allow_negative OR balance - held >= 0", name="non_negative"),
        CheckConstraint("held >= 0", name="held_non_negative"),
        Index("ix_ledger_accounts_company_kind", "company_id", "kind"),
    )

    company_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"))
    kind: Mapped[str] = mapped_column(String(30))
    currency: Mapped[str] = mapped_column(String(3))
    allow_negative: Mapped[bool] = mapped_column(default=False)
    balance: Mapped[Decimal] = mapped_column(MoneyColumn, default=Decimal(0))
    held: Mapped[Decimal] = mapped_column(MoneyColumn, default=Decimal(0))


class Entry(IdMixin, CreatedAtMixin, Base):
    """An immutable journal entry; `reference` makes applying it idempotent (at most once)."""

    __tablename__ = "ledger_entries"

    reference: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(String(300))
    reverses_entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)


class Posting(Base):
    __tablename__ = "ledger_postings"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="non_zero"),
        Index("ix_ledger_postings_account_id_id", "account_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    entry_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_entries.id"), index=True)
    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_accounts.id"))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)  # signed: positive raises the balance
    currency: Mapped[str] = mapped_column(String(3))
    balance_after: Mapped[Decimal] = mapped_column(MoneyColumn)
    created_at: Mapped[datetime]


class Hold(IdMixin, CreatedAtMixin, Base):
    """Reserved available balance (an authorization): posted into an entry, or voided."""

    __tablename__ = "ledger_holds"
    __table_args__ = (
        CheckConstraint("amount > 0", name="positive"),
        CheckConstraint("status IN ('pending', 'posted', 'voided')", name="status"),
    )

    account_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ledger_accounts.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    reference: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
    resolved_at: Mapped[datetime | None]
