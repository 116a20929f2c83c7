"""card transfer function: the card-to-card transfer in one round trip

Revision ID: 0006_card_transfer_function
Revises: 0005_webhooks
Create Date: 2026-11-26 11:05:00
"""

from __future__ import annotations

from alembic import op

from migo.platform.migrations import run_frozen_sql

revision = "0006_card_transfer_function"
down_revision = "0005_webhooks"
branch_labels = None
depends_on = None

FUNCTIONS = "0006_cards_functions.sql"  # a frozen copy


def upgrade() -> None:
    run_frozen_sql(FUNCTIONS)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS cards_transfer_v1")
