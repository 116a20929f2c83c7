"""hook key ranges

A Middleware application's hook key pair may be scoped to an amount range inside its client's (seed 002);
every pair made before keeps the client's whole range (both bounds null).

Revision ID: 0030_hook_key_ranges
Revises: 0029_notification_outbox
Create Date: 2026-11-30 22:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_hook_key_ranges"
down_revision = "0029_notification_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("applications", sa.Column("hook_min_amount", sa.Numeric(20, 4), nullable=True))
    op.add_column("applications", sa.Column("hook_max_amount", sa.Numeric(20, 4), nullable=True))
    op.create_check_constraint(
        op.f("ck_applications_hook_amount_range"), "applications", "hook_min_amount <= hook_max_amount"
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_applications_hook_amount_range"), "applications", type_="check")
    op.drop_column("applications", "hook_max_amount")
    op.drop_column("applications", "hook_min_amount")
