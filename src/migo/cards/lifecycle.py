"""A card's life: INACTIVE → ACTIVE ⇄ BLOCKED → CANCELLED, its alias, its details, and a cardholder's cards.

Every call is scoped to the caller (access.readable); every transition is audited and heard of as an event.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import GatewayCaller
from migo.ledger import service as ledger
from migo.platform import clock
from migo.platform.errors import ApiError

from .access import card_for, permissions_of, readable
from .audit import Actor, audit
from .errors import CARD_ERRORS
from .models import Card, CardUser

_TRANSITIONS: dict[str, dict[str, str]] = {
    "block": {"ACTIVE": "BLOCKED"},
    "unblock": {"BLOCKED": "ACTIVE"},
    "cancel": {"INACTIVE": "CANCELLED", "ACTIVE": "CANCELLED", "BLOCKED": "CANCELLED"},
}
_EVENTS = {"block": "card.blocked", "unblock": "card.unblocked", "cancel": "card.cancelled"}


async def transition(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, action: str, *, reason: str | None, actor: Actor
) -> Card:
    card = await card_for(session, caller, card_id, "manage", lock=True)
    return await move(session, card, action, reason=reason, actor=actor)


async def move(session: AsyncSession, card: Card, action: str, *, reason: str | None, actor: Actor) -> Card:
    """The transition of a card already locked and the actor's to act on."""
    target = _TRANSITIONS[action].get(card.status)
    if target is None:
        if card.status == "CANCELLED":
            raise ApiError(CARD_ERRORS.CARD_CANCELLED)
        if card.status == "INACTIVE":
            raise ApiError(CARD_ERRORS.CARD_INACTIVE)
        raise ApiError(CARD_ERRORS.INVALID_CARD_TRANSITION, f"A {card.status} card cannot be asked to {action}.")
    before = card.status
    card.status = target
    card.blocked_with_holder = False  # whatever its holder's block did, this transition is another's
    card.updated_at = clock.now()
    await audit(session, card, action, actor, before=before, reason=reason)
    await events.record(
        session,
        _EVENTS[action],
        company_id=card.company_id,
        subject_id=str(card.id),
        data={"cardId": str(card.id), "status": target, "previousStatus": before, "reason": reason},
    )
    await session.flush()
    return card


async def holder_transition(
    session: AsyncSession,
    company_id: uuid.UUID,
    user_id: uuid.UUID,
    action: Literal["block", "unblock"],
    *,
    reason: str,
    actor: Actor,
) -> list[uuid.UUID]:
    """A cardholder's block or its lifting, on the cards the cardholder owns: blocking blocks each ACTIVE one and
    marks it as the block's; unblocking unblocks exactly the cards so marked and still BLOCKED, never a card
    blocked for another reason (by its holder, its application or an earlier operator's block of the card). A
    card shared with the cardholder by its owner is the owner's to block. Each card's transition is audited and
    heard of (`card.blocked`, `card.unblocked`) as any other. Answers the ids of the cards it moved."""
    statement = readable(company_id, Card).where(Card.owner_user_id == user_id)
    if action == "block":
        statement = statement.where(Card.status == "ACTIVE")
    else:
        statement = statement.where(Card.status == "BLOCKED", Card.blocked_with_holder)
    moved = list((await session.scalars(statement.order_by(Card.id).with_for_update())).all())
    for card in moved:
        await move(session, card, action, reason=reason, actor=actor)
        card.blocked_with_holder = action == "block"
    await session.flush()
    return [card.id for card in moved]


async def set_alias(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, alias: str | None, actor: Actor
) -> Card:
    card = await card_for(session, caller, card_id, "manage", lock=True)
    card.alias = alias
    card.updated_at = clock.now()
    await audit(session, card, "alias", actor, before=card.status)
    await session.flush()
    return card


async def cards_of_user(
    session: AsyncSession, caller: GatewayCaller, user_id: uuid.UUID
) -> list[tuple[Card, list[str], bool]]:
    """The cards a cardholder holds or was given, with their permissions; a cardholder sees only their own."""
    if caller.user_id is not None and caller.user_id != user_id:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    await identity.get_cardholder(session, caller.company_id, user_id)
    rows = await session.execute(
        readable(caller, Card)
        .add_columns(CardUser.permissions, CardUser.is_owner)
        .join(CardUser, CardUser.card_id == Card.id)
        .where(CardUser.user_id == user_id)
        .order_by(Card.created_at, Card.id)
    )
    return [(card, permissions, is_owner) for card, permissions, is_owner in rows]


@dataclass(frozen=True)
class CardDetails:
    card: Card
    balance: ledger.Balance
    permissions: list[str] | None  # the calling cardholder's, None for an application


async def details(session: AsyncSession, caller: GatewayCaller, card: Card) -> CardDetails:
    balance = await ledger.balance_of(session, card.account_id)
    granted = await permissions_of(session, card.id, caller.user_id) if caller.user_id else None
    return CardDetails(card, balance, granted)
