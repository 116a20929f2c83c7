"""Who may call Migo: tenants (partners, companies), applications and their credentials, users, operators."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, false, text
from sqlalchemy.orm import Mapped, mapped_column

from migo.platform.db import Base, CreatedAtMixin, IdMixin
from migo.platform.money import MoneyColumn


class Partner(IdMixin, CreatedAtMixin, Base):
    """A CMS tenant: an authorized Migo partner that manages one or more companies."""

    __tablename__ = "partners"
    __table_args__ = (Index("uq_partners_platform", "platform", unique=True, postgresql_where=text("platform")),)

    name: Mapped[str] = mapped_column(String(200))
    # The platform's own partner (at most one): its operators are global, acting on every partner.
    platform: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Seed 003: wallet and CMS user-token lifetimes are configured per partner.
    user_access_ttl_seconds: Mapped[int]
    user_refresh_ttl_seconds: Mapped[int]
    operator_access_ttl_seconds: Mapped[int]
    operator_refresh_ttl_seconds: Mapped[int]
    # The language its hosted pages and card statements speak by default (`es`, `en`); None: the reader's.
    locale: Mapped[str | None] = mapped_column(String(12))


class Company(IdMixin, CreatedAtMixin, Base):
    """A tenant of the card program: its cardholders, cards and funds belong to it."""

    __tablename__ = "companies"

    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))


class Application(IdMixin, CreatedAtMixin, Base):
    """A registered integration: a Gateway app (of a company), a CMS app (of a partner), or a Middleware
    app (of a merchant client slug)."""

    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint("kind IN ('gateway', 'cms', 'middleware')", name="kind"),
        CheckConstraint("hook_min_amount <= hook_max_amount", name="hook_amount_range"),
        CheckConstraint(
            "(kind = 'gateway' AND company_id IS NOT NULL) OR (kind = 'cms' AND partner_id IS NOT NULL) "
            "OR (kind = 'middleware' AND client_slug IS NOT NULL)",
            name="tenant",
        ),
    )

    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"), index=True)
    company_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"), index=True)
    client_slug: Mapped[str | None] = mapped_column(String(100), index=True)
    client_id: Mapped[str] = mapped_column(String(100), unique=True)
    client_secret_hash: Mapped[str] = mapped_column(String(200))
    # Middleware body credentials (seed 002 `/transactions-hook`); the private key kept as a keyed digest.
    public_key: Mapped[str | None] = mapped_column(String(100), unique=True)
    private_key_digest: Mapped[bytes | None] = mapped_column(LargeBinary)
    # What links the key pair may create, inside its client's range (seed 002: a pair living in a browser is
    # scoped "to the specific client and amount range you need so that exposure is bounded"); None: the
    # client's own bound.
    hook_min_amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    hook_max_amount: Mapped[Decimal | None] = mapped_column(MoneyColumn)
    status: Mapped[str] = mapped_column(String(20), default="active")


class SigningKey(CreatedAtMixin, Base):
    """A key an application signs money-moving requests with: an HMAC secret (kept encrypted, since the
    server must recompute the MAC) or an Ed25519 public key."""

    __tablename__ = "signing_keys"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    algorithm: Mapped[str] = mapped_column(String(20))
    secret_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class TokenFamily(IdMixin, CreatedAtMixin, Base):
    """One sign-in and every token rotated from it. Revoking it ends the session: its refresh tokens stop
    working at once, and so do its cardholder and operator access tokens (checked on every call)."""

    __tablename__ = "token_families"
    __table_args__ = (Index("ix_token_families_subject", "subject_kind", "subject_id"),)

    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[uuid.UUID]
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    revoked_at: Mapped[datetime | None]
    # refresh_token_reuse | password_reset | operator_disabled | cardholder_blocked
    revoked_reason: Mapped[str | None] = mapped_column(String(30))


class DashboardSession(IdMixin, CreatedAtMixin, Base):
    """An operator signed in to the web dashboard (dashboard_sessions.py). The browser's cookie holds a random
    token; the row keeps its keyed digest only."""

    __tablename__ = "dashboard_sessions"

    token_digest: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    operator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("operators.id"), index=True)
    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"))
    # The partner a platform (global) operator is looking at; None: its own.
    viewing_partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"))
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    # signed_out | signed_out_everywhere | idle | expired | password_reset | operator_disabled
    ended_reason: Mapped[str | None] = mapped_column(String(30))
    origin_ip: Mapped[str] = mapped_column(String(45))
    user_agent: Mapped[str] = mapped_column(String(300))


class SignatureUse(Base):
    """A request signature already accepted, kept for the timestamp tolerance: a replay is refused."""

    __tablename__ = "signature_uses"

    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    signature_digest: Mapped[bytes] = mapped_column(LargeBinary, primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)


class RefreshToken(IdMixin, CreatedAtMixin, Base):
    """A single-use refresh token. Every rotation stays in its family; reusing a spent one revokes it all."""

    __tablename__ = "refresh_tokens"

    family_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("token_families.id"), index=True)
    subject_kind: Mapped[str] = mapped_column(String(20))  # app | user | operator
    subject_id: Mapped[uuid.UUID]
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"))
    token_digest: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class MerchantToken(IdMixin, CreatedAtMixin, Base):
    """An opaque Middleware merchant token (seed 002), stored as a keyed digest."""

    __tablename__ = "merchant_tokens"

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    token_digest: Mapped[bytes] = mapped_column(LargeBinary, unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    revoked_at: Mapped[datetime | None]


class User(IdMixin, CreatedAtMixin, Base):
    """A cardholder in a company's environment."""

    __tablename__ = "users"
    __table_args__ = (
        Index("uq_users_company_username", "company_id", text("lower(username)"), unique=True),
        # A bulk upload looks each line's email and document number up among the company's cardholders.
        Index("ix_users_company_email", "company_id", text("lower(email)")),
        Index("ix_users_company_document_number", "company_id", "document_number"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("companies.id"), index=True)
    username: Mapped[str] = mapped_column(String(254))  # defaults to the email, which may be this long
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default="active")
    updated_at: Mapped[datetime | None]
    document_type: Mapped[str | None] = mapped_column(String(20))
    document_number: Mapped[str | None] = mapped_column(String(40))
    birth_date: Mapped[date | None]
    # The company's own id for the cardholder (a back-office batch line carries it), searchable.
    external_id: Mapped[str | None] = mapped_column(String(100))
    # Seed 004's two registration modes: the cardholder signs up with a password (SELF), or the company
    # registers them and they set the password through the OTP flow (COMPANY).
    registration_mode: Mapped[str] = mapped_column(String(10), default="SELF", server_default="SELF")
    # A back-office operator's block (status `disabled` meanwhile): since when and why, until it is lifted.
    blocked_at: Mapped[datetime | None]
    block_reason: Mapped[str | None] = mapped_column(String(300))


