"""ledger and card transfer functions v2: the same contracts, with plans PostgreSQL keeps

Revision ID: 0007_ledger_functions_v2
Revises: 0006_card_transfer_function
Create Date: 2026-11-26 14:40:00
"""

from __future__ import annotations

from alembic import op

from migo.platform.migrations import run_frozen_sql

revision = "0007_ledger_functions_v2"
down_revision = "0006_card_transfer_function"
branch_labels = None
depends_on = None

FUNCTIONS = ["0007_ledger_functions.sql", "0007_cards_functions.sql"]  # frozen copies


def upgrade() -> None:
    for name in FUNCTIONS:
        run_frozen_sql(name)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS cards_transfer_v2")
    op.execute("DROP FUNCTION IF EXISTS ledger_post_entry_v2")
