"""A partner's operators, as its back office manages them: invite, change roles and status, reset passwords.

The grant rule (roles.check_grant) holds throughout: an operator is given only roles whose permissions the caller
holds, and the caller changes only operators who can do no more than it can (OPERATOR_OUTRANKS_CALLER
otherwise), so nobody raises themselves or anyone else above their own reach, nor takes over a stronger account
by changing its email and resetting its password. An operator cannot disable itself, nor give up its own
`operators.manage`: a partner is never left with nobody able to manage its operators by a slip.

Invitations and resets send a one-time code through the one outbox (otp.py); the operator spends it at
`POST /cms/rest/auth/password/reset`, whose answers never tell whether a username exists.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.pagination import Listing
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Otp, Password
from migo.platform.settings import get_settings

from . import operators, otp, roles, tokens
from .access import partner_messages, readable
from .errors import IDENTITY_ERRORS
from .models import Operator, OperatorRole, OutboundMessage, Partner, Role, RolePermission
from .passwords import check_password_policy
from .principals import OperatorPrincipal

# An invitation waits a day for its operator to read the email; a reset code lives the usual ten minutes.
INVITATION_TTL = timedelta(hours=24)
RESETS_PER_OPERATOR = Limit("operator-otp", attempts=3, window_seconds=600)
RESET_PER_IP = Limit("operator-reset-ip", attempts=30, window_seconds=600)
RESET_PER_USERNAME = Limit("operator-reset-user", attempts=10, window_seconds=600)
MANAGES_OPERATORS = "operators.manage"
NO_VALID_CODE = "The code is not valid: wrong, spent or expired, or none was sent. Ask for a new one."


# The operators list of the CMS and the dashboard.
OPERATORS = Listing(
    name="Operators",
    sortable={
        "createdAt": lambda: Operator.created_at,
        "username": lambda: Operator.username,
        "name": lambda: Operator.display_name,
    },
    default_sort="createdAt",
    tiebreaker=lambda: Operator.id,
    searchable=(lambda: Operator.username, lambda: Operator.display_name, lambda: Operator.email),
)


@dataclass(frozen=True)
class OperatorView:
    operator: Operator
    roles: list[str]


def listing(partner_id: uuid.UUID, status: str | None = None) -> Select[Operator]:
    statement = readable(Operator, partner_id)
    return statement.where(Operator.status == status) if status is not None else statement


async def get(session: AsyncSession, partner_id: uuid.UUID, operator_id: uuid.UUID) -> Operator:
    operator = await session.scalar(readable(Operator, partner_id).where(Operator.id == operator_id))
    if operator is None:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_NOT_FOUND)
    return operator


async def views(session: AsyncSession, found: list[Operator]) -> list[OperatorView]:
    """The operators with the names of their roles, in one query."""
    rows = await session.execute(
        select(OperatorRole.operator_id, Role.name)
        .join(Role, Role.id == OperatorRole.role_id)
        .where(OperatorRole.operator_id.in_([operator.id for operator in found]))
        .order_by(Role.name)
    )
    names: dict[uuid.UUID, list[str]] = {operator.id: [] for operator in found}
    for operator_id, name in rows:
        names[operator_id].append(name)
    return [OperatorView(operator, names[operator.id]) for operator in found]


async def view(session: AsyncSession, operator: Operator) -> OperatorView:
    return (await views(session, [operator]))[0]


async def _permissions_of(session: AsyncSession, operator_id: uuid.UUID) -> set[str]:
    return set(
        await session.scalars(
            select(RolePermission.permission)
            .join(OperatorRole, OperatorRole.role_id == RolePermission.role_id)
            .where(OperatorRole.operator_id == operator_id)
        )
    )


async def _granted_by(session: AsyncSession, found: dict[str, Role]) -> set[str]:
    granted = await operators.permissions_of_roles(session, [role.id for role in found.values()])
    return {code for codes in granted.values() for code in codes}


async def _managed(
    session: AsyncSession, caller: OperatorPrincipal, partner_id: uuid.UUID, operator_id: uuid.UUID
) -> Operator:
    """The partner's operator, if it holds no permission the caller lacks."""
    operator = await get(session, partner_id, operator_id)
    if not await _permissions_of(session, operator.id) <= caller.permissions:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_OUTRANKS_CALLER)
    return operator


# Whether a Payment Link client is a partner's: the payments domain knows, and the composition root plugs it in.
ClientOfPartner = Callable[[AsyncSession, uuid.UUID, str], Awaitable[bool]]
_client_of_partner: ClientOfPartner | None = None


def recognise_clients_with(check: ClientOfPartner) -> None:
    global _client_of_partner
    _client_of_partner = check