class OtpCode(IdMixin, CreatedAtMixin, Base):
    """A one-time code of a cardholder or of a back-office operator (one of the two)."""

    __tablename__ = "otp_codes"
    __table_args__ = (CheckConstraint("num_nonnulls(user_id, operator_id) = 1", name="holder"),)

    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    operator_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("operators.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    code_digest: Mapped[bytes] = mapped_column(LargeBinary)
    attempts: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class OutboundMessage(IdMixin, CreatedAtMixin, Base):
    """A message to a person (OTP codes, notices): the tenant's record of it, which the sandbox outbox shows.
    One to an email or a phone is sent by the notifications outbox (`notification_id`), whose status it shows;
    one to a holder with neither is settled by a job of its own (`status`). Its body is kept in the sandbox only.
    A cardholder's message belongs to its company, an operator's to its partner."""

    __tablename__ = "outbound_messages"
    __table_args__ = (CheckConstraint("num_nonnulls(company_id, partner_id) = 1", name="tenant"),)

    company_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("companies.id"), index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"), index=True)
    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"), index=True)
    operator_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("operators.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    # AES-GCM: a body may carry a one-time code.
    body_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    delivered_at: Mapped[datetime | None]
    failure_reason: Mapped[str | None] = mapped_column(String(300))
    notification_id: Mapped[uuid.UUID | None]


class Operator(IdMixin, CreatedAtMixin, Base):
    """A back-office user of a partner. Invited without a password, it sets one with a one-time code sent to
    its email, and is active from then on."""

    __tablename__ = "operators"
    __table_args__ = (
        Index("uq_operators_partner_username", "partner_id", text("lower(username)"), unique=True),
        CheckConstraint("status IN ('invited', 'active', 'disabled')", name="status"),
    )

    partner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("partners.id"), index=True)
    # Set: the operator acts for this one Payment Link client of its partner (a merchant's dashboard user).
    client_slug: Mapped[str | None] = mapped_column(String(100))
    username: Mapped[str] = mapped_column(String(150))
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))  # None for operators made before it was asked for
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None until an invited operator sets it
    status: Mapped[str] = mapped_column(String(20), default="active")
    updated_at: Mapped[datetime | None]


class Permission(Base):
    __tablename__ = "permissions"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    description: Mapped[str] = mapped_column(String(300))


class Role(IdMixin, CreatedAtMixin, Base):
    """A named set of permissions; system roles (no partner) are offered to every partner."""

    __tablename__ = "roles"
    __table_args__ = (Index("uq_roles_partner_name", text("coalesce(partner_id::text, '')"), "name", unique=True),)

    partner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partners.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(300))


class RolePermission(Base):
    __tablename__ = "role_permissions"

    role_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True)
    permission: Mapped[str] = mapped_column(ForeignKey("permissions.code"), primary_key=True)


class OperatorRole(Base):
    __tablename__ = "operator_roles"

    operator_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("operators.id", ondelete="CASCADE"), primary_key=True)
    role_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("roles.id"), primary_key=True)
