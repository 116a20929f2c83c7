"""locales

The language a Payment Link's checkout speaks (`payment_transactions.locale`) and a partner's default for its
hosted pages and card statements (`partners.locale`); None: the reader's.

Revision ID: 0036_locales
Revises: 0035_platform_state
Create Date: 2026-12-01 04:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0036_locales"
down_revision = "0035_platform_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("partners", sa.Column("locale", sa.String(12), nullable=True))
    op.add_column("payment_transactions", sa.Column("locale", sa.String(12), nullable=True))


def downgrade() -> None:
    op.drop_column("payment_transactions", "locale")
    op.drop_column("partners", "locale")
