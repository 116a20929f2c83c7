"""Activation (seed 004, step 4): the cardholder proves they hold the plastic, printed inactive in stock, by its
number and the name embossed on it; the card becomes ACTIVE and theirs."""

from __future__ import annotations

import re
import unicodedata
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.identity import service as identity
from migo.identity.errors import IDENTITY_ERRORS
from migo.platform import clock, pan
from migo.platform.errors import ApiError
from migo.platform.ratelimit import Limit
from migo.platform.secrets import CardNumber

from .access import ALL_PERMISSIONS, readable
from .audit import Actor, audit
from .errors import CARD_ERRORS, STATUS_ERRORS
from .models import Card, CardUser

# Wrong card numbers or names at activation: five per cardholder per 15 minutes, and on the public webview
# twenty per address.
ACTIVATION_FAILURES_PER_USER = Limit("activation-failures", attempts=5, window_seconds=900)
ACTIVATION_FAILURES_PER_IP = Limit("activation-failures-ip", attempts=20, window_seconds=900)


def _name_key(name: str) -> str:
    """Names compare without case, accents, punctuation or extra spaces ("José  Pérez" = "JOSE PEREZ")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^A-Za-z0-9 ]", " ", plain).upper().split())


async def activate(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    user_id: uuid.UUID,
    card_number: CardNumber,
    cardholder_name: str,
    actor: Actor,
    client_ip: str | None = None,
) -> Card:
    """Seed 004 step 4: the cardholder proves they hold the plastic (number and embossed name).

    Wrong tries are limited per cardholder, and on the public webview (`client_ip`) per address too; a try
    reserves its place first and a successful activation gives it back, so only failures count.
    """
    user = await identity.get_cardholder(session, company_id, user_id)
    if user.status != "active":  # a blocked cardholder gets no new card to spend with until the block is lifted
        raise ApiError(IDENTITY_ERRORS.USER_DISABLED)
    attempts = f"{company_id}:{user_id}"
    if client_ip is not None:
        await ACTIVATION_FAILURES_PER_IP.reserve(client_ip)
    await ACTIVATION_FAILURES_PER_USER.reserve(attempts)
    number = pan.normalize(card_number.reveal())
    if not pan.is_valid(number):
        raise ApiError(CARD_ERRORS.INVALID_CARD_NUMBER)
    card = await session.scalar(
        readable(company_id, Card).where(Card.pan_fingerprint == pan.fingerprint(number)).with_for_update()
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
