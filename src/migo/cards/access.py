"""Who may read and touch what in the cards domain: the domain's one tenant-scoping helper, `readable`, which
every read goes through, and the per-user card permissions (seed 003: a card can belong to several users).

An application acts for its whole company; a cardholder only on the cards they hold or were granted. Another
company's card, or one the user was never given, does not exist for the caller (404); a card the user was
given without the permission an action needs is forbidden (403). A partner's back-office operator reads the
rows of the partner's companies (`readable_by_companies`).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any, Literal, TypeVar

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity.principals import GatewayCaller
from migo.platform.errors import ApiError

from .errors import CARD_ERRORS, STATUS_ERRORS
from .models import Card, CardProgram, CardStatement, CardStockBatch, CardTransaction, CardUser, ExternalCard

Permission = Literal["view", "transact", "manage"]
ALL_PERMISSIONS: tuple[Permission, ...] = ("view", "transact", "manage")
Scope = GatewayCaller | uuid.UUID  # a caller, or a company acting through the platform (the CLI, a job)
Row = TypeVar("Row", Card, CardProgram, CardStatement, CardStockBatch, CardTransaction, ExternalCard)


def _granted(user_id: uuid.UUID, card_id: Any, permission: Permission | None = None) -> Any:
    """The user holds or was given the card (with `permission`, when one is named)."""
    condition = exists().where(CardUser.card_id == card_id, CardUser.user_id == user_id)
    if permission:
        condition = condition.where(CardUser.permissions.contains([permission]))
    return condition.correlate_except(CardUser)  # its own card_users, even when the outer query joins them


def readable(scope: Scope, model: type[Row]) -> Select[Row]:
    """The rows of `model` the caller may read: its company's, and for a cardholder only those of the cards
    they were given (a transaction or a statement: of a card they may `view`; a linked card: their own)."""
    caller = scope if isinstance(scope, GatewayCaller) else None
    statement = select(model).where(model.company_id == (caller.company_id if caller else scope))
    if caller is None or caller.user_id is None or model is CardProgram:
        return statement
    user = caller.user_id
    if model is Card:
        return statement.where(_granted(user, Card.id))
    if model is CardTransaction:
        return statement.where(
            or_(
                _granted(user, CardTransaction.source_card_id, "view"),
                _granted(user, CardTransaction.target_card_id, "view"),
            )
        )
    if model is CardStatement:
        return statement.where(_granted(user, CardStatement.card_id, "view"))
    return statement.where(ExternalCard.user_id == user)


def readable_by_companies(company_ids: Collection[uuid.UUID], model: type[Row]) -> Select[Row]:
    """The rows of `model` of any of these companies: what a partner's operator may read (none: nothing)."""
    return select(model).where(model.company_id.in_(list(company_ids)))


async def permissions_of(session: AsyncSession, card_id: uuid.UUID, user_id: uuid.UUID) -> list[str] | None:
    return await session.scalar(
        select(CardUser.permissions).where(CardUser.card_id == card_id, CardUser.user_id == user_id)
    )


async def card_for(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, need: Permission, *, lock: bool = False
) -> Card:
    """The card if the caller may `need` it: not found when it is not readable; forbidden when the cardholder
    was given it without this permission."""
    statement = readable(caller, Card).where(Card.id == card_id)
    card = await session.scalar(statement.with_for_update(of=Card) if lock else statement)
    if card is None:
        raise ApiError(CARD_ERRORS.CARD_NOT_FOUND)
    if caller.user_id is not None:
        granted = await permissions_of(session, card.id, caller.user_id)
        if need not in (granted or ()):
            raise ApiError(CARD_ERRORS.CARD_PERMISSION_DENIED, f"This needs the `{need}` permission on the card.")
    return card


def require_status(card: Card, *allowed: str) -> None:
    if card.status not in allowed:
        raise ApiError(STATUS_ERRORS[card.status])
