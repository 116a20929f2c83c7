"""operator scopes

An operator's scope: one partner (as until now), the platform (an operator of the platform's own partner acts
on every partner), or one Payment Link client of its partner (a merchant's dashboard user). Partners get the
`platform` flag (at most one has it), operators the client they act for.

Revision ID: 0025_operator_scopes
Revises: 0024_transaction_search
Create Date: 2026-11-30 15:50:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_operator_scopes"
down_revision = "0024_transaction_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("partners", sa.Column("platform", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index("uq_partners_platform", "partners", ["platform"], unique=True, postgresql_where=sa.text("platform"))
    op.add_column("operators", sa.Column("client_slug", sa.String(length=100), nullable=True))


def downgrade() -> None:
    op.drop_column("operators", "client_slug")
    op.drop_index("uq_partners_platform", table_name="partners", postgresql_where=sa.text("platform"))
    op.drop_column("partners", "platform")
