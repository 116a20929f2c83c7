"""The outbox: one row per message, its delivery state, and what the provider answered."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin


class Notification(IdMixin, CreatedAtMixin, Base):
    """A message to one recipient. `queued` until a sender accepts it (`sent`) or it fails for good
    (`failed`, with the reason); its body is erased then, outside the sandbox."""

    __tablename__ = "notifications"
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'sent', 'failed')", name="status"),
        CheckConstraint("channel IN ('email', 'sms', 'wa')", name="channel"),
        # The sweep finds what a lost job left queued.
        Index("ix_notifications_queued", "next_attempt_at", postgresql_where=text("status = 'queued'")),
    )

    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    # AES-GCM: a body may carry a one-time code, or a link only its customer should open.
    body_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    # When the message is due (again): its next try, or, while a try is under way, when that try counts as lost.
    next_attempt_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    transport: Mapped[str | None] = mapped_column(String(20))
    provider_ref: Mapped[str | None] = mapped_column(String(200))
    failure_reason: Mapped[str | None] = mapped_column(String(300))
