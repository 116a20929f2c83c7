"""The back office's tables: the audit trail (one append-only record per CMS mutation and per sensitive read,
PCI DSS v4.0.1 10.2), and the conciliations of processor settlement files (each a batch of platform.batches)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, SmallInteger, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.auditing import RESOURCE_NAME_LENGTH
from migo.platform.db import Base, IdMixin
from migo.platform.money import MoneyColumn


class AuditRecord(IdMixin, Base):
    """Who did what to which resource, when, from where, and how it ended. Rows are never changed or deleted
    (a trigger refuses it, as the ledger's entries)."""

    __tablename__ = "audit_records"
    __table_args__ = (
        Index("ix_audit_records_partner_id_at", "partner_id", "at"),
        Index("ix_audit_records_operator_id_at", "operator_id", "at"),
    )

    at: Mapped[datetime]
    partner_id: Mapped[uuid.UUID | None]  # None: a call whose credentials named no partner (refused)
    application_id: Mapped[uuid.UUID | None]
    operator_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(120))  # the operation: `approveLead`, `downloadLeadDocument`
    method: Mapped[str] = mapped_column(String(10))
    route: Mapped[str] = mapped_column(String(300))  # the path template: /cms/rest/leads/{leadId}/approve
    resource: Mapped[dict[str, Any]] = mapped_column(JSONB)  # the path's ids: {"leadId": "…"}
    # The resource's human name as the call left it (a username, a business name), as its router told it: a
    # later rename leaves it as it was. None: the resource has none the trail may keep, or it was not found.
    resource_name: Mapped[str | None] = mapped_column(String(RESOURCE_NAME_LENGTH))
    status: Mapped[int] = mapped_column(SmallInteger)  # the answer's HTTP status
    outcome: Mapped[str] = mapped_column(String(10))  # success | refused | failed
    origin_ip: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[str] = mapped_column(String(64))
    # What the action changed, as the domain told it ({"status": {"before": …, "after": …}}): never a secret.
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSONB)


class Conciliation(Base):
    """A processor's settlement file uploaded by a partner's operator: its batch (whose lines and progress are
    platform.batches'), the processor, and, once every line is conciliated, the settlement period the file
    covers (`closed_at`: the report is complete)."""

    __tablename__ = "conciliations"

    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("batches.id"), primary_key=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    processor: Mapped[str] = mapped_column(String(40))
    settled_from: Mapped[datetime | None]  # the first day of the file's settledAt (UTC), inclusive
    settled_until: Mapped[datetime | None]  # the day after its last, exclusive
    closed_at: Mapped[datetime | None]


CONCILIATION_OUTCOMES = ("matched", "amount_mismatch", "missing_on_our_side")


class ConciliationLine(Base):
    """What one well-formed line of the file came to, keyed by its batch and line so that a chunk conciliated
    again (a worker that died before its chunk was counted) writes the same row, never a second one. `our_*`
    is the payment the reference names (none: missing on our side)."""

    __tablename__ = "conciliation_lines"
    __table_args__ = (CheckConstraint(f"outcome IN {CONCILIATION_OUTCOMES}", name="outcome"),)

    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conciliations.batch_id"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    processor_reference: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10))  # settled | refunded
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    settled_at: Mapped[datetime]
    outcome: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str | None] = mapped_column(String(10))  # link | terminal
    payment_id: Mapped[str | None] = mapped_column(String(40))
    our_amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    our_currency: Mapped[str | None] = mapped_column(String(3))


class ConciliationGap(Base):
    """A payment of ours the processor captured within the file's period that the file does not list (missing
    on their side), found once every line was conciliated; keyed by batch and payment, so finding them again
    adds nothing."""

    __tablename__ = "conciliation_gaps"

    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("conciliations.batch_id"), primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), primary_key=True)
    payment_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    processor_reference: Mapped[str] = mapped_column(String(200))
    amount: Mapped[Decimal] = mapped_column(MoneyColumn)
    currency: Mapped[str] = mapped_column(String(3))
    captured_at: Mapped[datetime]
