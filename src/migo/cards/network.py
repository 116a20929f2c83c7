"""What the card processor (Volcan) tells us about issued cards used at merchants: an authorization holds the
amount on the card, a clearing posts it (to the card network's settlement account), a reversal releases it.
Each notice (`/rest/webhooks/volcan`, applied once: webhooks.inbound) changes the card's money through the
ledger only, and writes an event for the company."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.ledger import service as ledger

from .models import Card, CardProgram
from .schemas import VolcanNotice

NETWORK_SETTLEMENT = "card_network_settlement"
CLEARING_KIND = "card_clearing"  # the ledger entry of a clearing


@dataclass(frozen=True)
class NetworkOutcome:
    outcome: str  # approved | declined:<reason> | cleared | reversed | rejected:<reason>
    entry_id: uuid.UUID | None = None


def _hold_reference(card_id: uuid.UUID, authorization_id: str) -> str:
    return f"network-auth:{card_id}:{authorization_id}"


async def _card(session: AsyncSession, card_id: uuid.UUID) -> tuple[Card, CardProgram] | None:
    card = await session.get(Card, card_id, with_for_update=True)
    if card is None:
        return None
    program = await session.get(CardProgram, card.program_id)
    assert program is not None
    return card, program


async def _event(session: AsyncSession, card: Card, kind: str, **data: object) -> None:
    await events.record(
        session,
        f"card.{kind}",
        company_id=card.company_id,
        subject_id=str(card.id),
        data={"cardId": str(card.id), **data},
    )


async def authorize(
    session: AsyncSession,
    *,
    card_id: uuid.UUID,
    authorization_id: str,
    amount: Decimal,
    currency: str,
    merchant_name: str | None,
) -> NetworkOutcome:
    found = await _card(session, card_id)
    if found is None:
        return NetworkOutcome("rejected:unknown_card")
    card, program = found
    if currency != program.currency:
        outcome = "declined:currency_mismatch"
    elif card.status != "ACTIVE":
        outcome = f"declined:card_{card.status.lower()}"
    else:
        hold = await ledger.place_hold(
            session, reference=_hold_reference(card.id, authorization_id), account_id=card.account_id, amount=amount
        )
        if hold.outcome == "duplicate":  # the same authorization again, under a new notice id
            return NetworkOutcome("rejected:duplicate_authorization")
        outcome = "declined:insufficient_funds" if hold.outcome == "insufficient_funds" else "approved"
    status, _, reason = outcome.partition(":")
    await _event(
        session,
        card,
        "authorization",
        authorizationId=authorization_id,
        amount=str(amount),
        currency=currency,
        status=status,
        declineReason=reason or None,
        merchantName=merchant_name,
    )
    return NetworkOutcome(outcome)


async def clear(
    session: AsyncSession, *, notice_id: str, card_id: uuid.UUID, authorization_id: str, amount: Decimal, currency: str
) -> NetworkOutcome:
    """Post a cleared amount. The first clearing of an authorization posts its hold (the uncleared rest is
    released); a later one (a split shipment) or one without an authorization (a forced post) debits the
    card directly, if it can. Each clearing notice posts once."""
    found = await _card(session, card_id)
    if found is None:
        return NetworkOutcome("rejected:unknown_card")
    card, program = found
    if currency != program.currency:
        return NetworkOutcome("rejected:currency_mismatch")
    network = await ledger.system_account(session, kind=NETWORK_SETTLEMENT, currency=currency)
    legs = ledger.transfer_legs(card.account_id, network.id, amount)
    reference = f"network-clearing:{notice_id}"
    hold = await ledger.hold_by_reference(session, _hold_reference(card.id, authorization_id))
    if hold is not None and hold.status == "pending":
        result = await ledger.post_hold(session, hold_id=hold.id, reference=reference, kind=CLEARING_KIND, legs=legs)
    else:
        result = await ledger.post_entry(session, reference=reference, kind=CLEARING_KIND, legs=legs)
    if not result.applied:
        return NetworkOutcome(f"rejected:{result.outcome}")
    await _event(session, card, "clearing", authorizationId=authorization_id, amount=str(amount), currency=currency)
    return NetworkOutcome("cleared", result.entry_id)


async def reverse(session: AsyncSession, *, card_id: uuid.UUID, authorization_id: str) -> NetworkOutcome:
    found = await _card(session, card_id)
    if found is None:
        return NetworkOutcome("rejected:unknown_card")
    card, _ = found
    hold = await ledger.hold_by_reference(session, _hold_reference(card.id, authorization_id))
    if hold is None or await ledger.void_hold(session, hold.id) != "voided":
        return NetworkOutcome("rejected:no_pending_authorization")
    await _event(
        session, card, "reversal", authorizationId=authorization_id, amount=str(hold.amount), currency=hold.currency
    )
    return NetworkOutcome("reversed")


async def apply_notice(session: AsyncSession, notice: VolcanNotice) -> tuple[str, uuid.UUID | None]:
    """What a Volcan notice does (webhooks.inbound applies each notice id once)."""
    if notice.type == "reversal":
        done = await reverse(session, card_id=notice.card_id, authorization_id=notice.authorization_id)
    elif notice.amount is None or notice.currency is None:
        return "rejected:amount_and_currency_required", None
    elif notice.type == "authorization":
        done = await authorize(
            session,
            card_id=notice.card_id,
            authorization_id=notice.authorization_id,
            amount=notice.amount,
            currency=notice.currency,
            merchant_name=notice.merchant_name,
        )
    else:
        done = await clear(
            session,
            notice_id=notice.id,
            card_id=notice.card_id,
            authorization_id=notice.authorization_id,
            amount=notice.amount,
            currency=notice.currency,
        )
    return done.outcome, done.entry_id
