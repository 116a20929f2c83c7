"""platform state

The platform's own facts, kept in its database (issue 19): the fingerprint of the master secret its data is
sealed with (an HMAC, never the secret), so a command run with another secret, or none, refuses instead of
generating a new one; and the public URL `migo up` serves under, which a later `migo sandbox` reports.

Revision ID: 0035_platform_state
Revises: 0034_custom_keys_templates
Create Date: 2026-12-01 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0035_platform_state"
down_revision = "0034_custom_keys_templates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_state",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("platform_state")
