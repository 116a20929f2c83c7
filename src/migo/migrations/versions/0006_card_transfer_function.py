"""card transfer function: the card-to-card transfer in one round trip

Revision ID: 0006_card_transfer_function
Revises: 0005_webhooks
Create Date: 2026-11-26 11:05:00
"""

from __future__ import annotations

from importlib.resources import files

from alembic import op

revision = "0006_card_transfer_function"
down_revision = "0005_webhooks"
branch_labels = None
depends_on = None

FUNCTIONS = "cards_functions_v1.sql"


def upgrade() -> None:
    op.get_bind().connection.driver_connection.execute((files("migo.cards") / "sql" / FUNCTIONS).read_text())


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS cards_transfer_v1")
