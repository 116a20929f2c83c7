"""cardholder block

A cardholder blocked by a back-office operator keeps when and why (`users.blocked_at`, `block_reason`); each
card its block blocked is marked (`cards.blocked_with_holder`) so that lifting the block unblocks exactly those.

Revision ID: 0023_cardholder_block
Revises: 0021_operator_management
Create Date: 2026-12-01 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_cardholder_block"
down_revision = "0021_operator_management"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("users", sa.Column("block_reason", sa.String(length=300), nullable=True))

    op.add_column("cards", sa.Column("blocked_with_holder", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    # A cardholder blocked now stays disabled (the older schema has no block to lift), its cards blocked.
    op.drop_column("cards", "blocked_with_holder")

    op.drop_column("users", "block_reason")
    op.drop_column("users", "blocked_at")
