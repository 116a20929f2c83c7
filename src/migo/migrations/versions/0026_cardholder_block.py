"""cardholder block and card stock batches

A cardholder blocked by a back-office operator keeps when and why (`users.blocked_at`, `block_reason`); each
card its block blocked is marked (`cards.blocked_with_holder`) so that lifting the block unblocks exactly those.
Every print run of card stock is a `card_stock_batches` row its cards name, so its embossing file can be
produced again. Cards printed before this have no batch.

Revision ID: 0026_cardholder_block
Revises: 0025_operator_scopes
Create Date: 2026-12-01 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0026_cardholder_block"
down_revision = "0025_operator_scopes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("users", sa.Column("block_reason", sa.String(length=300), nullable=True))

    op.create_table(
        "card_stock_batches",
        sa.Column("company_id", sa.UUID(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("embossed_name", sa.String(length=26), nullable=True),
        sa.Column("actor_kind", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_card_stock_batches_company_id_companies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_stock_batches")),
    )
    op.create_index(
        "ix_card_stock_batches_company_id_created_at", "card_stock_batches", ["company_id", "created_at"], unique=False
    )

    op.add_column("cards", sa.Column("stock_batch_id", sa.UUID(), nullable=True))
    op.add_column("cards", sa.Column("blocked_with_holder", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index(op.f("ix_cards_stock_batch_id"), "cards", ["stock_batch_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_cards_stock_batch_id_card_stock_batches"), "cards", "card_stock_batches", ["stock_batch_id"], ["id"]
    )


def downgrade() -> None:
    # A cardholder blocked now stays disabled (the older schema has no block to lift), its cards blocked.
    op.drop_constraint(op.f("fk_cards_stock_batch_id_card_stock_batches"), "cards", type_="foreignkey")
    op.drop_index(op.f("ix_cards_stock_batch_id"), table_name="cards")
    op.drop_column("cards", "blocked_with_holder")
    op.drop_column("cards", "stock_batch_id")

    op.drop_index("ix_card_stock_batches_company_id_created_at", table_name="card_stock_batches")
    op.drop_table("card_stock_batches")

    op.drop_column("users", "block_reason")
    op.drop_column("users", "blocked_at")
