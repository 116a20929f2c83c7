"""The sandbox processor records technical cancels (a call cancelled by its idempotency key)

Revision ID: 0011_sandbox_processor_cancel
Revises: 0010_ledger_verification_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0011_sandbox_processor_cancel"
down_revision = "0010_ledger_verification_indexes"
branch_labels = None
depends_on = None

_TABLE, _NAME = "sandbox_processor_records", "ck_sandbox_processor_records_operation"


def upgrade() -> None:
    op.drop_constraint(op.f(_NAME), _TABLE, type_="check")
    op.create_check_constraint(
        op.f(_NAME), _TABLE, "operation IN ('authorize', 'authenticate', 'capture', 'refund', 'void', 'cancel')"
    )


def downgrade() -> None:
    op.execute("DELETE FROM sandbox_processor_records WHERE operation = 'cancel'")
    op.drop_constraint(op.f(_NAME), _TABLE, type_="check")
    op.create_check_constraint(
        op.f(_NAME), _TABLE, "operation IN ('authorize', 'authenticate', 'capture', 'refund', 'void')"
    )
