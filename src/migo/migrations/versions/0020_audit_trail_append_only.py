"""audit trail append only

Revision ID: 0020_audit_trail_append_only
Revises: 0019_audit_trail
"""

from __future__ import annotations

from migo.platform.migrations import run_frozen_sql

revision = "0020_audit_trail_append_only"
down_revision = "0019_audit_trail"
branch_labels = None
depends_on = None

# Frozen copies of the domains' SQL functions, written by `migo db revision --sql`.
FUNCTIONS = ["0020_backoffice_functions.sql"]
PREVIOUS = []  # what a downgrade puts back (functions this revision added stay)


def upgrade() -> None:
    for name in FUNCTIONS:
        run_frozen_sql(name)


def downgrade() -> None:
    for name in PREVIOUS:
        run_frozen_sql(name)
