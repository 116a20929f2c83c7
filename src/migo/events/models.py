"""Events: every state change an integrator may hear about, written in the transaction that made it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin


class Event(IdMixin, CreatedAtMixin, Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_company_id_created_at", "company_id", "created_at"),
        Index("ix_events_client_slug_created_at", "client_slug", "created_at"),
    )

    type: Mapped[str] = mapped_column(String(60))
    # Who may hear of it: a card-program company (Gateway) or a merchant client (Middleware).
    company_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"))
    client_slug: Mapped[str | None] = mapped_column(String(100))
    subject_id: Mapped[str] = mapped_column(String(100))
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
