"""Who else may use a card, and for what (seed 003: per-user permissions): the owner (or the company's
application) grants and revokes them; every change is audited."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import GatewayCaller
from migo.platform import clock
from migo.platform.errors import ERRORS, ApiError

from .access import ALL_PERMISSIONS, Permission, card_for, require_status
from .audit import Actor, audit
from .errors import CARD_ERRORS
from .models import Card, CardUser


def _may_administer_users(caller: GatewayCaller, card: Card) -> None:
    if caller.user_id is not None and caller.user_id != card.owner_user_id:
        raise ApiError(CARD_ERRORS.CARD_PERMISSION_DENIED, "Only the card's owner grants and revokes its users.")


async def card_users(session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID) -> list[CardUser]:
    card = await card_for(session, caller, card_id, "view")
    return list(
        await session.scalars(select(CardUser).where(CardUser.card_id == card.id).order_by(CardUser.granted_at))
    )


async def grant(
    session: AsyncSession,
    caller: GatewayCaller,
    card_id: uuid.UUID,
    user_id: uuid.UUID,
    permissions: list[Permission],
    actor: Actor,
) -> CardUser:
    card = await card_for(session, caller, card_id, "manage", lock=True)
    _may_administer_users(caller, card)
    require_status(card, "ACTIVE", "BLOCKED")
    if user_id == card.owner_user_id:
        raise ApiError(ERRORS.CONFLICT, "The owner's permissions are all permissions and cannot change.")
    await identity.get_cardholder(session, caller.company_id, user_id)
    granted = sorted(set(permissions), key=ALL_PERMISSIONS.index)
    row = await session.scalar(
        insert(CardUser)
        .values(card_id=card.id, user_id=user_id, permissions=granted, is_owner=False, granted_at=clock.now())
        .on_conflict_do_update(index_elements=[CardUser.card_id, CardUser.user_id], set_={"permissions": granted})
        .returning(CardUser)
    )
    await audit(session, card, "grant", actor, before=card.status, reason=f"{user_id}: {','.join(granted)}")
    assert row is not None
    return row


async def revoke(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, user_id: uuid.UUID, actor: Actor
) -> None:
    card = await card_for(session, caller, card_id, "manage", lock=True)
    _may_administer_users(caller, card)
    if user_id == card.owner_user_id:
        raise ApiError(ERRORS.CONFLICT, "The owner cannot be removed from their card; cancel the card instead.")
    row = await session.get(CardUser, (card.id, user_id))
    if row is None:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND, "This user has no access to the card.")
    await session.delete(row)
    await audit(session, card, "revoke", actor, before=card.status, reason=str(user_id))
