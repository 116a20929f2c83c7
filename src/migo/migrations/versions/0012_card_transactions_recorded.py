"""Card transactions recorded in one place

Revision ID: 0012_card_transactions_recorded
Revises: 0011_sandbox_processor_cancel
"""

from __future__ import annotations

from migo.platform.migrations import run_frozen_sql

revision = "0012_card_transactions_recorded"
down_revision = "0011_sandbox_processor_cancel"
branch_labels = None
depends_on = None

# Frozen copies of the domains' SQL functions, written by `migo db revision --sql`.
FUNCTIONS = ["0012_cards_functions.sql"]
PREVIOUS = ["0009_cards_functions.sql"]  # what a downgrade puts back (functions this revision added stay)


def upgrade() -> None:
    for name in FUNCTIONS:
        run_frozen_sql(name)


def downgrade() -> None:
    for name in PREVIOUS:
        run_frozen_sql(name)
