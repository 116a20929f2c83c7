"""Webhooks: the endpoints integrators register, a delivery per (event, endpoint) with its attempts, and the
notices Migo receives from card and acquiring processors."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin

ENDPOINT_STATUSES = ("enabled", "paused", "disabled", "deleted")
DELIVERY_STATUSES = ("pending", "delivered", "failed")


class WebhookEndpoint(IdMixin, CreatedAtMixin, Base):
    """Where an integrator wants to hear of events: a merchant client's (Middleware) or a company's (Gateway)."""

    __tablename__ = "webhook_endpoints"
    __table_args__ = (
        CheckConstraint(f"status IN {ENDPOINT_STATUSES}", name="status"),
        CheckConstraint("(client_slug IS NULL) <> (company_id IS NULL)", name="one_owner"),
        Index("ix_webhook_endpoints_client_slug", "client_slug"),
        Index("ix_webhook_endpoints_company_id", "company_id"),
    )

    client_slug: Mapped[str | None] = mapped_column(String(100))
    company_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"))
    url: Mapped[str] = mapped_column(String(2000))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(60)))  # ["*"] for all
    auth_header_name: Mapped[str | None] = mapped_column(String(100))
    auth_header_value_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    signing_secret_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    # After a rotation the old secret keeps signing beside the new one for 24 hours.
    previous_secret_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    previous_secret_expires_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(10), default="enabled")
    disabled_reason: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(200))
    # The merchant's own body for its callbacks (body_templates); None: the flat body.
    body_template: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None]


class WebhookDelivery(IdMixin, CreatedAtMixin, Base):
    """One event for one endpoint: the job the dispatcher runs until a 2xx, a 410, or 7 days."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        CheckConstraint(f"status IN {DELIVERY_STATUSES}", name="status"),
        # The dispatcher's queue: due pending deliveries, oldest first.
        Index("ix_webhook_deliveries_due", "next_attempt_at", postgresql_where="status = 'pending'"),
        Index("ix_webhook_deliveries_endpoint_id_created_at", "endpoint_id", "created_at"),
        Index("ix_webhook_deliveries_event_id", "event_id"),
    )

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("events.id"))
    endpoint_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_endpoints.id"))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    next_attempt_at: Mapped[datetime]
    last_status_code: Mapped[int | None] = mapped_column(SmallInteger)
    delivered_at: Mapped[datetime | None]
    replay: Mapped[bool] = mapped_column(default=False)


class WebhookAttempt(IdMixin, Base):
    """The delivery log: every attempt with its answer (or the reason there was none)."""

    __tablename__ = "webhook_attempts"

    delivery_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("webhook_deliveries.id"), index=True)
    attempted_at: Mapped[datetime]
    status_code: Mapped[int | None] = mapped_column(SmallInteger)
    latency_ms: Mapped[int]
    response_excerpt: Mapped[str | None] = mapped_column(String(500))
    error: Mapped[str | None] = mapped_column(String(200))


class InboundNotice(IdMixin, CreatedAtMixin, Base):
    """A notice a processor sent us, stored raw before anything is applied; its id makes it apply once."""

    __tablename__ = "webhook_inbound_notices"
    __table_args__ = (
        UniqueConstraint("source", "notice_id"),
        # The ledger's verification reads the notices that made entries in entry order.
        Index(
            "ix_webhook_inbound_notices_source_entry_id",
            "source",
            "entry_id",
            postgresql_where=text("entry_id IS NOT NULL"),
        ),
    )

    source: Mapped[str] = mapped_column(String(20))  # volcan | settlements
    notice_id: Mapped[str] = mapped_column(String(100))
    raw_body: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB)
    outcome: Mapped[str] = mapped_column(String(60))  # approved | cleared | applied | rejected:<reason> | …
    entry_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("ledger_entries.id"))
