"""Third-party card linking (seed 004): a cardholder's card from another issuer, kept as a token."""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.identity.principals import GatewayCaller
from migo.platform import clock, pan
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import CardNumber

from .access import readable
from .errors import CARD_ERRORS
from .models import ExternalCard


async def _holder(session: AsyncSession, caller: GatewayCaller, user_id: uuid.UUID) -> None:
    """An application reaches any cardholder of its company; a cardholder only themselves."""
    if caller.user_id is not None and caller.user_id != user_id:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    await identity.get_cardholder(session, caller.company_id, user_id)


async def link(
    session: AsyncSession,
    caller: GatewayCaller,
    user_id: uuid.UUID,
    *,
    card_number: CardNumber,
    expiry_month: int,
    expiry_year: int,
    holder_name: str,
) -> ExternalCard:
    await _holder(session, caller, user_id)
    number = pan.normalize(card_number.reveal())
    if not pan.is_valid(number):
        raise ApiError(CARD_ERRORS.INVALID_CARD_NUMBER)
    now = clock.now()
    if (expiry_year, expiry_month) < (now.year, now.month):
        raise ApiError(CARD_ERRORS.CARD_EXPIRED)
    sealed = pan.seal(number)
    card = ExternalCard(
        id=new_id(),
        company_id=caller.company_id,
        user_id=user_id,
        pan_ciphertext=sealed.ciphertext,
        pan_fingerprint=sealed.fingerprint,
        brand=pan.brand_of(number),
        last4=sealed.last4,
        expiry_month=expiry_month,
        expiry_year=expiry_year,
        holder_name=holder_name,
        created_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(card)
            await session.flush()
    except IntegrityError as exc:
        raise ApiError(CARD_ERRORS.EXTERNAL_CARD_ALREADY_LINKED) from exc
    return card


async def linked_cards(session: AsyncSession, caller: GatewayCaller, user_id: uuid.UUID) -> list[ExternalCard]:
    await _holder(session, caller, user_id)
    return list(
        await session.scalars(
            readable(caller, ExternalCard)
            .where(ExternalCard.user_id == user_id)
            .order_by(ExternalCard.created_at, ExternalCard.id)
        )
    )


async def unlink(session: AsyncSession, caller: GatewayCaller, user_id: uuid.UUID, external_card_id: uuid.UUID) -> None:
    """Delete the token and its encrypted number: nothing of the card stays behind."""
    await _holder(session, caller, user_id)
    card = await session.scalar(
        readable(caller, ExternalCard).where(ExternalCard.id == external_card_id, ExternalCard.user_id == user_id)
    )
    if card is None:
        raise ApiError(CARD_ERRORS.EXTERNAL_CARD_NOT_FOUND)
    await session.delete(card)
