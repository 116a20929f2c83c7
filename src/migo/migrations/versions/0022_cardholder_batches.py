"""cardholder batches

Cardholders keep the company's own id for them (`external_id`, which a back-office batch line carries), and the
company's cardholders can be looked up by email and by document number without a scan: a bulk upload checks
every line against both.

Revision ID: 0022_cardholder_batches
Revises: 0021_operator_management
Create Date: 2026-11-30 15:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_cardholder_batches"
down_revision = "0021_operator_management"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("external_id", sa.String(length=100), nullable=True))
    op.create_index("ix_users_company_email", "users", ["company_id", sa.text("lower(email)")], unique=False)
    op.create_index("ix_users_company_document_number", "users", ["company_id", "document_number"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_users_company_document_number", table_name="users")
    op.drop_index("ix_users_company_email", table_name="users")
    op.drop_column("users", "external_id")
