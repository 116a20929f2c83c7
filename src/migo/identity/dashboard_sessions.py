"""Operators signed in to the web dashboard: one server-side session per sign-in, kept in PostgreSQL.

The browser holds a random token in an HttpOnly cookie; the row keeps its keyed digest only, so a copy of the
table opens no session. A session ends after 30 idle minutes, after 12 hours whatever happens, at sign-out, and
with every other session of its operator: sign-out everywhere, a password reset and a disabled operator end the
API's sessions and the dashboard's together (tokens.end_sessions). Roles, permissions and status are read fresh
on every request (operators.access_of), as the API does, so a revoked role stops working at once.

The CSRF token of a session is derived from its token (a keyed HMAC): a form carries a value no other origin
can know, and nothing more is stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import Password, Secret

from . import operators, tokens
from .access import acting_partner
from .models import DashboardSession
from .principals import OperatorPrincipal

IDLE_TIMEOUT = timedelta(minutes=30)
MAX_LIFETIME = timedelta(hours=12)
# A session's last_seen_at is written at most once a minute: a page's requests do not each write a row.
TOUCH_EVERY = timedelta(minutes=1)
_ENDED = "Your session has ended; sign in again."


@dataclass(frozen=True)
class SignedIn:
    """A new session and its token, for the cookie (only its digest is kept)."""

    session_id: uuid.UUID
    token: Secret


@dataclass(frozen=True)
class Resumed:
    session_id: uuid.UUID
    operator: OperatorPrincipal
    username: str
    display_name: str
    partner_id: uuid.UUID  # the partner the pages act on: the operator's own, or the one a global operator chose


async def sign_in(
    session: AsyncSession,
    *,
    partner_id: uuid.UUID,
    username: str,
    password: Password,
    client_ip: str,
    user_agent: str,
) -> SignedIn:
    """A session for the partner's active operator of this username and password, within the API's sign-in
    limits (the same LOGIN_GATE: tries per address and failures per account)."""
    operator = await operators.authenticate(
        session, partner_id=partner_id, username=username, password=password, client_ip=client_ip
    )
    token = security.random_token(32)
    now = clock.now()
    row = DashboardSession(
        id=new_id(),
        token_digest=security.token_digest(token),
        operator_id=operator.id,
        partner_id=operator.partner_id,
        created_at=now,
        last_seen_at=now,
        origin_ip=client_ip[:45],
        user_agent=user_agent[:300],
    )
    session.add(row)
    await session.flush()
    return SignedIn(row.id, Secret(token))


async def resume(session: AsyncSession, token: str) -> Resumed:
    """The live session of this token, with its operator as the API would see it; UNAUTHORIZED when there is
    none (ended, idle for too long, too old), OPERATOR_DISABLED when its operator was disabled."""
    row = await session.scalar(
        select(DashboardSession).where(
            DashboardSession.token_digest == security.token_digest(token), DashboardSession.ended_at.is_(None)
        )
    )
    if row is None:
        raise ApiError(ERRORS.UNAUTHORIZED, _ENDED)
    now = clock.now()
    lapsed = "idle" if now - row.last_seen_at > IDLE_TIMEOUT else None
    lapsed = lapsed or ("expired" if now - row.created_at > MAX_LIFETIME else None)
    if lapsed is not None:
        # Ended in a transaction of its own: the request is refused, and its own transaction rolled back.
        async with database.transaction() as apart:
            await _end(apart, row, lapsed)
        raise ApiError(ERRORS.UNAUTHORIZED, _ENDED)
    access = await operators.access_of(session, row.operator_id, row.partner_id)
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    principal = OperatorPrincipal(
        operator_id=row.operator_id,
        partner_id=row.partner_id,
        application_id=None,
        roles=tuple(access.roles),
        permissions=access.permissions,
        platform=access.platform,
        client_slug=access.operator.client_slug,
    )
    viewing = row.viewing_partner_id if principal.scope == "global" and row.viewing_partner_id else row.partner_id
    return Resumed(row.id, principal, access.operator.username, access.operator.display_name, viewing)


async def view_partner(
    session: AsyncSession, session_id: uuid.UUID, operator: OperatorPrincipal, partner_id: uuid.UUID
) -> uuid.UUID:
    """A platform operator's pages act on `partner_id` from now on (acting_partner's rules: another operator
    names only its own partner, 404/7812 otherwise)."""
    chosen = await acting_partner(session, operator, partner_id)
    await session.execute(
        update(DashboardSession)
        .where(DashboardSession.id == session_id)
        .values(viewing_partner_id=None if chosen == operator.partner_id else chosen)
    )
    return chosen


async def sign_out(session: AsyncSession, session_id: uuid.UUID) -> None:
    row = await session.get(DashboardSession, session_id)
    if row is not None and row.ended_at is None:
        await _end(session, row, "signed_out")


async def sign_out_everywhere(session: AsyncSession, operator_id: uuid.UUID) -> None:
    """End every session of the operator: the dashboard's in every browser, and the API's."""
    await tokens.end_sessions(session, "operator", operator_id, "signed_out_everywhere")


async def _end(session: AsyncSession, row: DashboardSession, reason: str) -> None:
    await session.execute(
        update(DashboardSession)
        .where(DashboardSession.id == row.id, DashboardSession.ended_at.is_(None))
        .values(ended_at=clock.now(), ended_reason=reason)
    )


def csrf_token(token: str) -> str:
    """The session's CSRF token: what its forms carry, derived from its token."""
    digest = hmac.new(security.derive_key("dashboard-csrf"), token.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def csrf_matches(token: str, sent: str | None) -> bool:
    return sent is not None and hmac.compare_digest(csrf_token(token), sent)
