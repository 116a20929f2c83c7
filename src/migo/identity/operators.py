"""Back-office operators and RBAC: the permission catalog, system roles, operator sign-in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, literal, select, true
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Password, Secret

from . import tokens
from .access import readable
from .errors import IDENTITY_ERRORS
from .models import Operator, OperatorRole, Partner, Permission, Role, RolePermission
from .passwords import PasswordGate

# The permission catalog: what a role may grant. Later domains add theirs here.
PERMISSIONS: dict[str, str] = {
    "partners.read": "See the partner: its token lifetimes, companies, card programs and applications",
    "partners.manage": "Change the partner's name and token lifetimes; create partners (platform operators only)",
    "clients.read": "See the partner's Payment Link client configurations",
    "clients.manage": "Change the partner's Payment Link client configurations",
    "rbac.read": "See roles and the permission catalog",
    "roles.manage": "Create and change the partner's own roles",
    "operators.read": "See the partner's operators",
    "operators.manage": "Invite operators, change their roles and status, reset their passwords",
    "companies.read": "See the partner's companies",
    "companies.manage": "Provision companies and their card programs",
    "cardholders.read": "See cardholders",
    "cardholders.write": "Create and update cardholders",
    "cardholders.block": "Block and unblock a cardholder's sign-in and cards",
    "cardholders.batch": "Upload cardholder batches",
    "cards.read": "See cards and their movements",
    "cards.block": "Block and unblock cards",
    "cards.manage": "Block, unblock and cancel cards; print card stock",
    # Full card numbers: no built-in role but admin holds it (PCI DSS: need to know).
    "cards.embossing": "Download the embossing file of a card stock batch (full card numbers)",
    "transactions.read": "Look up payments, card transactions and POS payments",
    "payments.refund": "Refund a captured payment",
    "payments.capture": "Capture a two-step authorization (all of it or less)",
    "payment_links.create": "Create Payment Links for the partner's clients (a merchant's user: its client's)",
    "merchants.read": "See merchants: leads and their KYC documents, businesses, branches and terminals",
    "merchants.review": "Approve or reject merchant leads in review (KYC)",
    "merchants.manage": "Onboard merchants and provision terminals",
    "settlements.read": "See settlements and conciliation results",
    "conciliation.upload": "Upload conciliation files",
    "webhooks.read": "See Payment Link clients' webhook endpoints and their delivery logs",
    "webhooks.manage": "Pause, resume and enable webhook endpoints; replay deliveries; send test events",
    "subscriptions.read": "See Payment Link clients' plans and subscriptions with their renewal history",
    "subscriptions.manage": "Cancel subscriptions",
    "audit.read": "Read the audit trail",
}
# Codes no longer in the catalog, and what a role that held one holds instead (sync_catalog applies it).
RETIRED_PERMISSIONS: dict[str, tuple[str, ...]] = {"rbac.manage": ("roles.manage", "operators.manage")}

READ_ONLY = sorted(code for code in PERMISSIONS if code.endswith(".read"))
SYSTEM_ROLES: dict[str, tuple[str, list[str]]] = {
    "admin": ("Every permission of the back office", sorted(PERMISSIONS)),
    "support": (
        "Cardholder care: find cardholders, cards, transactions and leads; block and unblock",
        sorted(
            {
                "companies.read",
                "cardholders.read",
                "cardholders.block",
                "cards.read",
                "cards.block",
                "transactions.read",
                "merchants.read",
                "webhooks.read",  # a merchant's missing callback is a support question
                "subscriptions.read",  # so is a customer's renewal charged or declined
            }
        ),
    ),
    "finance": (
        "Money: settlements, conciliation, transactions, captures and refunds",
        sorted(
            {
                "companies.read",
                "settlements.read",
                "conciliation.upload",
                "transactions.read",
                "payments.refund",
                "payments.capture",
                "payment_links.create",
                "subscriptions.read",
            }
        ),
    ),
    # KYC review apart from day-to-day operations: who approves a merchant is not who runs its cards.
    "compliance": ("Merchant KYC review, with read access to the rest", sorted({*READ_ONLY, "merchants.review"})),
    "viewer": ("Read-only access", READ_ONLY),
}
# What an operator scoped to one Payment Link client may do, whatever its roles grant: act on that client's
# payments, links, webhook endpoints and subscriptions. Everything else of the back office is its partner's,
# outside the client's scope.
CLIENT_PERMISSIONS = frozenset(
    {
        "transactions.read",
        "payments.refund",
        "payments.capture",
        "payment_links.create",
        "webhooks.read",
        "webhooks.manage",
        "subscriptions.read",
        "subscriptions.manage",
    }
)
# System roles no longer offered. Operators holding one keep exactly what it granted: it becomes a role of
# their partner's own, by the same name, which the partner may then change (sync_catalog does it).
RETIRED_ROLES = ("operator",)

LOGIN_GATE = PasswordGate(
    per_ip=Limit("operator-login-ip", attempts=30, window_seconds=300),
    failures_per_account=Limit("operator-login-failures", attempts=5, window_seconds=900),
)


@dataclass(frozen=True)
class OperatorAccess:
    operator: Operator
    roles: list[str]
    permissions: frozenset[str]  # what its roles grant, within its scope
    platform: bool  # an operator of the platform's partner: global


async def sync_catalog(session: AsyncSession) -> None:
    """Make the permission and system-role tables match the catalog above (idempotent; run on every upgrade)."""
    for code, description in PERMISSIONS.items():
        await session.execute(
            insert(Permission)
            .values(code=code, description=description)
            .on_conflict_do_update(index_elements=[Permission.code], set_={"description": description})
        )
    for code, successors in RETIRED_PERMISSIONS.items():
        await _retire_permission(session, code, successors)
    for name, (description, granted) in SYSTEM_ROLES.items():
        role = await session.scalar(select(Role).where(Role.partner_id.is_(None), Role.name == name))
        if role is None:
            role = Role(id=new_id(), partner_id=None, name=name, description=description)
            session.add(role)
            await session.flush()
        role.description = description
        existing = set(
            (await session.scalars(select(RolePermission.permission).where(RolePermission.role_id == role.id))).all()
        )
        for code in set(granted) - existing:
            session.add(RolePermission(role_id=role.id, permission=code))
        for code in existing - set(granted):
            await session.delete(await session.get(RolePermission, (role.id, code)))
    await session.flush()
    for name in RETIRED_ROLES:
        await _retire_system_role(session, name)


async def _retire_permission(session: AsyncSession, code: str, successors: tuple[str, ...]) -> None:
    """Every role that held `code` holds its successors instead; then the code is gone."""
    holders = select(RolePermission.role_id).where(RolePermission.permission == code)
    for successor in successors:
        await session.execute(
            insert(RolePermission)
            .from_select(["role_id", "permission"], holders.add_columns(literal(successor)))
            .on_conflict_do_nothing()
        )
    await session.execute(delete(RolePermission).where(RolePermission.permission == code))
    await session.execute(delete(Permission).where(Permission.code == code))


async def _retire_system_role(session: AsyncSession, name: str) -> None:
    """Hand a retired system role over to each partner whose operators hold it, as the partner's own role with
    the same name and permissions, so that nobody gains or loses anything; then drop it."""
    retired = await session.scalar(select(Role).where(Role.partner_id.is_(None), Role.name == name))
    if retired is None:
        return
    granted = (await permissions_of_roles(session, [retired.id]))[retired.id]
    partner_ids = await session.scalars(
        select(Operator.partner_id)
        .join(OperatorRole, OperatorRole.operator_id == Operator.id)
        .where(OperatorRole.role_id == retired.id)
        .distinct()
    )
    for partner_id in partner_ids.all():
        own = await session.scalar(readable(Role, partner_id).where(Role.name == name, Role.partner_id.is_not(None)))
        if own is None:
            own = Role(id=new_id(), partner_id=partner_id, name=name, description=retired.description)
            session.add(own)
            await session.flush()
            session.add_all(RolePermission(role_id=own.id, permission=code) for code in granted)
        holders = readable(Operator, partner_id).with_only_columns(Operator.id)
        await session.execute(
            insert(OperatorRole)
            .from_select(
                ["operator_id", "role_id"],
                select(OperatorRole.operator_id, literal(own.id)).where(
                    OperatorRole.role_id == retired.id, OperatorRole.operator_id.in_(holders)
                ),
            )
            .on_conflict_do_nothing()
        )
    await session.execute(delete(OperatorRole).where(OperatorRole.role_id == retired.id))
    await session.delete(retired)
    await session.flush()


async def permissions_of_roles(session: AsyncSession, role_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    rows = await session.execute(
        select(RolePermission.role_id, RolePermission.permission)
        .where(RolePermission.role_id.in_(role_ids))
        .order_by(RolePermission.permission)
    )
    granted: dict[uuid.UUID, list[str]] = {role_id: [] for role_id in role_ids}
    for role_id, permission in rows:
        granted[role_id].append(permission)
    return granted


async def create_operator(
    session: AsyncSession,
    partner: Partner,
    *,
    username: str,
    password: Password | None,
    display_name: str,
    roles: list[str],
    email: str | None = None,
    operator_id: uuid.UUID | None = None,
    client_slug: str | None = None,
) -> Operator:
    """An operator of the partner with these roles (system or the partner's own, by name). Without a password
    it is `invited`: it cannot sign in until it sets one with a one-time code. No permission check: the CMS's
    operator management (operator_accounts) applies the grant rule before it calls this."""
    now = clock.now()
    operator = Operator(
        id=operator_id or new_id(),
        partner_id=partner.id,
        client_slug=client_slug,
        username=username,
        display_name=display_name,
        email=email,
        password_hash=await security.hash_secret(password.reveal()) if password is not None else None,
        status="active" if password is not None else "invited",
        created_at=now,
        updated_at=now,
    )
    session.add(operator)
    await session.flush()
    for name in roles:
        role = await session.scalar(readable(Role, partner.id).where(Role.name == name))
        if role is None:
            raise ValueError(f"unknown role {name!r}")
        session.add(OperatorRole(operator_id=operator.id, role_id=role.id))
    await session.flush()
    return operator


async def access_of(
    session: AsyncSession, operator_id: uuid.UUID, partner_id: uuid.UUID, family_id: uuid.UUID | None = None
) -> OperatorAccess:
    """The operator's roles and permissions, read fresh on every call: a revoked role, a disabled operator
    or an ended session stops working at once."""
    query = readable(Operator, partner_id).where(Operator.id == operator_id)
    live = tokens.live_family(family_id) if family_id is not None else true()
    platform = select(Partner.platform).where(Partner.id == partner_id).scalar_subquery()
    found = (await session.execute(query.add_columns(live, platform))).first()
    if found is None:
        raise ApiError(ERRORS.UNAUTHORIZED, "The operator token is not valid, or its session has ended.")
    operator, session_live, is_platform = found
    # Disabled first: disabling also ends the sessions, and the operator is told why it was stopped.
    if operator.status != "active":
        raise ApiError(IDENTITY_ERRORS.OPERATOR_DISABLED)
    if not session_live:
        raise ApiError(ERRORS.UNAUTHORIZED, "The operator token is not valid, or its session has ended.")
    rows = (
        await session.execute(
            select(Role.name, RolePermission.permission)
            .join(OperatorRole, OperatorRole.role_id == Role.id)
            .outerjoin(RolePermission, RolePermission.role_id == Role.id)
            .where(OperatorRole.operator_id == operator_id)
        )
    ).all()
    granted = frozenset(permission for _, permission in rows if permission)
    return OperatorAccess(
        operator=operator,
        roles=sorted({name for name, _ in rows}),
        permissions=granted & CLIENT_PERMISSIONS if operator.client_slug is not None else granted,
        platform=bool(is_platform),
    )


async def _issue_operator_tokens(
    session: AsyncSession, operator: Operator, application_id: uuid.UUID, family_id: uuid.UUID | None = None
) -> tokens.IssuedTokens:
    partner = await session.get(Partner, operator.partner_id)
    assert partner is not None
    return await tokens.issue(
        session,
        subject_id=operator.id,
        kind="operator",
        audience="cms",
        application_id=application_id,
        tenant_id=operator.partner_id,
        access_ttl=partner.operator_access_ttl_seconds,
        refresh_ttl=partner.operator_refresh_ttl_seconds,
        family_id=family_id,
    )


async def login(
    session: AsyncSession,
    *,
    partner_id: uuid.UUID,
    application_id: uuid.UUID,
    username: str,
    password: Password,
    client_ip: str,
) -> tokens.IssuedTokens:
    operator = await authenticate(
        session, partner_id=partner_id, username=username, password=password, client_ip=client_ip
    )
    return await _issue_operator_tokens(session, operator, application_id)


async def authenticate(
    session: AsyncSession, *, partner_id: uuid.UUID, username: str, password: Password, client_ip: str
) -> Operator:
    """The partner's active operator of this username and password, within LOGIN_GATE's limits (the API's
    sign-in and the dashboard's share them)."""
    operator = await session.scalar(
        readable(Operator, partner_id).where(func.lower(Operator.username) == username.lower())
    )
    await LOGIN_GATE.verify(
        client_ip=client_ip,
        account=f"{partner_id}:{username.lower()}",
        stored_hash=operator.password_hash if operator else None,
        password=password,
    )
    assert operator is not None
    if operator.status != "active":
        raise ApiError(IDENTITY_ERRORS.OPERATOR_DISABLED)
    return operator


async def refresh(session: AsyncSession, *, application_id: uuid.UUID, refresh_token: Secret) -> tokens.IssuedTokens:
    spent = await tokens.spend_refresh_token(session, refresh_token, kind="operator", application_id=application_id)
    operator = await session.get(Operator, spent.subject_id)
    if operator is None or operator.status != "active":
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN)
    return await _issue_operator_tokens(session, operator, application_id, family_id=spent.family_id)
