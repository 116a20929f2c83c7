"""Saved cards: a card an end customer verified once, then charged by the merchant without the customer (a
subscription's renewals, on-demand and bulk charges).

Verifying is a zero-amount authorization at the client's processor for the card's brand, customer-initiated
(a 3-D Secure challenge is answered there and then), run as every processor call is (checkout.py): the card is
vaulted and the saved card committed `pending` first, the processor asked outside any transaction under a key
derived from it, its answer recorded after. A verification whose answer was lost moves no money; the recovery
job closes it as declined (`processing_error`) and the customer verifies again.

A saved card's public `token` names it to its client, for the one customer it was verified for: another
client's token, or another customer's, does not exist (404).
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, pan
from migo.platform.db import database
from migo.platform.errors import MW_ERRORS, ApiError
from migo.platform.ids import alphanumeric
from migo.platform.secrets import Secret
from migo.platform.settings import get_settings

from . import checkout, clients, suspensions
from .access import readable
from .errors import PAYMENT_ERRORS
from .models import CardToken, SavedCard
from .processors import Authorization, CardData, ProcessorError, processor_named
from .testcards import BY_NUMBER

TOKEN_PREFIX = "card_"


@dataclass(frozen=True)
class SavedCardView:
    """A saved card as its merchant sees it: never more of the number than the brand and the last four."""

    id: uuid.UUID
    token: str
    user_id: str
    brand: str
    last4: str
    expiry_month: int
    expiry_year: int


@dataclass(frozen=True)
class Verification:
    verified: bool
    decline_code: str | None
    card: SavedCardView
    challenged: bool = False  # the customer must answer a 3-D Secure challenge (`complete_verification`)


def verification_key(saved_card_id: uuid.UUID) -> str:
    return f"migo_ver_{saved_card_id.hex}"


def _view(saved: SavedCard, token: CardToken) -> SavedCardView:
    return SavedCardView(
        id=saved.id,
        token=saved.token,
        user_id=saved.user_id,
        brand=token.brand,
        last4=token.last4,
        expiry_month=token.expiry_month,
        expiry_year=token.expiry_year,
    )


async def verify_card(
    merchant_slug: str,
    client_slug: str,
    user_id: str,
    card: CardData,
    *,
    currency: str | None,
    three_ds_code: Secret | None,
    interactive: bool = False,
) -> Verification:
    """Verify and save a card for `user_id` of the merchant's client. A refusal before the processor is asked
    (5000, 2004-2006, 5004, 429) leaves nothing behind; a decline is an answer (`verified: false`), kept. A
    3-D Secure challenge is answered with `three_ds_code` (the sandbox API), left open for the customer to
    answer on a hosted page (`interactive`: `challenged`, then `complete_verification`), or else declined
    `authentication_required`."""
    number = card.number.reveal()
    if not (get_settings().is_sandbox and number in BY_NUMBER):
        await checkout.CARD_TRIES.consume(pan.fingerprint(number).hex())
    async with database.side_transaction() as session:
        client = await clients.client_for_merchant(session, client_slug, merchant_slug)
        await suspensions.enforce(session, client, user_id)
        route = await checkout.card_route(session, client, number)
        info, terms, refusals = route.info, route.terms, route.refusals
        token = await checkout.tokenize(session, card, info.brand)
        saved = SavedCard(
            id=uuid.uuid4(),
            token=TOKEN_PREFIX + alphanumeric(24),
            client_id=client.id,
            user_id=user_id,
            card_token_id=token.id,
            processor=terms.name if terms else None,
            status="pending",
        )
        session.add(saved)
        await session.flush()
        refused = None
        if not get_settings().is_sandbox and number in BY_NUMBER:
            refused = "test_card_in_production"
        elif refusals or terms is None:
            refused = "card_not_allowed"
        if refused is not None:
            _record(saved, Authorization("declined", decline_code=refused))
            return Verification(False, refused, _view(saved, token))
        check_currency = currency if currency in client.currencies else client.currencies[0]
    processor = processor_named(saved.processor or "")
    key = verification_key(saved.id)
    try:
        answer = await asyncio.wait_for(
            processor.authorize(
                card,
                amount=Decimal(0),
                currency=check_currency,
                installments=1,
                capture=False,
                key=key,
                descriptor=client.display_name,
            ),
            checkout.PROCESSOR_TIMEOUT,
        )
        if answer.status == "requires_action":
            saved.three_ds = "challenged"
            if three_ds_code is not None:
                assert answer.reference is not None
                answer = await asyncio.wait_for(
                    processor.authenticate(answer.reference, three_ds_code, key=f"{key}_3ds"),
                    checkout.PROCESSOR_TIMEOUT,
                )
            elif not interactive:
                answer = Authorization("declined", reference=answer.reference, decline_code="authentication_required")
    except (ProcessorError, TimeoutError):
        raise ApiError(PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE) from None
    async with database.side_transaction() as session:
        kept = await session.get(SavedCard, saved.id, with_for_update=True)
        assert kept is not None
        if kept.status == "pending":
            kept.three_ds = saved.three_ds
            _record(kept, answer)
        verified = kept.status == "verified"
        return Verification(verified, kept.decline_code, _view(kept, token), kept.status == "requires_action")


async def complete_verification(
    saved_card_id: uuid.UUID, code: Secret, *, client_slug: str, user_id: str
) -> Verification:
    """Answer the 3-D Secure challenge of a verification left open for the customer (of this client and
    customer only); answered once (a second answer while the first is asked is refused, 409)."""
    async with database.side_transaction() as session:
        saved = await session.scalar(
            readable(client_slug, SavedCard)
            .where(SavedCard.id == saved_card_id, SavedCard.user_id == user_id)
            .with_for_update(of=SavedCard)
        )
        if saved is None or saved.status != "requires_action" or saved.processor_reference is None:
            raise ApiError(MW_ERRORS.CONFLICT, "There is no 3-D Secure challenge waiting for this card.")
        saved.status = "pending"
        token = await session.get(CardToken, saved.card_token_id)
        assert token is not None
    try:
        answer = await asyncio.wait_for(
            processor_named(saved.processor or "").authenticate(
                saved.processor_reference, code, key=f"{verification_key(saved.id)}_3ds"
            ),
            checkout.PROCESSOR_TIMEOUT,
        )
    except (ProcessorError, TimeoutError):
        raise ApiError(PAYMENT_ERRORS.PROCESSOR_UNAVAILABLE) from None
    async with database.side_transaction() as session:
        kept = await session.get(SavedCard, saved_card_id, with_for_update=True)
        assert kept is not None
        if kept.status == "pending":
            _record(kept, answer)
        return Verification(kept.status == "verified", kept.decline_code, _view(kept, token))


def _record(saved: SavedCard, answer: Authorization) -> None:
    saved.processor_reference = answer.reference
    if answer.status == "requires_action":  # left for the customer to answer on the hosted page
        saved.status = "requires_action"
        return
    if saved.three_ds == "challenged" and answer.decline_code != "authentication_required":
        saved.three_ds = "failed" if answer.decline_code == "authentication_failed" else "passed"
    if answer.status == "approved":
        saved.status, saved.verified_at = "verified", clock.now()
    else:
        saved.status, saved.decline_code = "declined", answer.decline_code or "generic_decline"


async def find_saved_card(session: AsyncSession, merchant_slug: str, token: Secret, user_id: str) -> SavedCardView:
    """A verified card of the merchant's client saved for this customer, by its token; 404 otherwise."""
    row = (
        await session.execute(
            readable(merchant_slug, SavedCard)
            .add_columns(CardToken)
            .join(CardToken, CardToken.id == SavedCard.card_token_id)
            .where(SavedCard.token == token.reveal(), SavedCard.user_id == user_id, SavedCard.status == "verified")
        )
    ).first()
    if row is None:
        raise ApiError(MW_ERRORS.NOT_FOUND, "No verified card with this cardToken for this customer.")
    return _view(row[0], row[1])


async def saved_card_by_id(session: AsyncSession, saved_card_id: uuid.UUID) -> SavedCardView:
    """A saved card by its id (a subscription names the one it charges)."""
    row = (
        await session.execute(
            select(SavedCard, CardToken)
            .join(CardToken, CardToken.id == SavedCard.card_token_id)
            .where(SavedCard.id == saved_card_id)
        )
    ).one()
    return _view(row[0], row[1])


# How long a customer has to answer a verification's 3-D Secure challenge.
CHALLENGE_LIFETIME = timedelta(minutes=30)


async def close_stale_verifications(session: AsyncSession) -> int:
    """Verifications left pending past the recovery age (their request died), or challenged and never
    answered: declined, so nothing waits on them; a zero-amount check moved no money, and the customer
    verifies again."""
    now = clock.now()
    closed = await session.execute(
        update(SavedCard)
        .where(
            or_(
                and_(SavedCard.status == "pending", SavedCard.created_at < now - checkout.RECOVERY_AGE),
                and_(SavedCard.status == "requires_action", SavedCard.created_at < now - CHALLENGE_LIFETIME),
            )
        )
        .values(status="declined", decline_code="processing_error")
    )
    return closed.rowcount or 0  # type: ignore[attr-defined]
