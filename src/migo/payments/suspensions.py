"""Fraud suspensions of end customers (seed 002: ownCodes 2004 blocked, 2005 suspended, 2006 excluded),
set by hand or by the velocity rule, enforced when a link is created and again when it is paid."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock
from migo.platform.errors import MW_ERRORS, ApiError, ErrorDef

from .access import readable
from .errors import PAYMENT_ERRORS
from .models import PaymentAttempt, PaymentClient, Suspension

ERROR_OF_TYPE: dict[str, ErrorDef] = {
    "excluded": PAYMENT_ERRORS.CUSTOMER_EXCLUDED,
    "blocked": PAYMENT_ERRORS.CUSTOMER_BLOCKED,
    "suspended": PAYMENT_ERRORS.CUSTOMER_SUSPENDED,
}
_SEVERITY = ("excluded", "blocked", "suspended")  # the most severe measure answers first


def _in_force(client_id: Any, user_id: Any, now: Any) -> list[ColumnElement[bool]]:
    """The end customer's suspensions with a client that are in force now (values or bind parameters)."""
    return [
        Suspension.client_id == client_id,
        Suspension.user_id == user_id,
        Suspension.lifted_at.is_(None),
        or_(Suspension.until.is_(None), Suspension.until > now),
    ]


def _active(client_id: uuid.UUID, user_id: str, now: datetime) -> Select[Suspension]:
    return select(Suspension).where(*_in_force(client_id, user_id, now))


# Checked on every payment: one statement, built once.
_ACTIVE_TYPES = select(Suspension.type).where(
    *_in_force(bindparam("client_id"), bindparam("user_id"), bindparam("now"))
)


async def enforce(session: AsyncSession, client: PaymentClient, user_id: str) -> None:
    """Raise 2006 / 2004 / 2005 when the end customer may not transact with this client now."""
    active = await session.scalars(_ACTIVE_TYPES, {"client_id": client.id, "user_id": user_id, "now": clock.now()})
    refuse_if_suspended(client.slug, user_id, active)


# The kinds of an end customer's active suspensions (:user_id, :now) as an array column (NULL for none), to
# select beside a PaymentClient row: the client and the check in one statement (link creation).
ACTIVE_TYPES_OF_CLIENT = (
    select(func.array_agg(Suspension.type))
    .where(*_in_force(PaymentClient.id, bindparam("user_id"), bindparam("now")))
    .scalar_subquery()
    .label("suspensions")
)


def refuse_if_suspended(client_slug: str, user_id: str, kinds: Iterable[str] | None) -> None:
    active = set(kinds or ())
    for kind in _SEVERITY:
        if kind in active:
            raise ApiError(ERROR_OF_TYPE[kind], f"userId {user_id!r} is {kind} for client {client_slug!r}.")


async def suspend(
    session: AsyncSession,
    client: PaymentClient,
    *,
    user_id: str,
    kind: str,
    reason: str,
    until: datetime | None,
    source: str = "manual",
) -> Suspension:
    suspension = Suspension(client_id=client.id, user_id=user_id, type=kind, reason=reason, until=until, source=source)
    session.add(suspension)
    await session.flush()
    return suspension


async def lift(
    session: AsyncSession, client: PaymentClient, suspension_id: uuid.UUID, reason: str | None
) -> Suspension:
    suspension = await session.scalar(
        readable(client.slug, Suspension).where(Suspension.id == suspension_id).with_for_update(of=Suspension)
    )
    if suspension is None:
        raise ApiError(MW_ERRORS.NOT_FOUND, "No such suspension for this client.")
    if suspension.lifted_at is None:
        suspension.lifted_at = clock.now()
        suspension.lift_reason = reason
    return suspension


async def apply_velocity_rule(session: AsyncSession, client: PaymentClient, user_id: str) -> Suspension | None:
    """After a decline: too many declines of this userId within the client's window suspend it."""
    now = clock.now()
    since = now - timedelta(minutes=client.velocity_window_minutes)
    declines = await session.scalar(
        select(func.count()).where(
            PaymentAttempt.client_id == client.id,
            PaymentAttempt.user_id == user_id,
            PaymentAttempt.status == "declined",
            PaymentAttempt.created_at >= since,
        )
    )
    if (declines or 0) < client.velocity_declines:
        return None
    if (await session.scalars(_active(client.id, user_id, now).limit(1))).first() is not None:
        return None
    return await suspend(
        session,
        client,
        user_id=user_id,
        kind="suspended",
        reason=f"{declines} declined payments within {client.velocity_window_minutes} minutes",
        until=now + timedelta(minutes=client.velocity_suspension_minutes),
        source="velocity",
    )


def listing_statement(client: PaymentClient, user_id: str | None, active_only: bool) -> Select[Suspension]:
    statement = readable(client.slug, Suspension)
    if user_id is not None:
        statement = statement.where(Suspension.user_id == user_id)
    if active_only:
        now = clock.now()
        statement = statement.where(
            Suspension.lifted_at.is_(None), or_(Suspension.until.is_(None), Suspension.until > now)
        )
    return statement
