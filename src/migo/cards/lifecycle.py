"""Who may touch a card, activation, and the card's life: INACTIVE → ACTIVE ⇄ BLOCKED → CANCELLED.

Every call is scoped to the caller's company; an application acts for its whole company, a cardholder only
on the cards they hold or were granted (per-user permissions, seed 003). Every transition is audited.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.identity import cardholders
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import GatewayCaller
from migo.ledger import service as ledger
from migo.ledger.models import Account
from migo.platform import clock, pan
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ratelimit import Limit

from .errors import CARD_ERRORS
from .models import Card, CardEvent, CardUser

Permission = Literal["view", "transact", "manage"]
ALL_PERMISSIONS: tuple[Permission, ...] = ("view", "transact", "manage")
Channel = Literal["api", "webview", "cms", "cli", "system"]

# Wrong card numbers or names at activation: five per cardholder per 15 minutes, and on the public webview
# twenty per address.
ACTIVATION_FAILURES_PER_USER = Limit("activation-failures", attempts=5, window_seconds=900)
ACTIVATION_FAILURES_PER_IP = Limit("activation-failures-ip", attempts=20, window_seconds=900)

_TRANSITIONS: dict[str, dict[str, str]] = {
    "block": {"ACTIVE": "BLOCKED"},
    "unblock": {"BLOCKED": "ACTIVE"},
    "cancel": {"INACTIVE": "CANCELLED", "ACTIVE": "CANCELLED", "BLOCKED": "CANCELLED"},
}
_EVENTS = {"block": "card.blocked", "unblock": "card.unblocked", "cancel": "card.cancelled"}
STATUS_ERRORS = {
    "INACTIVE": CARD_ERRORS.CARD_INACTIVE,
    "BLOCKED": CARD_ERRORS.CARD_BLOCKED,
    "CANCELLED": CARD_ERRORS.CARD_CANCELLED,
    "ACTIVE": CARD_ERRORS.CARD_ALREADY_ACTIVE,
}


@dataclass(frozen=True)
class Actor:
    kind: str
    id: str | None
    channel: Channel

    @classmethod
    def of(cls, caller: GatewayCaller, channel: Channel = "api") -> Actor:
        kind, actor_id = caller.actor
        return cls(kind, actor_id, channel)


async def card_for(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, need: Permission, *, lock: bool = False
) -> Card:
    """The card if the caller may `need` it: another company's card, or one the user was never given, is
    not found; a card the user was given without this permission is forbidden."""
    statement = select(Card).where(Card.id == card_id, Card.company_id == caller.company_id)
    card = await session.scalar(statement.with_for_update() if lock else statement)
    if card is None:
        raise ApiError(CARD_ERRORS.CARD_NOT_FOUND)
    if caller.user_id is not None:
        granted = await permissions_of(session, card.id, caller.user_id)
        if granted is None:
            raise ApiError(CARD_ERRORS.CARD_NOT_FOUND)
        if need not in granted:
            raise ApiError(CARD_ERRORS.CARD_PERMISSION_DENIED, f"This needs the `{need}` permission on the card.")
    return card


async def permissions_of(session: AsyncSession, card_id: uuid.UUID, user_id: uuid.UUID) -> list[str] | None:
    return await session.scalar(
        select(CardUser.permissions).where(CardUser.card_id == card_id, CardUser.user_id == user_id)
    )


def require_status(card: Card, *allowed: str) -> None:
    if card.status not in allowed:
        raise ApiError(STATUS_ERRORS[card.status])


async def audit(
    session: AsyncSession, card: Card, action: str, actor: Actor, *, before: str | None, reason: str | None = None
) -> None:
    session.add(
        CardEvent(
            card_id=card.id,
            action=action,
            from_status=before,
            to_status=card.status,
            actor_kind=actor.kind,
            actor_id=actor.id,
            channel=actor.channel,
            reason=reason,
            created_at=clock.now(),
        )
    )


def _name_key(name: str) -> str:
    """Names compare without case, accents, punctuation or extra spaces ("José  Pérez" = "JOSE PEREZ")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Za-z0-9 ]", " ", plain).upper().split())


