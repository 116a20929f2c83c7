"""An operator's block of a cardholder: its sign-in and the cards it owns, stopped together and restored
together.

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

from migo.cards import service as cards
from migo.identity import service as identity
from migo.identity.principals import OperatorPrincipal

from .access import own_partner


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