async def _check_client_scope(
    session: AsyncSession, caller: OperatorPrincipal, partner_id: uuid.UUID, client_slug: str, granted: set[str]
) -> None:
    """An operator scoped to a client: the client is the operator's partner's, and its roles grant nothing
    outside a client's scope (they would be silently cut off: refused instead, so what it shows is what it
    may do)."""
    assert _client_of_partner is not None, "compose() plugs the payments domain's client directory in"
    if caller.client_slug not in (None, client_slug) or not await _client_of_partner(session, partner_id, client_slug):
        raise ApiError(IDENTITY_ERRORS.CLIENT_NOT_OF_PARTNER)
    beyond = sorted(granted - operators.CLIENT_PERMISSIONS)
    if beyond:
        raise ApiError(
            IDENTITY_ERRORS.PERMISSION_OUTSIDE_SCOPE,
            f"An operator of one client may hold only {', '.join(sorted(operators.CLIENT_PERMISSIONS))}; "
            f"its roles grant {', '.join(beyond)}.",
        )


async def create(
    session: AsyncSession,
    caller: OperatorPrincipal,
    partner_id: uuid.UUID,
    *,
    username: str,
    email: str,
    name: str,
    role_names: list[str],
    password: Password | None,
    client_slug: str | None = None,
) -> Operator:
    """An operator of the partner (the caller's, or one a global operator names: acting_partner), or of one of
    its Payment Link clients. With a password it may sign in at once; without one it is invited: a code goes to
    its email, valid for a day, to set its password with."""
    found = await roles.roles_by_name(session, partner_id, role_names)
    granted = await _granted_by(session, found)
    roles.check_grant(caller, granted)
    if client_slug is not None:
        await _check_client_scope(session, caller, partner_id, client_slug, granted)
    if password is not None:
        check_password_policy(password)
    taken = await session.scalar(
        readable(Operator, partner_id)
        .with_only_columns(Operator.id)
        .where(func.lower(Operator.username) == username.lower())
    )
    if taken is not None:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_USERNAME_TAKEN)
    partner = await session.get(Partner, partner_id)
    assert partner is not None
    try:
        async with session.begin_nested():  # a concurrent invitation of the same username loses cleanly
            operator = await operators.create_operator(
                session,
                partner,
                username=username,
                password=password,
                display_name=name,
                roles=sorted(found),
                email=email,
                client_slug=client_slug,
            )
    except IntegrityError as exc:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_USERNAME_TAKEN) from exc
    if password is None:
        await _send_code(session, operator, partner)
    return operator


@dataclass(frozen=True)
class ClientScope:
    """An operator's new scope: one Payment Link client of its partner, or (None) the whole partner."""

    client_slug: str | None


async def update(
    session: AsyncSession,
    caller: OperatorPrincipal,
    partner_id: uuid.UUID,
    operator_id: uuid.UUID,
    *,
    name: str | None = None,
    email: str | None = None,
    role_names: list[str] | None = None,
    status: str | None = None,
    scope: ClientScope | None = None,
) -> Operator:
    """Change the fields given. Disabling ends the operator's sessions at once (its tokens stop working and
    stay stopped should it be enabled again); enabling one that never set its password leaves it invited.
    A scope of one client holds the operator's roles (new or kept) to a client's permissions."""
    operator = await _managed(session, caller, partner_id, operator_id)
    itself = operator.id == caller.operator_id
    if status == "disabled" and itself:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_SELF_LOCKOUT, "An operator cannot disable itself.")
    if scope is not None and itself:
        raise ApiError(IDENTITY_ERRORS.OPERATOR_SELF_LOCKOUT, "An operator cannot change its own scope.")
    client_slug = scope.client_slug if scope is not None else operator.client_slug
    found = await roles.roles_by_name(session, partner_id, role_names) if role_names is not None else None
    if found is not None:
        granted = await _granted_by(session, found)
        roles.check_grant(caller, granted)  # what it loses, the caller holds already (_managed)
        if itself and MANAGES_OPERATORS not in granted:
            raise ApiError(
                IDENTITY_ERRORS.OPERATOR_SELF_LOCKOUT, "An operator cannot give up its own `operators.manage`."
            )
    if client_slug is not None and (found is not None or scope is not None):
        kept = await _granted_by(session, found) if found is not None else await _permissions_of(session, operator.id)
        await _check_client_scope(session, caller, partner_id, client_slug, set(kept))
    if found is not None:
        await _set_roles(session, operator, found)
    if scope is not None:
        operator.client_slug = scope.client_slug
    if name is not None:
        operator.display_name = name
    if email is not None and email != operator.email:
        operator.email = email
        await otp.void(session, operator)  # a code sent to the old address no longer works
    if status == "disabled" and operator.status != "disabled":
        operator.status = "disabled"
        await tokens.end_sessions(session, "operator", operator.id, "operator_disabled")
    elif status == "active" and operator.status == "disabled":
        operator.status = "active" if operator.password_hash is not None else "invited"
    operator.updated_at = clock.now()
    await session.flush()
    return operator


