"""SQL functions under stable names, one current definition per domain; the card-status rules once; loads and
unloads in one round trip

The versioned functions (ledger_*_v1, ledger_post_entry_v2, cards_transfer_v1/_v2) give way to stable names
installed from frozen copies. Processes of the previous release call the versioned names: stop them before
this upgrade.

Revision ID: 0009_stable_sql_functions
Revises: 0008_payment_operations
"""

from __future__ import annotations

from alembic import op

from migo.platform.migrations import run_frozen_sql

revision = "0009_stable_sql_functions"
down_revision = "0008_payment_operations"
branch_labels = None
depends_on = None

# Frozen copies of the domains' SQL functions, written by `migo db revision --sql`.
FUNCTIONS = ["0009_ledger_functions.sql", "0009_cards_functions.sql"]
VERSIONED = [
    "cards_transfer_v1",
    "cards_transfer_v2",
    "ledger_post_entry_v1",
    "ledger_post_entry_v2",
    "ledger_place_hold_v1",
    "ledger_void_hold_v1",
]


def upgrade() -> None:
    for name in FUNCTIONS:
        run_frozen_sql(name)
    # The immutability triggers now run the stable ledger_refuse_change (created with them above).
    op.execute("DROP TRIGGER ledger_entries_immutable_v1 ON ledger_entries")
    op.execute("DROP TRIGGER ledger_postings_immutable_v1 ON ledger_postings")
    op.execute(f"DROP FUNCTION {', '.join(VERSIONED)}, ledger_refuse_change_v1")


def downgrade() -> None:
    op.execute("DROP TRIGGER ledger_entries_immutable ON ledger_entries")
    op.execute("DROP TRIGGER ledger_postings_immutable ON ledger_postings")
    op.execute(
        "DROP FUNCTION cards_move_funds, cards_transfer, cards_movement_refusal, ledger_post_entry, "
        "ledger_place_hold, ledger_void_hold, ledger_refuse_change"
    )
    for name in [
        "0002_ledger_functions.sql",
        "0006_cards_functions.sql",
        "0007_ledger_functions.sql",
        "0007_cards_functions.sql",
    ]:
        run_frozen_sql(name)
