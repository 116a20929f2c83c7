"""transaction search: a partner's companies' terminal payments, newest first

Revision ID: 0024_transaction_search
Revises: 0023_conciliation
"""

from __future__ import annotations

from alembic import op

revision = "0024_transaction_search"
down_revision = "0023_conciliation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The CMS's transaction search reads terminal payments by company (link payments have their client's index,
    # card transactions their company's).
    op.create_index(
        "ix_merchant_terminal_payments_company_id_created_at",
        "merchant_terminal_payments",
        ["company_id", "created_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_merchant_terminal_payments_company_id_created_at", table_name="merchant_terminal_payments")
