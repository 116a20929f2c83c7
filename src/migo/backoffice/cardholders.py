"""A partner's cardholders as the back office serves them (the CMS routes and the dashboard's pages alike):
the search, the profile with its cards, and an operator's block of a cardholder or of one card.

A cardholder's block stops its sign-in and the cards it owns together, and restores them together.

Identity stops the sign-in (and ends every session at once); the cards domain blocks each ACTIVE card the
cardholder owns and marks it as the block's, so that lifting the block unblocks exactly those cards and never
one blocked for another reason. Both are idempotent: blocking a blocked cardholder, or unblocking one that is
not blocked, changes nothing and answers the cardholder as it is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request

from migo.cards import service as cards
from migo.cards.schemas import MovementOut
from migo.identity import service as identity
from migo.identity.principals import OperatorPrincipal
from migo.platform.auditing import record_changes
from migo.platform.pagination import PageMeta, PageRequest
from migo.platform.pan import masked

from .access import own_partner
from .schemas import CardholderBlockOut, CardStatusOut, HeldCardOut, PartnerCardholderDetail, PartnerCardholderOut


@dataclass(frozen=True)
class CardholderBlockChange:
    """The cardholder's block after the call, and the cards the call blocked or unblocked."""

    state: identity.BlockState
    card_ids: list[uuid.UUID]


async def change_block(
    session: AsyncSession,
    operator: OperatorPrincipal,
    partner_id: uuid.UUID,
    user_id: uuid.UUID,
    action: Literal["block", "unblock"],
    reason: str,
) -> CardholderBlockChange:
    partner = await own_partner(session, operator, partner_id)
    change = identity.block_cardholder if action == "block" else identity.unblock_cardholder
    state = await change(session, partner, user_id, reason)
    if not state.changed:
        return CardholderBlockChange(state, [])
    actor = cards.Actor("operator", str(operator.operator_id), "cms")
    moved = await cards.holder_transition(session, state.company_id, state.user_id, action, reason=reason, actor=actor)
    return CardholderBlockChange(state, moved)


async def search(
    session: AsyncSession,
    operator: OperatorPrincipal,
    partner_id: uuid.UUID,
    status: str | None,
    page: PageRequest,
) -> tuple[list[PartnerCardholderOut], PageMeta]:
    """The cardholders of every company of the partner; `searchText` matches names, email, phone, document
    number and external id, and four digits also the last four of a card the cardholder owns."""
    partner = await own_partner(session, operator, partner_id)
    statement = identity.partner_cardholders(partner, status)
    by_card = None
    if page.search_text is not None and len(page.search_text) == 4 and page.search_text.isdigit():
        companies = await identity.company_ids_of_partner(session, partner)
        by_card = identity.cardholder_among(await cards.owners_by_last4(session, companies, page.search_text))
    found, meta = await identity.PARTNER_CARDHOLDERS.fetch(session, statement, page, also_matching=by_card)
    return [PartnerCardholderOut.model_validate(user) for user in found], meta


async def profile(
    session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID, user_id: uuid.UUID
) -> PartnerCardholderDetail:
    """The cardholder's profile and cards (masked number, status, balance, latest movements)."""
    user = await identity.partner_cardholder(session, await own_partner(session, operator, partner_id), user_id)
    held = await cards.holder_cards(session, user.company_id, user.id)
    return PartnerCardholderDetail(
        **PartnerCardholderOut.model_validate(user).model_dump(),
        cards=[
            HeldCardOut(
                card_id=item.card.id,
                masked_pan=masked(item.card.bin, item.card.last4),
                last4=item.card.last4,
                status=item.card.status,
                currency=item.balance.currency,
                balance=item.balance.balance,
                available_balance=item.balance.available,
                is_owner=item.is_owner,
                expiry_month=item.card.expiry_month,
                expiry_year=item.card.expiry_year,
                blocked_with_holder=item.card.blocked_with_holder,
                recent_movements=[MovementOut.of(movement) for movement in item.recent_movements],
            )
            for item in held
        ],
    )


# What a cardholder's block and its lifting move: the cardholder's status, and its cards' (before, after).
_BLOCK_MOVES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "block": (("active", "disabled"), ("ACTIVE", "BLOCKED")),
    "unblock": (("disabled", "active"), ("BLOCKED", "ACTIVE")),
}


async def cardholder_block(
    request: Request,
    partner_id: uuid.UUID,
    user_id: uuid.UUID,
    action: Literal["block", "unblock"],
    reason: str,
    operator: OperatorPrincipal,
    session: AsyncSession,
) -> CardholderBlockOut:
    """`change_block`, with what it changed told to the call's audit record."""
    done = await change_block(session, operator, partner_id, user_id, action, reason)
    statuses, (card_before, card_after) = _BLOCK_MOVES[action]
    if done.state.changed:  # an idempotent repeat changed nothing, and its record says so
        moved = [str(card_id) for card_id in done.card_ids]
        record_changes(request, status=statuses, blockedCards=([], moved) if action == "block" else (moved, []))
    return CardholderBlockOut(
        user_id=done.state.user_id,
        status=done.state.status,
        blocked_at=done.state.blocked_at,
        block_reason=done.state.block_reason,
        cards=[
            CardStatusOut(card_id=card_id, status=card_after, previous_status=card_before) for card_id in done.card_ids
        ],
    )


async def card_status(
    request: Request,
    partner_id: uuid.UUID,
    card_id: uuid.UUID,
    action: Literal["block", "unblock"],
    reason: str,
    operator: OperatorPrincipal,
    session: AsyncSession,
) -> CardStatusOut:
    """An operator's block or unblock of one card of the partner's companies, told to the call's audit record."""
    companies = await identity.company_ids_of_partner(session, await own_partner(session, operator, partner_id))
    before, card = await cards.operator_transition(
        session, companies, card_id, action, reason=reason, operator_id=operator.operator_id
    )
    record_changes(request, status=(before, card.status))
    return CardStatusOut(card_id=card.id, status=card.status, previous_status=before)
