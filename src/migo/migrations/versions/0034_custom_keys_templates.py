"""custom keys in templates

seed 002: customKeys are "available to webview templates and to Generic Callback templates". A Payment Link
client chooses which customKeys its checkout shows (`checkout_fields`, label and key, none by default), and a
webhook endpoint may carry its own callback body template (null: the flat body, as before).

Revision ID: 0034_custom_keys_templates
Revises: 0031_dashboard_sessions
Create Date: 2026-12-01 03:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0034_custom_keys_templates"
down_revision = "0031_dashboard_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "payment_clients",
        sa.Column(
            "checkout_fields",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
    )
    op.add_column("webhook_endpoints", sa.Column("body_template", sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column("webhook_endpoints", "body_template")
    op.drop_column("payment_clients", "checkout_fields")
