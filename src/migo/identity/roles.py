"""A partner's roles, and the grant rule of the back office: no operator grants a permission it does not hold.

A role is a named set of the catalog's permissions (operators.PERMISSIONS). The system roles (no partner) are
offered to every partner and change only with the code (sync_catalog); a partner makes and changes its own.
Whoever changes a role's permissions must hold every permission it adds or takes away, so a role can never be
made into more than its editor could do, nor be used to strip what the editor cannot give back.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id

from .access import readable
from .errors import IDENTITY_ERRORS
from .models import Role, RolePermission
from .operators import PERMISSIONS, SYSTEM_ROLES, permissions_of_roles
from .principals import OperatorPrincipal


@dataclass(frozen=True)
class RoleView:
    role: Role
    permissions: list[str]


def check_grant(caller: OperatorPrincipal, permissions: Iterable[str]) -> None:
    """GRANT_EXCEEDS_OWN (403) unless the caller holds every one of `permissions`."""
    lacking = sorted(set(permissions) - caller.permissions)
    if lacking:
        raise ApiError(
            IDENTITY_ERRORS.GRANT_EXCEEDS_OWN,
            f"You do not hold {', '.join(lacking)}: an operator grants or revokes only permissions it holds.",
        )


def known_permissions(codes: Iterable[str], at: str = "body.permissions") -> list[str]:
    """The codes, sorted and once each; a 400 naming the ones the catalog does not have."""
    wanted = sorted(set(codes))
    unknown = [code for code in wanted if code not in PERMISSIONS]
    if unknown:
        raise ApiError(ERRORS.VALIDATION_ERROR, f"{at}: unknown permission codes: {', '.join(unknown)}")
    return wanted


async def roles_by_name(session: AsyncSession, partner_id: uuid.UUID, names: Iterable[str]) -> dict[str, Role]:
    """The roles the partner may hand out (system roles and its own), by name; a 400 naming the unknown ones."""
    wanted = sorted(set(names))
    found: dict[str, Role] = {}
    # A partner's own role first, should a later system role ever take the same name.
    for role in await session.scalars(listing(partner_id).where(Role.name.in_(wanted)).order_by(Role.partner_id)):
        found.setdefault(role.name, role)
    unknown = [name for name in wanted if name not in found]
    if unknown:
        raise ApiError(ERRORS.VALIDATION_ERROR, f"body.roles: unknown roles: {', '.join(unknown)}")
    return found


def listing(partner_id: uuid.UUID) -> Select[Role]:
    return readable(Role, partner_id)


async def names_offered(session: AsyncSession, partner_id: uuid.UUID) -> list[str]:
    """The names of the roles the partner may hand out (system roles and its own), sorted."""
    return sorted(set(await session.scalars(listing(partner_id).with_only_columns(Role.name))))


async def get(session: AsyncSession, partner_id: uuid.UUID, role_id: uuid.UUID) -> RoleView:
    role = await session.scalar(readable(Role, partner_id).where(Role.id == role_id))
    if role is None:
        raise ApiError(IDENTITY_ERRORS.ROLE_NOT_FOUND)
    return RoleView(role, (await permissions_of_roles(session, [role.id]))[role.id])


async def views(session: AsyncSession, found: Iterable[Role]) -> list[RoleView]:
    rows = list(found)
    granted = await permissions_of_roles(session, [role.id for role in rows])
    return [RoleView(role, granted[role.id]) for role in rows]


async def create(
    session: AsyncSession,
    caller: OperatorPrincipal,
    partner_id: uuid.UUID,
    *,
    name: str,
    description: str,
    permissions: list[str],
) -> RoleView:
    """A role of the partner (the caller's, or one a global operator names: acting_partner). Its name is not a
    system role's, nor another of the partner's."""
    granted = known_permissions(permissions)
    check_grant(caller, granted)
    if name in SYSTEM_ROLES:
        raise ApiError(IDENTITY_ERRORS.ROLE_NAME_TAKEN, f"`{name}` is a system role.")
    role = Role(id=new_id(), partner_id=partner_id, name=name, description=description, created_at=clock.now())
    await _save_name(session, role)
    session.add_all(RolePermission(role_id=role.id, permission=code) for code in granted)
    await session.flush()
    return RoleView(role, granted)


async def update(
    session: AsyncSession,
    caller: OperatorPrincipal,
    partner_id: uuid.UUID,
    role_id: uuid.UUID,
    *,
    name: str | None = None,
    description: str | None = None,
    permissions: list[str] | None = None,
) -> RoleView:
    """Change the partner's own role; a system role is SYSTEM_ROLE_READ_ONLY (409). A new permission set
    replaces the old, and the caller must hold every permission that changes hands."""
    view = await get(session, partner_id, role_id)
    role = view.role
    if role.partner_id is None:
        raise ApiError(IDENTITY_ERRORS.SYSTEM_ROLE_READ_ONLY)
    granted = view.permissions
    if permissions is not None:
        granted = known_permissions(permissions)
        check_grant(caller, set(granted) ^ set(view.permissions))
    if name is not None and name != role.name:
        if name in SYSTEM_ROLES:
            raise ApiError(IDENTITY_ERRORS.ROLE_NAME_TAKEN, f"`{name}` is a system role.")
        role.name = name
        await _save_name(session, role)
    if description is not None:
        role.description = description
    if permissions is not None and granted != view.permissions:
        await session.execute(delete(RolePermission).where(RolePermission.role_id == role.id))
        session.add_all(RolePermission(role_id=role.id, permission=code) for code in granted)
    await session.flush()
    return RoleView(role, granted)


async def _save_name(session: AsyncSession, role: Role) -> None:
    """Flush the role; a name the partner uses already (a concurrent twin included) is ROLE_NAME_TAKEN."""
    try:
        async with session.begin_nested():
            session.add(role)
            await session.flush()
    except IntegrityError as exc:
        raise ApiError(IDENTITY_ERRORS.ROLE_NAME_TAKEN) from exc
