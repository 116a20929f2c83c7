"""payment operations (captures, refunds, voids saved before the processor is called) and the sandbox
processor's records; payment attempts may be pending

Revision ID: 0008_payment_operations
Revises: 0007_ledger_functions_v2
Create Date: 2026-11-30 06:35:57.964351
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0008_payment_operations"
down_revision = "0007_ledger_functions_v2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sandbox_processor_records",
        sa.Column("idempotency_key", sa.String(length=100), nullable=False),
        sa.Column("operation", sa.String(length=12), nullable=False),
        sa.Column("request_digest", sa.LargeBinary(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.Column("payment_reference", sa.String(length=60), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("authorization_code", sa.String(length=12), nullable=True),
        sa.Column("decline_code", sa.String(length=40), nullable=True),
        sa.Column("scenario", sa.String(length=30), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "operation IN ('authorize', 'authenticate', 'capture', 'refund', 'void')",
            name=op.f("ck_sandbox_processor_records_operation"),
        ),
        sa.PrimaryKeyConstraint("idempotency_key", name=op.f("pk_sandbox_processor_records")),
        sa.UniqueConstraint("reference", name=op.f("uq_sandbox_processor_records_reference")),
    )
    op.create_index(
        op.f("ix_sandbox_processor_records_payment_reference"),
        "sandbox_processor_records",
        ["payment_reference"],
        unique=False,
    )
    op.create_table(
        "payment_operations",
        sa.Column("transaction_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.Column("request_key", sa.LargeBinary(), nullable=True),
        sa.Column("processor_reference", sa.String(length=200), nullable=True),
        sa.Column("failure_code", sa.String(length=40), nullable=True),
        sa.Column("hold_id", sa.UUID(), nullable=True),
        sa.Column("entry_id", sa.UUID(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('capture', 'refund', 'void')", name=op.f("ck_payment_operations_kind")),
        sa.CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name=op.f("ck_payment_operations_status")),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payment_operations_positive")),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["ledger_entries.id"], name=op.f("fk_payment_operations_entry_id_ledger_entries")
        ),
        sa.ForeignKeyConstraint(
            ["hold_id"], ["ledger_holds.id"], name=op.f("fk_payment_operations_hold_id_ledger_holds")
        ),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["payment_transactions.id"],
            name=op.f("fk_payment_operations_transaction_id_payment_transactions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_operations")),
    )
    op.create_index(
        "ix_payment_operations_pending",
        "payment_operations",
        ["created_at"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index(
        op.f("ix_payment_operations_transaction_id"), "payment_operations", ["transaction_id"], unique=False
    )
    op.create_index(
        "uq_payment_operations_exclusive",
        "payment_operations",
        ["transaction_id"],
        unique=True,
        postgresql_where=sa.text("status = 'pending' AND kind IN ('capture', 'void')"),
    )
    op.create_index(
        "uq_payment_operations_request_key", "payment_operations", ["transaction_id", "request_key"], unique=True
    )
    # Every refund made so far was confirmed by the processor in its request: a succeeded operation each.
    op.execute(
        "INSERT INTO payment_operations (id, transaction_id, kind, status, amount, reason, processor_reference, "
        "entry_id, resolved_at, created_at) SELECT id, transaction_id, 'refund', 'succeeded', amount, reason, "
        "processor_reference, entry_id, created_at, created_at FROM payment_refunds"
    )
    op.drop_index(op.f("ix_payment_refunds_transaction_id"), table_name="payment_refunds")
    op.drop_table("payment_refunds")
    op.add_column("payment_attempts", sa.Column("pending_since", sa.DateTime(timezone=True), nullable=True))
    op.drop_constraint(op.f("ck_payment_attempts_status"), "payment_attempts", type_="check")
    op.create_check_constraint(
        "status",
        "payment_attempts",
        "status IN ('pending', 'approved', 'authorized', 'declined', 'requires_action', 'abandoned')",
    )
    op.create_index(
        "uq_payment_attempts_in_flight",
        "payment_attempts",
        ["transaction_id"],
        unique=True,
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_index(
        "uq_payment_attempts_in_flight", table_name="payment_attempts", postgresql_where=sa.text("status = 'pending'")
    )
    op.execute("UPDATE payment_attempts SET status = 'abandoned' WHERE status = 'pending'")
    op.drop_constraint(op.f("ck_payment_attempts_status"), "payment_attempts", type_="check")
    op.create_check_constraint(
        "status", "payment_attempts", "status IN ('approved', 'authorized', 'declined', 'requires_action', 'abandoned')"
    )
    op.drop_column("payment_attempts", "pending_since")
    op.create_table(
        "payment_refunds",
        sa.Column("transaction_id", sa.UUID(), autoincrement=False, nullable=False),
        sa.Column("amount", sa.NUMERIC(precision=20, scale=4), autoincrement=False, nullable=False),
        sa.Column("reason", sa.VARCHAR(length=300), autoincrement=False, nullable=True),
        sa.Column("processor_reference", sa.VARCHAR(length=200), autoincrement=False, nullable=True),
        sa.Column("entry_id", sa.UUID(), autoincrement=False, nullable=False),
        sa.Column("id", sa.UUID(), autoincrement=False, nullable=False),
        sa.Column("created_at", postgresql.TIMESTAMP(timezone=True), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["ledger_entries.id"], name=op.f("fk_payment_refunds_entry_id_ledger_entries")
        ),
        sa.ForeignKeyConstraint(
            ["transaction_id"],
            ["payment_transactions.id"],
            name=op.f("fk_payment_refunds_transaction_id_payment_transactions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_refunds")),
    )
    op.create_index(op.f("ix_payment_refunds_transaction_id"), "payment_refunds", ["transaction_id"], unique=False)
    op.execute(
        "INSERT INTO payment_refunds (id, transaction_id, amount, reason, processor_reference, entry_id, created_at) "
        "SELECT id, transaction_id, amount, reason, processor_reference, entry_id, created_at FROM payment_operations "
        "WHERE kind = 'refund' AND status = 'succeeded'"
    )
    op.drop_index("uq_payment_operations_request_key", table_name="payment_operations")
    op.drop_index(
        "uq_payment_operations_exclusive",
        table_name="payment_operations",
        postgresql_where=sa.text("status = 'pending' AND kind IN ('capture', 'void')"),
    )
    op.drop_index(op.f("ix_payment_operations_transaction_id"), table_name="payment_operations")
    op.drop_index(
        "ix_payment_operations_pending", table_name="payment_operations", postgresql_where=sa.text("status = 'pending'")
    )
    op.drop_table("payment_operations")
    op.drop_index(op.f("ix_sandbox_processor_records_payment_reference"), table_name="sandbox_processor_records")
    op.drop_table("sandbox_processor_records")
