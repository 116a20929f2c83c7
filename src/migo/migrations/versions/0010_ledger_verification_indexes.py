"""Indexes for the ledger verification: captures, operations and inbound notices in entry order

Revision ID: 0010_ledger_verification_indexes
Revises: 0009_stable_sql_functions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_ledger_verification_indexes"
down_revision = "0009_stable_sql_functions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_payment_operations_entry_id",
        "payment_operations",
        ["entry_id"],
        postgresql_where=sa.text("entry_id IS NOT NULL"),
    )
    op.create_index(
        "ix_payment_transactions_capture_entry_id",
        "payment_transactions",
        ["capture_entry_id"],
        postgresql_where=sa.text("capture_entry_id IS NOT NULL"),
    )
    op.create_index(
        "ix_webhook_inbound_notices_source_entry_id",
        "webhook_inbound_notices",
        ["source", "entry_id"],
        postgresql_where=sa.text("entry_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_webhook_inbound_notices_source_entry_id", table_name="webhook_inbound_notices")
    op.drop_index("ix_payment_transactions_capture_entry_id", table_name="payment_transactions")
    op.drop_index("ix_payment_operations_entry_id", table_name="payment_operations")