async def _set_roles(session: AsyncSession, operator: Operator, found: dict[str, Role]) -> None:
    held = set(await session.scalars(select(OperatorRole.role_id).where(OperatorRole.operator_id == operator.id)))
    wanted = {role.id for role in found.values()}
    for role_id in held - wanted:
        await session.delete(await session.get(OperatorRole, (operator.id, role_id)))
    session.add_all(OperatorRole(operator_id=operator.id, role_id=role_id) for role_id in wanted - held)


async def send_password_reset(
    session: AsyncSession, caller: OperatorPrincipal, partner_id: uuid.UUID, operator_id: uuid.UUID
) -> int:
    """Send the operator a code to set a new password with (an invited one, a fresh invitation); its current
    password keeps working until the code is spent. Returns the code's lifetime in seconds."""
    operator = await _managed(session, caller, partner_id, operator_id)
    if operator.status == "disabled":
        raise ApiError(IDENTITY_ERRORS.OPERATOR_NOT_ACTIVE)
    if not operator.email:
        raise ApiError(ERRORS.CONFLICT, "The operator has no email to send the code to; set one first (PATCH).")
    await RESETS_PER_OPERATOR.consume(str(operator.id))
    partner = await session.get(Partner, operator.partner_id)
    assert partner is not None
    return await _send_code(session, operator, partner)


async def _send_code(session: AsyncSession, operator: Operator, partner: Partner) -> int:
    invited = operator.status == "invited"
    ttl = INVITATION_TTL if invited else otp.OTP_TTL
    code = await otp.issue(session, operator, "password_reset", ttl=ttl)
    lifetime = "24 hours" if invited else "10 minutes"
    opening = (
        f"You are invited to the Migo back office of {partner.name} as {operator.username}."
        if invited
        else f"A password reset was requested for {operator.username} in the Migo back office of {partner.name}."
    )
    # The dashboard's page to set it, the account and username filled in (the code is never in a URL).
    where = f"{get_settings().public_url.rstrip('/')}/dashboard/password?" + urlencode(
        {"account": str(partner.id), "username": operator.username}
    )
    await otp.queue_message(
        session,
        operator,
        subject="Your Migo back-office code",
        body=f"{opening} Your code is {code.reveal()}; set your password with it within {lifetime} at {where} "
        "(or through the CMS API). Never share it with anyone.",
    )
    return int(ttl.total_seconds())


async def reset_password(
    session: AsyncSession,
    *,
    partner_id: uuid.UUID,
    username: str,
    code: Otp,
    new_password: Password,
    client_ip: str,
) -> Operator:
    """Set the operator's password with its code: an invited operator becomes active; every session of the
    operator ends. Whatever is wrong (no such username, a disabled operator, a wrong or spent code), the
    answer is one and the same INVALID_OTP, so that it tells nothing about the username."""
    await RESET_PER_IP.consume(client_ip)
    await RESET_PER_USERNAME.consume(f"{partner_id}:{username.lower()}")
    check_password_policy(new_password)
    operator = await session.scalar(
        readable(Operator, partner_id).where(func.lower(Operator.username) == username.lower())
    )
    if operator is None or operator.status == "disabled":
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, NO_VALID_CODE)
    try:
        await otp.verify(session, operator, "password_reset", code)
    except ApiError as refused:
        if refused.error in (IDENTITY_ERRORS.INVALID_OTP, IDENTITY_ERRORS.OTP_EXPIRED):
            raise ApiError(IDENTITY_ERRORS.INVALID_OTP, NO_VALID_CODE) from None
        raise
    operator.password_hash = await security.hash_secret(new_password.reveal())
    operator.status = "active"
    operator.updated_at = clock.now()
    await tokens.end_sessions(session, "operator", operator.id, "password_reset")
    return operator


def outbox_of(partner_id: uuid.UUID, username: str) -> Select[OutboundMessage]:
    """The messages sent to the partner's operator of this username (the sandbox's outbox)."""
    return (
        partner_messages(partner_id)
        .join(Operator, Operator.id == OutboundMessage.operator_id)
        .where(func.lower(Operator.username) == username.lower())
    )
