"""operator management

Operators get an email (where an invitation's or a reset's one-time code goes), an `invited` status with no
password until they set one, and `updated_at`. One-time codes and outbound messages, until now a cardholder's
only, may belong to an operator (and its partner) instead: the one OTP mechanism and the one outbox serve both.

The roles and permissions themselves are data that `sync_catalog` brings in line with the code after every
upgrade (the retired `operator` system role included), not this migration.

Revision ID: 0021_operator_management
Revises: 0020_audit_trail_append_only
Create Date: 2026-11-30 13:18:49.255211
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_operator_management"
down_revision = "0020_audit_trail_append_only"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("operators", sa.Column("email", sa.String(length=254), nullable=True))
    op.add_column("operators", sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.alter_column("operators", "password_hash", existing_type=sa.VARCHAR(length=200), nullable=True)
    op.create_check_constraint(op.f("ck_operators_status"), "operators", "status IN ('invited', 'active', 'disabled')")

    op.add_column("otp_codes", sa.Column("operator_id", sa.UUID(), nullable=True))
    op.alter_column("otp_codes", "user_id", existing_type=sa.UUID(), nullable=True)
    op.create_index(op.f("ix_otp_codes_operator_id"), "otp_codes", ["operator_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_otp_codes_operator_id_operators"),
        "otp_codes",
        "operators",
        ["operator_id"],
        ["id"],
        ondelete="CASCADE",
    )
    op.create_check_constraint(op.f("ck_otp_codes_holder"), "otp_codes", "num_nonnulls(user_id, operator_id) = 1")

    op.add_column("outbound_messages", sa.Column("partner_id", sa.UUID(), nullable=True))
    op.add_column("outbound_messages", sa.Column("operator_id", sa.UUID(), nullable=True))
    op.alter_column("outbound_messages", "company_id", existing_type=sa.UUID(), nullable=True)
    op.create_index(op.f("ix_outbound_messages_operator_id"), "outbound_messages", ["operator_id"], unique=False)
    op.create_index(op.f("ix_outbound_messages_partner_id"), "outbound_messages", ["partner_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_outbound_messages_partner_id_partners"), "outbound_messages", "partners", ["partner_id"], ["id"]
    )
    op.create_foreign_key(
        op.f("fk_outbound_messages_operator_id_operators"),
        "outbound_messages",
        "operators",
        ["operator_id"],
        ["id"],
        ondelete="CASCADE",
    )
    op.create_check_constraint(
        op.f("ck_outbound_messages_tenant"), "outbound_messages", "num_nonnulls(company_id, partner_id) = 1"
    )


def downgrade() -> None:
    # The operators' codes and messages have no place in the older schema; an invited operator that never set
    # a password keeps an unusable one (no Argon2 hash verifies against it), disabled.
    op.execute("DELETE FROM otp_codes WHERE operator_id IS NOT NULL")
    op.execute("DELETE FROM outbound_messages WHERE partner_id IS NOT NULL")
    op.execute("UPDATE operators SET password_hash = '!', status = 'disabled' WHERE password_hash IS NULL")

    op.drop_constraint(op.f("ck_outbound_messages_tenant"), "outbound_messages", type_="check")
    op.drop_constraint(op.f("fk_outbound_messages_operator_id_operators"), "outbound_messages", type_="foreignkey")
    op.drop_constraint(op.f("fk_outbound_messages_partner_id_partners"), "outbound_messages", type_="foreignkey")
    op.drop_index(op.f("ix_outbound_messages_partner_id"), table_name="outbound_messages")
    op.drop_index(op.f("ix_outbound_messages_operator_id"), table_name="outbound_messages")
    op.alter_column("outbound_messages", "company_id", existing_type=sa.UUID(), nullable=False)
    op.drop_column("outbound_messages", "operator_id")
    op.drop_column("outbound_messages", "partner_id")

    op.drop_constraint(op.f("ck_otp_codes_holder"), "otp_codes", type_="check")
    op.drop_constraint(op.f("fk_otp_codes_operator_id_operators"), "otp_codes", type_="foreignkey")
    op.drop_index(op.f("ix_otp_codes_operator_id"), table_name="otp_codes")
    op.alter_column("otp_codes", "user_id", existing_type=sa.UUID(), nullable=False)
    op.drop_column("otp_codes", "operator_id")

    op.drop_constraint(op.f("ck_operators_status"), "operators", type_="check")
    op.alter_column("operators", "password_hash", existing_type=sa.VARCHAR(length=200), nullable=False)
    op.drop_column("operators", "updated_at")
    op.drop_column("operators", "email")
