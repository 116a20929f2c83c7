"""The audit trail: one append-only record per CMS mutation and per sensitive read (PCI DSS v4.0.1 10.2)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, SmallInteger, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, IdMixin


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
    status: Mapped[int] = mapped_column(SmallInteger)  # the answer's HTTP status
    outcome: Mapped[str] = mapped_column(String(10))  # success | refused | failed
    origin_ip: Mapped[str] = mapped_column(String(64))
    request_id: Mapped[str] = mapped_column(String(64))
    # What the action changed, as the domain told it ({"status": {"before": …, "after": …}}): never a secret.
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
