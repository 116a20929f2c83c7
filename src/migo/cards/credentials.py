"""Card secrets: the PIN (only a keyed hash, three strikes) and the CVV (derived, never stored, shown
once per single-use 60-second view token, seed 003)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
import uuid
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.identity import service as identity
from migo.identity.principals import GatewayCaller
from migo.platform import clock, pan, security
from migo.platform.db import database
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import CardNumber, Cvv, Otp, Pin, Secret

from .access import card_for, require_status
from .audit import Actor, audit
from .errors import CARD_ERRORS
from .models import Card, CvvViewToken

PIN_TRIES = 3
VIEW_TOKEN_TTL = timedelta(seconds=60)


def _pin_digest(card_id: uuid.UUID, pin: Pin) -> bytes:
    return security.keyed_hash(f"{card_id}:{pin.reveal()}", purpose="pin")


def check_pin_policy(pin: Pin) -> None:
    value = pin.reveal()
    digits = [int(c) for c in value] if re.fullmatch(r"[0-9]{4}", value) else None
    if digits is None:
        raise ApiError(CARD_ERRORS.WEAK_PIN)
    steps = {b - a for a, b in itertools.pairwise(digits)}
    if steps in ({0}, {1}, {-1}):
        raise ApiError(CARD_ERRORS.WEAK_PIN)


def _require_user(caller: GatewayCaller) -> uuid.UUID:
    """PINs and CVVs are the cardholder's: an application token alone may not handle them."""
    if caller.user_id is None:
        raise ApiError(ERRORS.USER_TOKEN_REQUIRED)
    return caller.user_id


async def set_pin(session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, pin: Pin, actor: Actor) -> Card:
    _require_user(caller)
    card = await card_for(session, caller, card_id, "manage", lock=True)
    require_status(card, "ACTIVE", "BLOCKED")
    if card.pin_digest is not None:
        raise ApiError(CARD_ERRORS.PIN_ALREADY_SET)
    check_pin_policy(pin)
    card.pin_digest = _pin_digest(card.id, pin)
    card.pin_failures = 0
    await audit(session, card, "pin_set", actor, before=card.status)
    return card


async def verify_pin(session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, pin: Pin) -> Card:
    """Every try costs one of three, counted first in a transaction of its own (so parallel guesses cannot
    outrun the count); a right PIN gives the tries back, the third wrong one locks the PIN until a reset."""
    card = await card_for(session, caller, card_id, "transact")
    require_status(card, "ACTIVE", "BLOCKED")
    if card.pin_digest is None:
        raise ApiError(CARD_ERRORS.PIN_NOT_SET)
    async with database.side_transaction() as counter:
        tries = await counter.scalar(
            update(Card)
            .where(Card.id == card.id, Card.pin_failures < PIN_TRIES)
            .values(pin_failures=Card.pin_failures + 1)
            .returning(Card.pin_failures)
        )
    if tries is None:
        raise ApiError(CARD_ERRORS.PIN_LOCKED)
    if security.constant_time_equals(card.pin_digest, _pin_digest(card.id, pin)):
        await session.execute(update(Card).where(Card.id == card.id).values(pin_failures=0))
        return card
    if tries >= PIN_TRIES:
        raise ApiError(CARD_ERRORS.PIN_LOCKED)
    raise ApiError(
        CARD_ERRORS.INCORRECT_PIN, f"The PIN is not correct; {PIN_TRIES - tries} tries left before it locks."
    )


async def rotate_pin(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, current_pin: Pin, new_pin: Pin, actor: Actor
) -> Card:
    _require_user(caller)
    check_pin_policy(new_pin)
    # Permission first: a try must never be spent by a caller who may not rotate. No row lock yet: the
    # try counter is updated in a transaction of its own, which would wait on it.
    await card_for(session, caller, card_id, "manage")
    await verify_pin(session, caller, card_id, current_pin)
    card = await card_for(session, caller, card_id, "manage", lock=True)
    card.pin_digest = _pin_digest(card.id, new_pin)
    card.pin_failures = 0
    await audit(session, card, "pin_rotate", actor, before=card.status)
    return card


async def reset_pin(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, code: Otp, new_pin: Pin, actor: Actor
) -> Card:
    """Set a new PIN (and unlock it) with a one-time code sent by `/users/auth/otp` for `pin_reset`."""
    user_id = _require_user(caller)
    card = await card_for(session, caller, card_id, "manage", lock=True)
    require_status(card, "ACTIVE", "BLOCKED")
    check_pin_policy(new_pin)
    user = await identity.get_cardholder(session, caller.company_id, user_id)
    await identity.verify_otp(session, user, "pin_reset", code)
    card.pin_digest = _pin_digest(card.id, new_pin)
    card.pin_failures = 0
    await audit(session, card, "pin_reset", actor, before=card.status)
    return card


async def issue_cvv_view_token(session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID) -> Secret:
    user_id = _require_user(caller)
    card = await card_for(session, caller, card_id, "transact")  # a CVV is what paying online takes
    require_status(card, "ACTIVE", "BLOCKED")
    token = "cvt_" + security.random_token(24)
    now = clock.now()
    session.add(
        CvvViewToken(
            id=new_id(),
            card_id=card.id,
            user_id=user_id,
            token_digest=security.token_digest(token),
            expires_at=now + VIEW_TOKEN_TTL,
            created_at=now,
        )
    )
    return Secret(token)


def derive_cvv(number: CardNumber, expiry_month: int, expiry_year: int) -> Cvv:
    """The CVV is a keyed function of PAN and expiry (as card networks' CVKs do), so it is never stored."""
    message = f"{number.digits().reveal()}{expiry_year % 100:02d}{expiry_month:02d}".encode()
    digest = hmac.new(security.derive_key("cvv"), message, hashlib.sha256).digest()
    return Cvv(f"{int.from_bytes(digest[:4], 'big') % 1000:03d}")


async def reveal_cvv(
    session: AsyncSession, caller: GatewayCaller, card_id: uuid.UUID, view_token: Secret | None
) -> Cvv:
    """Spend the view token (bound to this user and card, 60 s, once) and return the CVV."""
    user_id = _require_user(caller)
    card = await card_for(session, caller, card_id, "transact")
    require_status(card, "ACTIVE", "BLOCKED")
    if view_token is None:
        raise ApiError(CARD_ERRORS.INVALID_VIEW_TOKEN)
    now = clock.now()
    spent = await session.scalar(
        update(CvvViewToken)
        .where(
            CvvViewToken.token_digest == security.token_digest(view_token.reveal()),
            CvvViewToken.card_id == card.id,
            CvvViewToken.user_id == user_id,
            CvvViewToken.used_at.is_(None),
            CvvViewToken.expires_at > now,
        )
        .values(used_at=now)
        .returning(CvvViewToken.id)
    )
    if spent is None:
        raise ApiError(CARD_ERRORS.INVALID_VIEW_TOKEN)
    return derive_cvv(pan.reveal(card.pan_ciphertext), card.expiry_month, card.expiry_year)
