"""ledger and card transfer functions v2: the same contracts, with plans PostgreSQL keeps

Revision ID: 0007_ledger_functions_v2
Revises: 0006_card_transfer_function
Create Date: 2026-11-26 14:40:00
"""

from __future__ import annotations

from importlib.resources import files

from alembic import op

revision = "0007_ledger_functions_v2"
down_revision = "0006_card_transfer_function"
branch_labels = None
depends_on = None

FUNCTIONS = [("migo.ledger", "ledger_functions_v2.sql"), ("migo.cards", "cards_functions_v2.sql")]


def upgrade() -> None:
    driver = op.get_bind().connection.driver_connection
    for package, name in FUNCTIONS:
        driver.execute((files(package) / "sql" / name).read_text())


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS cards_transfer_v2")
    op.execute("DROP FUNCTION IF EXISTS ledger_post_entry_v2")
