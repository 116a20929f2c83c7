"""Back-office operators and RBAC: the permission catalog, system roles, operator sign-in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import security
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
    "rbac.read": "See roles, permissions and operators",
    "rbac.manage": "Create roles and assign them to operators",
    "companies.read": "See the partner's companies",
    "companies.manage": "Provision companies and their card programs",
    "cardholders.read": "See cardholders",
    "cardholders.write": "Create and update cardholders",
    "cardholders.batch": "Upload cardholder batches",
    "cards.read": "See cards and their movements",
    "cards.manage": "Block, unblock and cancel cards; print card stock",
    "merchants.read": "See merchants: leads and their KYC documents, businesses, branches and terminals",
    "merchants.review": "Approve or reject merchant leads in review (KYC)",
    "merchants.manage": "Onboard merchants and provision terminals",
    "settlements.read": "See settlements and conciliation results",
    "conciliation.upload": "Upload conciliation files",
    "audit.read": "Read the audit trail",
}

READ_ONLY = sorted(code for code in PERMISSIONS if code.endswith(".read"))
SYSTEM_ROLES: dict[str, tuple[str, list[str]]] = {
    "admin": ("Every permission of the back office", sorted(PERMISSIONS)),
    "operator": (
        "Day-to-day cardholder and card operations",
        sorted({*READ_ONLY, "cardholders.write", "cardholders.batch", "cards.manage", "conciliation.upload"}),
    ),
    "viewer": ("Read-only access", READ_ONLY),
    # KYC review apart from day-to-day operations: who approves a merchant is not who runs its cards.
    "compliance": ("Merchant KYC review, with read access to the rest", sorted({*READ_ONLY, "merchants.review"})),
}

LOGIN_GATE = PasswordGate(
    per_ip=Limit("operator-login-ip", attempts=30, window_seconds=300),
    failures_per_account=Limit("operator-login-failures", attempts=5, window_seconds=900),
)


@dataclass(frozen=True)
class OperatorAccess:
    operator: Operator
    roles: list[str]
    permissions: frozenset[str]


async def sync_catalog(session: AsyncSession) -> None:
    """Make the permission and system-role tables match the catalog above (idempotent; run on upgrade)."""
    for code, description in PERMISSIONS.items():
        await session.execute(
            insert(Permission)
            .values(code=code, description=description)
            .on_conflict_do_update(index_elements=[Permission.code], set_={"description": description})
        )
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
    password: Password,
    display_name: str,
    roles: list[str],
    operator_id: uuid.UUID | None = None,
) -> Operator:
    operator = Operator(
        id=operator_id or new_id(),
        partner_id=partner.id,
        username=username,
        display_name=display_name,
        password_hash=await security.hash_secret(password.reveal()),
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
    if family_id is not None:
        query = query.where(tokens.live_family(family_id))
    operator = await session.scalar(query)
    if operator is None:
        raise ApiError(ERRORS.UNAUTHORIZED, "The operator token is not valid, or its session has ended.")
    if operator.status != "active":
        raise ApiError(IDENTITY_ERRORS.OPERATOR_DISABLED)
    rows = (
        await session.execute(
            select(Role.name, RolePermission.permission)
            .join(OperatorRole, OperatorRole.role_id == Role.id)
            .outerjoin(RolePermission, RolePermission.role_id == Role.id)
            .where(OperatorRole.operator_id == operator_id)
        )
    ).all()
    return OperatorAccess(
        operator=operator,
        roles=sorted({name for name, _ in rows}),
        permissions=frozenset(permission for _, permission in rows if permission),
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
    return await _issue_operator_tokens(session, operator, application_id)


async def refresh(session: AsyncSession, *, application_id: uuid.UUID, refresh_token: Secret) -> tokens.IssuedTokens:
    spent = await tokens.spend_refresh_token(session, refresh_token, kind="operator", application_id=application_id)
    operator = await session.get(Operator, spent.subject_id)
    if operator is None or operator.status != "active":
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN)
    return await _issue_operator_tokens(session, operator, application_id, family_id=spent.family_id)
