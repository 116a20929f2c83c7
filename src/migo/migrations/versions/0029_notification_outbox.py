"""notification outbox

Payment links sent by sms, wa or email are sent by Migo: each such link names its message
(`payment_transactions.notification_id`), a row of the new `notifications` outbox that the worker sends
through the channel's sender and retries. Links created before this were never sent and name none. A message
to a cardholder or an operator (one-time codes) with an email or a phone goes through the same outbox
(`outbound_messages.notification_id`).

Revision ID: 0029_notification_outbox
Revises: 0028_audit_resource_names
Create Date: 2026-11-30 22:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_notification_outbox"
down_revision = "0028_audit_resource_names"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("transport", sa.String(length=20), nullable=True),
        sa.Column("provider_ref", sa.String(length=200), nullable=True),
        sa.Column("failure_reason", sa.String(length=300), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('queued', 'sent', 'failed')", name=op.f("ck_notifications_status")),
        sa.CheckConstraint("channel IN ('email', 'sms', 'wa')", name=op.f("ck_notifications_channel")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index(
        "ix_notifications_queued",
        "notifications",
        ["next_attempt_at"],
        unique=False,
        postgresql_where=sa.text("status = 'queued'"),
    )
    op.add_column("payment_transactions", sa.Column("notification_id", sa.UUID(), nullable=True))
    op.add_column("outbound_messages", sa.Column("notification_id", sa.UUID(), nullable=True))


def downgrade() -> None:
    op.drop_column("outbound_messages", "notification_id")
    op.drop_column("payment_transactions", "notification_id")
    op.drop_index("ix_notifications_queued", table_name="notifications", postgresql_where=sa.text("status = 'queued'"))
    op.drop_table("notifications")
