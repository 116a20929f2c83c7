"""audit resource names

An audit record keeps the human name of the resource its call acted on (an operator's username, a role's or a
partner's name, a lead's business name, an uploaded file's name), so that the trail's `searchText` finds it by
name. The name is the one the resource had when the call was made: records are append-only, and a later rename
does not rewrite them. Records kept before this have none (their ids still find them). Adding a column fires no
row trigger: the append-only triggers stay as they are.

Revision ID: 0028_audit_resource_names
Revises: 0027_card_stock_progress
Create Date: 2026-11-30 22:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_audit_resource_names"
down_revision = "0027_card_stock_progress"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_records", sa.Column("resource_name", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # The names go with the column; the records themselves, and their ids, stay.
    op.drop_column("audit_records", "resource_name")