async def activate(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    user_id: uuid.UUID,
    card_number: str,
    cardholder_name: str,
    actor: Actor,
    client_ip: str | None = None,
) -> Card:
    """Seed 004 step 4: the cardholder proves they hold the plastic (number and embossed name).

    Wrong tries are limited per cardholder, and on the public webview (`client_ip`) per address too; a try
    reserves its place first and a successful activation gives it back, so only failures count.
    """
    user = await cardholders.get(session, company_id, user_id)
    attempts = f"{company_id}:{user_id}"
    if client_ip is not None:
        await ACTIVATION_FAILURES_PER_IP.reserve(client_ip)
    await ACTIVATION_FAILURES_PER_USER.reserve(attempts)
    number = pan.normalize(card_number)
    if not pan.is_valid(number):
        raise ApiError(CARD_ERRORS.INVALID_CARD_NUMBER)
    card = await session.scalar(
        select(Card)
        .where(Card.pan_fingerprint == pan.fingerprint(number), Card.company_id == company_id)
        .with_for_update()
    )
    if card is None:
        raise ApiError(CARD_ERRORS.ACTIVATION_FAILED)
    if card.status != "INACTIVE" or card.owner_user_id is not None:
        raise ApiError(STATUS_ERRORS[card.status] if card.status != "INACTIVE" else CARD_ERRORS.ACTIVATION_FAILED)
    expected = card.embossed_name or f"{user.first_name} {user.last_name}"
    if _name_key(cardholder_name) != _name_key(expected):
        raise ApiError(CARD_ERRORS.CARDHOLDER_NAME_MISMATCH)
    now = clock.now()
    if (card.expiry_year, card.expiry_month) < (now.year, now.month):
        raise ApiError(CARD_ERRORS.CARD_EXPIRED)
    await ACTIVATION_FAILURES_PER_USER.release(attempts)
    if client_ip is not None:
        await ACTIVATION_FAILURES_PER_IP.release(client_ip)
    card.status = "ACTIVE"
    card.owner_user_id = user.id
    card.activated_at = now
    card.updated_at = now
    session.add(
        CardUser(card_id=card.id, user_id=user.id, permissions=list(ALL_PERMISSIONS), is_owner=True, granted_at=now)
    )
    await audit(session, card, "activate", actor, before="INACTIVE")
    await events.record(
        session,
        "card.activated",
        company_id=company_id,
        subject_id=str(card.id),
        data={"cardId": str(card.id), "userId": str(user.id), "last4": card.last4, "status": card.status},
    )
    await session.flush()
    return card


async def transition(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, action: str, *, reason: str | None, actor: Actor
) -> Card:
    card = await card_for(session, caller, card_id, "manage", lock=True)
    target = _TRANSITIONS[action].get(card.status)
    if target is None:
        if card.status == "CANCELLED":
            raise ApiError(CARD_ERRORS.CARD_CANCELLED)
        if card.status == "INACTIVE":
            raise ApiError(CARD_ERRORS.CARD_INACTIVE)
        raise ApiError(CARD_ERRORS.INVALID_CARD_TRANSITION, f"A {card.status} card cannot be asked to {action}.")
    before = card.status
    card.status = target
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
    await cardholders.get(session, caller.company_id, user_id)
    rows = await session.execute(
        select(Card, CardUser.permissions, CardUser.is_owner)
        .join(CardUser, CardUser.card_id == Card.id)
        .where(CardUser.user_id == user_id, Card.company_id == caller.company_id)
        .order_by(Card.created_at, Card.id)
    )
    return [(card, permissions, is_owner) for card, permissions, is_owner in rows]


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
    await cardholders.get(session, caller.company_id, user_id)
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


@dataclass(frozen=True)
class CardDetails:
    card: Card
    account: Account
    permissions: list[str] | None  # the calling cardholder's, None for an application


async def details(session: AsyncSession, caller: GatewayCaller, card: Card) -> CardDetails:
    account = await ledger.get_account(session, card.account_id)
    granted = await permissions_of(session, card.id, caller.user_id) if caller.user_id else None
    return CardDetails(card, account, granted)
