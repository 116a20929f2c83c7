"""conciliation of processor settlement files

A conciliation is a batch of platform.batches (its lines and progress are there) with the processor and, once
done, the period the file covers; each well-formed line's outcome is kept under its batch and line, and our
captures the file lacks (missing on their side) under the batch and the payment, so a chunk conciliated again
writes nothing twice. Payment Links and terminal payments get an index on the processor's reference (what a
file names a payment by; partial: a payment gets one only once a processor answers), and links one on the
processor and capture time (what the processor captured in the file's period).

Revision ID: 0023_conciliation
Revises: 0022_cardholder_batches
Create Date: 2026-11-30 15:07:48.113555
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_conciliation"
down_revision = "0022_cardholder_batches"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conciliations",
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column("partner_id", sa.UUID(), nullable=False),
        sa.Column("processor", sa.String(length=40), nullable=False),
        sa.Column("settled_from", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"], name=op.f("fk_conciliations_batch_id_batches")),
        sa.ForeignKeyConstraint(["partner_id"], ["partners.id"], name=op.f("fk_conciliations_partner_id_partners")),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_conciliations")),
    )
    op.create_index(op.f("ix_conciliations_partner_id"), "conciliations", ["partner_id"], unique=False)
    op.create_table(
        "conciliation_gaps",
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("payment_id", sa.String(length=40), nullable=False),
        sa.Column("processor_reference", sa.String(length=200), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["conciliations.batch_id"], name=op.f("fk_conciliation_gaps_batch_id_conciliations")
        ),
        sa.PrimaryKeyConstraint("batch_id", "channel", "payment_id", name=op.f("pk_conciliation_gaps")),
    )
    op.create_table(
        "conciliation_lines",
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("processor_reference", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("amount", sa.Numeric(precision=20, scale=4), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=True),
        sa.Column("payment_id", sa.String(length=40), nullable=True),
        sa.Column("our_amount", sa.Numeric(precision=20, scale=4), nullable=True),
        sa.Column("our_currency", sa.String(length=3), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('matched', 'amount_mismatch', 'missing_on_our_side')",
            name=op.f("ck_conciliation_lines_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["conciliations.batch_id"], name=op.f("fk_conciliation_lines_batch_id_conciliations")
        ),
        sa.PrimaryKeyConstraint("batch_id", "line", name=op.f("pk_conciliation_lines")),
    )
    op.create_index(
        "ix_merchant_terminal_payments_processor_reference",
        "merchant_terminal_payments",
        ["processor_reference"],
        unique=False,
        postgresql_where=sa.text("processor_reference IS NOT NULL"),
    )
    op.create_index(
        "ix_payment_transactions_processor_captured_at",
        "payment_transactions",
        ["processor", "captured_at"],
        unique=False,
        postgresql_where=sa.text("captured_at IS NOT NULL"),
    )
    op.create_index(
        "ix_payment_transactions_processor_reference",
        "payment_transactions",
        ["processor_reference"],
        unique=False,
        postgresql_where=sa.text("processor_reference IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_payment_transactions_processor_reference",
        table_name="payment_transactions",
        postgresql_where=sa.text("processor_reference IS NOT NULL"),
    )
    op.drop_index(
        "ix_payment_transactions_processor_captured_at",
        table_name="payment_transactions",
        postgresql_where=sa.text("captured_at IS NOT NULL"),
    )
    op.drop_index(
        "ix_merchant_terminal_payments_processor_reference",
        table_name="merchant_terminal_payments",
        postgresql_where=sa.text("processor_reference IS NOT NULL"),
    )
    op.drop_table("conciliation_lines")
    op.drop_table("conciliation_gaps")
    op.drop_index(op.f("ix_conciliations_partner_id"), table_name="conciliations")
    op.drop_table("conciliations")
