"""dashboard sessions

Operators signed in to the web dashboard: a server-side session per sign-in, its token kept as a keyed digest.

Revision ID: 0031_dashboard_sessions
Revises: 0030_hook_key_ranges
Create Date: 2026-11-30 22:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031_dashboard_sessions"
down_revision = "0030_hook_key_ranges"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dashboard_sessions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("token_digest", sa.LargeBinary(), nullable=False, unique=True),
        sa.Column("operator_id", sa.Uuid(), sa.ForeignKey("operators.id"), nullable=False),
        sa.Column("partner_id", sa.Uuid(), sa.ForeignKey("partners.id"), nullable=False),
        sa.Column("viewing_partner_id", sa.Uuid(), sa.ForeignKey("partners.id"), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_reason", sa.String(30), nullable=True),
        sa.Column("origin_ip", sa.String(45), nullable=False),
        sa.Column("user_agent", sa.String(300), nullable=False),
    )
    op.create_index("ix_dashboard_sessions_operator_id", "dashboard_sessions", ["operator_id"])


def downgrade() -> None:
    op.drop_table("dashboard_sessions")
