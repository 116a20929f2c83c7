"""card stock progress

A print run counts the cards printed so far: the back office's runs are printed by the worker a committed chunk
at a time, and their progress is polled. Every run made before was printed whole in one transaction.

Revision ID: 0027_card_stock_progress
Revises: 0026_cardholder_block
Create Date: 2026-11-30 16:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027_card_stock_progress"
down_revision = "0026_cardholder_block"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("card_stock_batches", sa.Column("printed", sa.Integer(), nullable=True))
    op.execute("UPDATE card_stock_batches SET printed = count")
    op.alter_column("card_stock_batches", "printed", nullable=False)


def downgrade() -> None:
    op.drop_column("card_stock_batches", "printed")
